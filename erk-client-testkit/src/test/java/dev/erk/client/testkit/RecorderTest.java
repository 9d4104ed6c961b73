package dev.erk.client.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

  @Test
  void aRecordingReplaysStdoutStderrAndExitCodeByteForByte(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("real-erk");
    Files.writeString(script, "#!/bin/sh\nprintf 'out\\377\\n' ; printf 'err\\376' >&2; sleep 0.2;"
        + " printf 'more' ; exit 3\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Recorder.main(new String[] {"--erk", script.toString(), "--cwd", dir.toString(),
        "--out", dir.resolve("rec/x").toString(), "--", "exec", "dash-data"});
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
}
