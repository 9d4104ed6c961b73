package dev.erk.client.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcessBuilder;
import dev.erk.client.ErkStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The NuProcess side of start failures: spawns that bypass the pre-checks (as every spawn on Linux
 * does), so that the kernel's errno arrives through NuProcess, and the logger filter that takes it.
 */
class StartFailuresTest {
  private static final Logger NUPROCESS =
      Logger.getLogger("com.zaxxer.nuprocess.internal.BasePosixProcess");

  @TempDir Path dir;

  private final RecordingHandler handler = new RecordingHandler();
  private final List<LogRecord> logged = handler.records();

  @BeforeEach
  void captureLog() {
    handler.setLevel(Level.ALL);
    Logger.getLogger("").addHandler(handler);
  }

  @AfterEach
  void releaseLog() {
    Logger.getLogger("").removeHandler(handler);
  }

  /** Starts a command the way Execution does, minus the checks; returns what NuProcess threw. */
  private Throwable failToStart(List<String> command, Path workingDirectory) {
    NuProcessBuilder builder = new NuProcessBuilder(command, Map.of());
    builder.setCwd(workingDirectory);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<Integer> exits = new CopyOnWriteArrayList<>();
    builder.setProcessListener(
        new NuAbstractProcessHandler() {
          @Override
          public void onExit(int statusCode) {
            assertEquals(1, failures.size(), "the failure is reported before onExit");
            exits.add(statusCode);
          }
        });
    assertNull(StartFailures.start(builder, failures::add));
    assertEquals(List.of(Integer.MIN_VALUE), exits);
    assertEquals(1, failures.size());
    assertEquals(List.of(), logged.stream().map(LogRecord::getMessage).toList());
    return failures.get(0);
  }

  @Test
  void aMissingWorkingDirectoryArrivesWithItsErrnoAndIsNotLogged() {
    Path gone = dir.resolve("gone");
    List<String> command = List.of("/bin/true");
    Throwable cause = failToStart(command, gone);
    assertTrue(cause instanceof IOException, String.valueOf(cause));
    assertEquals(OptionalInt.of(2), StartFailures.errno(cause));
    ErkStartException e = StartFailures.explain(command, gone, Map.of(), cause);
    assertEquals(
        "could not start `/bin/true`: the working directory " + gone + " does not exist",
        e.getMessage());
    assertSame(cause, e.getCause());
    assertEquals(Path.of("/bin/true"), e.executable());
  }

  /**
   * Where a failed spawn may not say why (macOS), the files are checked before the spawn; on Linux
   * only after the kernel refused it. Both must say the same.
   */
  @ParameterizedTest
  @CsvSource({
    "missing-directory",
    "missing-executable",
    "directory-as-executable",
    "not-executable",
    "broken-link",
    "argument-too-long"
  })
  void checkingBeforeTheSpawnSaysWhatTheKernelsRefusalIsExplainedAs(String problem)
      throws IOException {
    Path workingDirectory = problem.equals("missing-directory") ? dir.resolve("gone") : dir;
    Path executable =
        switch (problem) {
          case "missing-executable" -> dir.resolve("erk");
          case "directory-as-executable" -> Files.createDirectory(dir.resolve("erk"));
          case "not-executable" -> Files.writeString(dir.resolve("erk"), "#!/bin/sh\n");
          case "broken-link" ->
              Files.createSymbolicLink(dir.resolve("erk"), dir.resolve("uninstalled"));
          default -> Path.of("/bin/true");
        };
    List<String> command =
        problem.equals("argument-too-long")
            ? List.of(executable.toString(), "y".repeat(140_000))
            : List.of(executable.toString(), "dash");

    ErkStartException before =
        assertThrows(
            ErkStartException.class,
            () -> StartFailures.check(command, workingDirectory, Map.of()));
    Throwable refusal = failToStart(command, workingDirectory);
    ErkStartException after = StartFailures.explain(command, workingDirectory, Map.of(), refusal);

    assertEquals(after.getMessage(), before.getMessage());
    assertEquals(executable, before.executable());
  }

  @Test
  void anArgumentTheKernelRefusesIsNamedFromTheErrno() {
    List<String> command = List.of("/bin/true", "short", "y".repeat(140_000));
    Throwable cause = failToStart(command, dir);
    assertEquals(OptionalInt.of(7), StartFailures.errno(cause));
    String message = StartFailures.explain(command, dir, Map.of(), cause).getMessage();
    assertTrue(
        message.startsWith(
            "could not start `/bin/true short '"
                + "y".repeat(60)
                + "…(140000 chars)'`: argument 2 ("
                + "y".repeat(40)
                + "…) is 140000 bytes"),
        message);
  }

  @Test
  void recordsOutsideASpawnPassThroughUntouched() throws Exception {
    failToStart(List.of("/bin/true"), dir.resolve("gone"));
    // Seen here only, not printed by the console handler: they are no failure of this build.
    NUPROCESS.setUseParentHandlers(false);
    NUPROCESS.addHandler(handler);
    try {
      NUPROCESS.log(Level.WARNING, "Failed to start process", new IOException("error=2, host's"));
      Thread other =
          new Thread(
              () ->
                  NUPROCESS.log(
                      Level.WARNING,
                      "Exception thrown from handler",
                      new IllegalStateException("host's handler")));
      other.start();
      other.join();
    } finally {
      NUPROCESS.removeHandler(handler);
      NUPROCESS.setUseParentHandlers(true);
    }
    assertEquals(
        List.of("Failed to start process", "Exception thrown from handler"),
        logged.stream().map(LogRecord::getMessage).toList());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "error=2, No such file or directory|2",
        "Exec failed, error: 7 (Argument list too long) |7",
        "Create stdout pipe() failed, return code: -1, last error: 24|24"
      })
  void theErrnoIsReadFromEveryFormat(String message, int errno) {
    assertEquals(OptionalInt.of(errno), StartFailures.errno(new IOException(message)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "error=8, Exec format error|is not in a format this system can run (ENOEXEC)",
        "error=11, Resource temporarily unavailable|create another process (EAGAIN)",
        "error=12, Cannot allocate memory|not enough memory to create a process (ENOMEM)",
        "error=23, Too many open files in system|table of open files is full (ENFILE)",
        "error=24, Too many open files|too many open files (EMFILE)",
        "error=26, Text file busy|is open for writing (ETXTBSY)"
      })
  void eachErrnoHasItsReason(String message, String reason) {
    List<String> command = List.of("/bin/true");
    ErkStartException e = StartFailures.explain(command, dir, Map.of(), new IOException(message));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void noReasonAtAllStillNamesTheCommand() {
    ErkStartException e = StartFailures.explain(List.of("/bin/true", "x"), dir, Map.of(), null);
    assertEquals(
        "could not start `/bin/true x`: the process did not start, and no reason was " + "reported",
        e.getMessage());
    assertNull(e.getCause());
  }
}
