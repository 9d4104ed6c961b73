package dev.erk.client.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A stand-in {@code erk} executable for the streaming benchmarks: a small Python script (started
 * with {@code -S -E}, about 10 ms) whose argv picks the workload. Every timestamp it prints is
 * {@code time.time_ns()}, i.e. {@code clock_gettime(CLOCK_REALTIME)}, the clock behind {@link
 * java.time.Instant#now()} on Linux.
 */
final class StandIn {
  @SuppressWarnings("StringConcatToTextBlock") // one Java line per script line, indentation exact
  private static final String SCRIPT =
      String.join(
          "\n",
          "#!/usr/bin/python3 -SE",
          "import os, sys, time",
          "mode = sys.argv[1]",
          "if mode == 'stamps':",
          "    count, pause = int(sys.argv[2]), float(sys.argv[3]) / 1000.0",
          "    for i in range(count):",
          "        os.write(1, b'%d\\n' % time.time_ns())",
          "        time.sleep(pause)",
          "elif mode == 'exit':",
          "    os.write(1, b'%d\\n' % time.time_ns())",
          "    os._exit(0)",
          "elif mode == 'seq':",
          "    os.execv('/usr/bin/seq', ['seq', '1', sys.argv[2]])",
          "");

  private StandIn() {}

  /** Writes the script into a new temporary directory and returns its path. */
  static Path create() {
    try {
      Path dir = Files.createTempDirectory("erk-bench-");
      Path script = dir.resolve("erk");
      Files.writeString(script, SCRIPT);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      dir.toFile().deleteOnExit();
      script.toFile().deleteOnExit();
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long epochNanosNow() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
