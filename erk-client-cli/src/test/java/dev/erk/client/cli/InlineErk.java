package dev.erk.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** A fake erk written in the test itself: a POSIX sh script whose body is given. */
final class InlineErk {
  private InlineErk() {}

  /** Writes {@code body} as an executable sh script and returns a client builder for it. */
  static CliErkClient.Builder script(Path dir, String body) {
    Path script = dir.resolve("erk-" + Integer.toHexString(body.hashCode()) + ".sh");
    try {
      Files.writeString(script, "#!/bin/sh\n" + body + "\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CliErkClient.builder()
        .executable(script)
        .workingDirectory(dir)
        .killGrace(Duration.ofMillis(300));
  }

  /** The children of this JVM that are still running (not zombies). */
  static long runningChildren() {
    return ProcessHandle.current().children().filter(p -> TestScripts.isRunning(p.pid())).count();
  }
}
