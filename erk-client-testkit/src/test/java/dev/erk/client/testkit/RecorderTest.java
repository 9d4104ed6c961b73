package dev.erk.client.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ErkStartException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

  @Test
  void aRecordingReplaysStdoutStderrAndExitCodeByteForByte(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("real-erk");
    Files.writeString(
        script,
        "#!/bin/sh\nprintf 'out\\377\\n' ; printf 'err\\376' >&2; sleep 0.2;"
            + " printf 'more' ; exit 3\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Recorder.main(
        new String[] {
          "--erk",
          script.toString(),
          "--cwd",
          dir.toString(),
          "--out",
          dir.resolve("rec/x").toString(),
          "--",
          "exec",
          "dash-data"
        });
    Recording recording = Recording.read(dir.resolve("rec/x"));
    assertEquals(List.of("erk", "exec", "dash-data"), recording.argv());
    assertTrue(recording.timeline().size() >= 3, recording.timeline().toString());
    try (FakeErk erk = FakeErk.create()) {
      erk.stubFor(ArgvPattern.command("exec", "dash-data")).willReturn(recording.reply());
      Exec.Result replay = Exec.run(erk.executable(), "exec", "dash-data");
      Exec.Result real = Exec.run(script);
      assertEquals(3, replay.exitCode);
      assertArrayEquals(real.stdout, replay.stdout);
      assertArrayEquals(real.stderr, replay.stderr);
    }
  }

  @Test
  void anErkThatCannotStartFailsWithTheClientsExplanation(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-erk");

    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> Recorder.record(missing, dir, List.of("--version"), ""));

    ErkStartException cause =
        assertInstanceOf(ErkStartException.class, Objects.requireNonNull(e.getCause()).getCause());
    assertEquals(cause.getMessage(), e.getMessage());
    assertEquals(missing, cause.executable());
  }

  @Test
  void anInterruptedRecordingKillsErk(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("slow-erk");
    Path pidFile = dir.resolve("pid");
    Files.writeString(script, "#!/bin/sh\necho $$ > '" + pidFile + "'\nexec sleep 30\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread recording =
        new Thread(
            () -> {
              try {
                Recorder.record(script, dir, List.of("launch"), "");
                thrown.complete(new AssertionError("recorded"));
              } catch (Throwable e) {
                thrown.complete(e);
              }
            });
    recording.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(Files.exists(pidFile) && Files.size(pidFile) > 0) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    ProcessHandle erk =
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElseThrow();

    recording.interrupt();

    assertInstanceOf(InterruptedException.class, thrown.get(5, TimeUnit.SECONDS));
    erk.onExit().get(5, TimeUnit.SECONDS);
  }
}
