package dev.erk.client.cli.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Kills a process tree: descendants first, SIGTERM, then SIGKILL for whatever is still alive after
 * a grace period.
 *
 * <p>A grandchild outlives its parent's exit by being re-parented, after which
 * {@link ProcessHandle#descendants()} no longer finds it. Such a process is found instead by the
 * pipe it still holds: the child's stdout or stderr pipe, named {@code pipe:[inode]} in
 * {@code /proc/<pid>/fd}.
 */
public final class ProcessTree {
  private static final long SELF = ProcessHandle.current().pid();

  private ProcessTree() {}

  /** The link target of a process's file descriptor, e.g. {@code pipe:[123]}, or null. */
  public static @Nullable String fdTarget(long pid, int fd) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd)))
          .toString();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Sends SIGTERM to the process's descendants, to the processes holding any of the given pipes,
   * then to the process; and SIGKILL to all of them still alive after {@code grace}.
   */
  public static void terminate(
      long pid, Set<String> pipes, Duration grace, ScheduledExecutorService scheduler) {
    List<ProcessHandle> victims = collect(pid, pipes);
    victims.forEach(ProcessHandle::destroy);
    scheduler.schedule(
        () -> {
          List<ProcessHandle> survivors = new ArrayList<>(victims);
          survivors.addAll(collect(pid, pipes));
          survivors.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        },
        grace.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** The process's descendants and pipe holders, then the process itself. */
  static List<ProcessHandle> collect(long pid, Set<String> pipes) {
    Set<ProcessHandle> found = new LinkedHashSet<>();
    ProcessHandle root = ProcessHandle.of(pid).orElse(null);
    if (root != null) {
      found.addAll(root.descendants().collect(Collectors.toList()));
    }
    if (!pipes.isEmpty()) {
      for (ProcessHandle holder : pipeHolders(pipes)) {
        found.add(holder);
        found.addAll(holder.descendants().collect(Collectors.toList()));
      }
    }
    if (root != null) {
      found.remove(root);
      found.add(root);
    }
    found.removeIf(p -> p.pid() == SELF);
    return new ArrayList<>(found);
  }

  /** Every process other than this JVM that holds one of the pipes open. */
  static List<ProcessHandle> pipeHolders(Set<String> pipes) {
    List<ProcessHandle> holders = new ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        long pid = Long.parseLong(proc.getFileName().toString());
        if (pid != SELF && holdsAny(proc.resolve("fd"), pipes)) {
          ProcessHandle.of(pid).ifPresent(holders::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      // /proc unreadable: nothing more can be found
    }
    return holders;
  }

  private static boolean holdsAny(Path fdDir, Set<String> pipes) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
      for (Path fd : fds) {
        try {
          if (pipes.contains(Files.readSymbolicLink(fd).toString())) {
            return true;
          }
        } catch (IOException e) {
          // the descriptor closed while we looked
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended or is not ours to read
    }
    return false;
  }
}
