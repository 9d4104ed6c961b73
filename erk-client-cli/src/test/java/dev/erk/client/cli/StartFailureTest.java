package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkStartException;
import dev.erk.client.cli.internal.RecordingHandler;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that cannot start fails with an {@link ErkStartException} that names the command and
 * the real reason, carries the error the spawn saw, and leaves nothing on stderr or in the log.
 */
class StartFailureTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final RecordingHandler handler = new RecordingHandler();
  private final List<LogRecord> logged = handler.records();
  private PrintStream originalErr = System.err;

  @BeforeEach
  void captureLogAndStderr() {
    handler.setLevel(Level.ALL);
    Logger.getLogger("").addHandler(handler);
    originalErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void nothingWasLoggedOrPrinted() {
    System.setErr(originalErr);
    Logger.getLogger("").removeHandler(handler);
    List<String> records =
        logged.stream()
            .filter(r -> r.getLevel().intValue() >= 800)
            .map(r -> r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown())
            .toList();
    assertEquals(List.of(), records);
    // Once the fuzz tests ran in this JVM, Jazzer's agent notes each class loaded after them.
    List<String> printed =
        stderr
            .toString(StandardCharsets.UTF_8)
            .lines()
            .filter(line -> !line.startsWith("INFO: Instrumented "))
            .toList();
    assertEquals(List.of(), printed);
  }

  private CliErkClient.Builder client() {
    return TestScripts.behave(dir).generation(ErkGeneration.CURRENT);
  }

  private static ActionRequest ok() {
    return ActionRequest.custom(ActionKind.TEXT, "exit", "0");
  }

  @Nested
  class WorkingDirectory {
    @Test
    void aMissingDirectoryIsRejectedByBuild() {
      Path missing = dir.resolve("no-such-dir");
      ErkStartException e =
          assertThrows(ErkStartException.class, () -> client().workingDirectory(missing).build());
      assertTrue(
          e.getMessage().contains("working directory " + missing + " does not exist"),
          e.getMessage());
    }

    @Test
    void aFileIsRejectedByBuild() throws IOException {
      Path file = Files.writeString(dir.resolve("plain.txt"), "not a directory\n");
      ErkStartException e =
          assertThrows(ErkStartException.class, () -> client().workingDirectory(file).build());
      assertTrue(
          e.getMessage().contains("working directory " + file + " is not a directory"),
          e.getMessage());
    }

    @Test
    void aDirectoryDeletedAfterBuildIsReportedAsMissingAtCallTime() throws IOException {
      Path repo = Files.createDirectory(dir.resolve("repo"));
      try (CliErkClient client = client().workingDirectory(repo).build()) {
        Files.delete(repo);
        ErkStartException e = assertThrows(ErkStartException.class, () -> client.run(ok()));
        assertTrue(
            e.getMessage().startsWith("could not start `" + client.executable() + " exit 0`: "),
            e.getMessage());
        assertTrue(
            e.getMessage().contains("working directory " + repo + " does not exist"),
            e.getMessage());
        assertNotNull(e.getCause());
      }
    }
  }

  @Nested
  class ArgumentsAndEnvironment {
    @Test
    void anArgumentOver128KiBIsNamedWithItsSizeAndTheLimit() {
      String comment = "y".repeat(200_000);
      try (CliErkClient client = client().build()) {
        ActionRequest close =
            DashboardAction.CLOSE_PR.request(new PlanRowsForTests().open(), comment);
        ErkStartException e = assertThrows(ErkStartException.class, () -> client.run(close));
        String message = e.getMessage();
        assertTrue(message.contains("argument 4 (--comment=<redacted>) is"), message);
        assertFalse(message.contains("yyy"), message);
        assertTrue(message.contains("is 200010 bytes"), message);
        assertTrue(message.contains("131072"), message);
        assertTrue(message.length() < 1000, message);
      }
    }

    @Test
    void anEnvironmentVariableOver128KiBIsNamed() {
      try (CliErkClient client = client().environment("ERK_HUGE", "z".repeat(150_000)).build()) {
        ErkStartException e = assertThrows(ErkStartException.class, () -> client.run(ok()));
        assertTrue(
            e.getMessage().contains("environment variable ERK_HUGE is 150009 bytes"),
            e.getMessage());
      }
    }

    @Test
    void argumentsTooLongOverallSaySo() {
      List<String> args = new ArrayList<>(List.of("argv"));
      for (int i = 0; i < 80; i++) {
        args.add("x".repeat(100_000));
      }
      try (CliErkClient client = client().build()) {
        ErkStartException e =
            assertThrows(
                ErkStartException.class,
                () ->
                    client.run(ActionRequest.custom(ActionKind.TEXT, args.toArray(String[]::new))));
        assertTrue(e.getMessage().contains("too long overall"), e.getMessage());
        assertTrue(e.getMessage().length() < 2000, e.getMessage());
      }
    }
  }

  @Nested
  class Executable {
    @Test
    void aBrokenSymbolicLinkNamesItsTarget() throws IOException {
      Path target = dir.resolve("erk-1.2.3");
      Path link = Files.createSymbolicLink(dir.resolve("erk"), target);
      try (CliErkClient client = client().executable(link).build()) {
        ErkStartException e = assertThrows(ErkStartException.class, () -> client.run(ok()));
        assertTrue(
            e.getMessage().contains(link + " is a broken symbolic link to " + target),
            e.getMessage());
      }
    }

    @Test
    void aScriptWhoseInterpreterIsMissingNamesTheInterpreter() throws IOException {
      Path script = Files.writeString(dir.resolve("erk"), "#!/nonexistent -u\nprint('hi')\n");
      assertTrue(script.toFile().setExecutable(true));
      try (CliErkClient client = client().executable(script).build()) {
        ErkStartException e = assertThrows(ErkStartException.class, () -> client.run(ok()));
        assertTrue(
            e.getMessage().contains("its interpreter /nonexistent does not exist"), e.getMessage());
        assertEquals(script, e.executable());
        IOException cause = assertInstanceOf(IOException.class, e.getCause());
        assertTrue(
            String.valueOf(cause.getMessage()).matches(".*error(=|: )2\\b.*"), cause.getMessage());
      }
    }

    @Test
    void aScriptWhoseInterpreterIsNotExecutableSaysSo() throws IOException {
      Path notExecutable = Files.writeString(dir.resolve("python"), "text\n");
      Path script = Files.writeString(dir.resolve("erk"), "#!" + notExecutable + "\n");
      assertTrue(script.toFile().setExecutable(true));
      try (CliErkClient client = client().executable(script).build()) {
        ErkStartException e = assertThrows(ErkStartException.class, () -> client.run(ok()));
        assertTrue(
            e.getMessage().contains("its interpreter " + notExecutable + " is not executable"),
            e.getMessage());
      }
    }
  }

  /**
   * Runs {@link FdExhaustionMain} in a JVM whose open-files limit is 256, so that using them all up
   * is quick and nothing else in this JVM is starved.
   */
  @Test
  void runningOutOfFileDescriptorsSaysSoWithTheLimit() throws Exception {
    Path prlimit = Path.of("/usr/bin/prlimit");
    assumeTrue(Files.isExecutable(prlimit), "needs util-linux's prlimit");
    String classPath =
        System.getProperty("java.class.path")
            + File.pathSeparator
            + System.getProperty("jdk.module.path", "");
    List<String> command =
        List.of(
            prlimit.toString(),
            "--nofile=256",
            "--",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            classPath,
            FdExhaustionMain.class.getName(),
            dir.toString());
    Path out = dir.resolve("jvm.out");
    Path err = dir.resolve("jvm.err");
    Process jvm =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM did not exit");
    String printed = Files.readString(out) + Files.readString(err);
    assertEquals(0, jvm.exitValue(), printed);
    assertEquals("", Files.readString(err));
    List<String> lines = Files.readAllLines(out);
    assertTrue(lines.contains("records 0"), printed);
    String message = lines.stream().filter(l -> l.startsWith("message ")).findFirst().orElseThrow();
    assertTrue(message.contains("could not start `"), message);
    assertTrue(message.contains("too many open files"), message);
    assertTrue(message.contains("limit (ulimit -n) is 256"), message);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("cause ") && l.contains("24")), printed);
    assertFalse(lines.contains("started"), printed);
  }
}
