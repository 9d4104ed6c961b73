package dev.erk.client.cli;

import dev.erk.client.cli.internal.ProcStat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/** Test scripts copied out of the classpath (resources lose their exec bit), and process checks. */
final class TestScripts {
  private TestScripts() {}

  /** Copies {@code scripts/<name>} into the directory as an executable file. */
  static Path install(Path dir, String name) {
    Path target = dir.resolve(name);
    try (InputStream in =
        Objects.requireNonNull(TestScripts.class.getResourceAsStream("/scripts/" + name), name)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** A client running {@code behave.sh} from the directory, with short timeouts for tests. */
  static CliErkClient.Builder behave(Path dir) {
    return CliErkClient.builder()
        .executable(install(dir, "behave.sh"))
        .workingDirectory(dir)
        .killGrace(Duration.ofMillis(300));
  }

  /** True while the process exists and is not a zombie. */
  static boolean isRunning(long pid) {
    ProcStat stat = ProcStat.read(pid);
    return stat != null && !stat.isZombie();
  }

  /** Waits up to five seconds for every pid to stop running; fails naming the survivors. */
  static void assertAllGone(long... pids) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (Arrays.stream(pids).anyMatch(TestScripts::isRunning)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "still running: "
                + Arrays.toString(Arrays.stream(pids).filter(TestScripts::isRunning).toArray()));
      }
      Thread.sleep(20);
    }
  }
}
