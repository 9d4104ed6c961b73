package dev.erk.client.cli.reliability;

import dev.erk.client.cli.CliErkClient;
import dev.erk.client.cli.internal.ProcStat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the reliability tests share: the fake erk ({@code reliability/fake-erk.sh}), corpus files,
 * and checks on processes, threads and file descriptors of this JVM.
 */
final class Reliability {
  private Reliability() {}

  /** Copies {@code reliability/<name>} into the directory as an executable file. */
  static Path install(Path dir, String name) {
    Path target = dir.resolve(name);
    try {
      Files.write(target, resource(name));
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** The bytes of a test resource under {@code reliability/}, or an absolute one. */
  static byte[] resource(String name) {
    String path = name.startsWith("/") ? name : "/reliability/" + name;
    try (InputStream in =
        Objects.requireNonNull(Reliability.class.getResourceAsStream(path), path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A client running the fake erk, which replays {@code caseDir}'s files. Timeouts are short so
   * that a hang fails the test instead of the build.
   */
  static CliErkClient.Builder fake(Path caseDir) {
    return CliErkClient.builder()
        .executable(install(caseDir, "fake-erk.sh"))
        .workingDirectory(caseDir)
        .environment("FAKE_DIR", caseDir.toString())
        .dataTimeout(Duration.ofSeconds(20))
        .actionTimeout(Duration.ofSeconds(20))
        .streamTimeout(Duration.ofSeconds(30))
        .killGrace(Duration.ofMillis(300))
        .coalesceListPlans(false);
  }

  static void write(Path file, String text) {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pids the fake erk recorded, in order; empty if it never ran. */
  static List<Long> pids(Path caseDir) {
    Path file = caseDir.resolve("pids");
    try {
      return Files.exists(file)
          ? Files.readAllLines(file).stream().map(Long::parseLong).collect(Collectors.toList())
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The argv (after the executable) of the fake erk's last run. */
  static List<String> argv(Path caseDir) {
    try {
      String all = Files.readString(caseDir.resolve("argv"), StandardCharsets.UTF_8);
      return all.isEmpty()
          ? List.of()
          : Arrays.asList(all.substring(0, all.length() - 1).split("\0", -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True while the process exists and is not a zombie. */
  static boolean isRunning(long pid) {
    ProcStat stat = ProcStat.read(pid);
    return stat != null && !stat.isZombie();
  }

  /** The JVM's live (non-zombie) descendant processes. */
  static List<Long> liveDescendants() {
    return ProcessHandle.current()
        .descendants()
        .map(ProcessHandle::pid)
        .filter(Reliability::isRunning)
        .collect(Collectors.toList());
  }

  /**
   * Waits up to five seconds until no given pid and no descendant of this JVM is running.
   *
   * @return the survivors (empty when all is well)
   */
  static List<Long> survivors(List<Long> pids) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      List<Long> alive = new ArrayList<>(liveDescendants());
      pids.stream()
          .filter(Reliability::isRunning)
          .filter(p -> !alive.contains(p))
          .forEach(alive::add);
      if (alive.isEmpty() || System.nanoTime() > deadline) {
        return alive;
      }
      sleep(20);
    }
  }

  /** Fails naming the survivors if any pid or descendant is still running after five seconds. */
  static void assertNoneRunning(List<Long> pids) {
    List<Long> alive = survivors(pids);
    if (!alive.isEmpty()) {
      alive.forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
      throw new AssertionError("still running: " + alive);
    }
  }

  /** Open file descriptors of this JVM. */
  static int openFds() {
    String[] fds = Path.of("/proc/self/fd").toFile().list();
    return fds == null ? -1 : fds.length;
  }

  /** Names of this JVM's live threads. */
  static List<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .collect(Collectors.toList());
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
