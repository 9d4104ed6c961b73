package dev.erk.client.testkit;

import dev.erk.client.cli.internal.ChildTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kills the fake's processes that are still running: every script run leaves an empty file named by
 * its pid in {@code pids/}. A pid counts as the fake's own only while that process started no later
 * than its file was written (plus a second of clock slack), so a pid the kernel has since given to
 * an unrelated process is left alone. Each such process's tree is killed as the client kills a tree
 * at JVM exit ({@link ChildTree#killNow()}).
 */
final class ProcessReaper {

  private static final Duration SLACK = Duration.ofSeconds(1);
  private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

  private ProcessReaper() {}

  /**
   * Kills each live process recorded in {@code pids} with its descendants, and waits a moment for
   * them to exit; returns how many processes it found to kill.
   */
  static int killAll(Path pids) {
    List<ProcessHandle> killed = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(pids)) {
      for (Path file : files) {
        ownProcess(file)
            .ifPresent(
                root -> {
                  killed.addAll(root.descendants().toList());
                  killed.add(root);
                  ChildTree.of(root).killNow();
                });
      }
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the fake erk's processes in " + pids, e);
    }
    for (ProcessHandle process : killed) {
      try {
        process.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException | TimeoutException e) {
        // SIGKILL was sent; a process stuck in the kernel is beyond our reach.
      }
    }
    return killed.size();
  }

  private static Optional<ProcessHandle> ownProcess(Path file) throws IOException {
    long pid;
    Instant written;
    try {
      pid = Long.parseLong(file.getFileName().toString());
      written = Files.getLastModifiedTime(file).toInstant();
    } catch (NumberFormatException | NoSuchFileException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info()
                    .startInstant()
                    .map(start -> !start.isAfter(written.plus(SLACK)))
                    .orElse(false));
  }
}
