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
import java.util.function.Supplier;
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
   * Sends SIGTERM to the root's descendants, to the processes holding the write end of one of
   * {@code pipes} (open when the kill was decided), then to the root; and SIGKILL to all of them
   * still alive after {@code grace}, together with holders of the pipes still open by then.
   *
   * <p>Processes are only ever reached through handles captured while they were known to be
   * ours ({@link ProcessHandle#destroy()} checks the start time, so a recycled pid is safe), and
   * pipes are only looked for while this JVM still holds their read end (an inode is not reused
   * before every end is closed).
   */
  public static void terminate(@Nullable ProcessHandle root, Set<String> pipes,
      Supplier<Set<String>> openPipes, Duration grace, ScheduledExecutorService scheduler) {
    List<ProcessHandle> victims = collect(root, pipes);
    victims.forEach(ProcessHandle::destroy);
    Runnable finish = () -> {
      Set<ProcessHandle> survivors = new LinkedHashSet<>(victims);
      for (ProcessHandle victim : victims) {
        if (victim.isAlive()) {
          survivors.addAll(victim.descendants().collect(Collectors.toList()));
        }
      }
      survivors.addAll(collect(root, isGone(root) ? openPipes.get() : Set.of()));
      survivors.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    };
    scheduler.schedule(() -> SharedThreads.reaper().execute(finish), grace.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** True while the process exists and is not a zombie. */
  public static boolean isRunning(ProcessHandle process) {
    ProcStat stat = ProcStat.read(process.pid());
    return stat != null && !stat.isZombie();
  }

  /**
   * True when the root has exited (or is unknown): only then can its descendants no longer be
   * found through it, and only then is it worth scanning /proc for the pipes' holders.
   */
  public static boolean isGone(@Nullable ProcessHandle root) {
    if (root == null) {
      return true;
    }
    ProcStat stat = ProcStat.read(root.pid());
    return stat == null || stat.isZombie();
  }

  /** The root's descendants and the holders of the pipes, then the root itself. */
  static List<ProcessHandle> collect(@Nullable ProcessHandle root, Set<String> pipes) {
    Set<ProcessHandle> found = new LinkedHashSet<>();
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

  /**
   * Every process of this JVM's session, other than the JVM, that holds the write end of one of
   * the pipes. Holding the read end does not count: a child being spawned by vfork briefly holds
   * copies of the JVM's read ends until it closes its descriptors, and must not be mistaken for
   * a process that outlived its parent.
   */
  static List<ProcessHandle> pipeHolders(Set<String> pipes) {
    List<ProcessHandle> holders = new ArrayList<>();
    ProcStat self = ProcStat.read(SELF);
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        long pid = Long.parseLong(proc.getFileName().toString());
        if (pid == SELF || !holdsAny(proc, pipes)) {
          continue;
        }
        ProcStat stat = ProcStat.read(pid);
        if (self == null || stat != null && stat.session() == self.session()) {
          ProcessHandle.of(pid).ifPresent(holders::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      // /proc unreadable: nothing more can be found
    }
    return holders;
  }

  /** True when the descriptor was opened for writing (its fdinfo flags are O_WRONLY or O_RDWR). */
  private static boolean isWritable(Path fdinfo) throws IOException {
    for (String line : Files.readAllLines(fdinfo)) {
      if (line.startsWith("flags:")) {
        return (Integer.parseInt(line.substring(6).trim(), 8) & 3) != 0;
      }
    }
    return false;
  }

  private static boolean holdsAny(Path proc, Set<String> pipes) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
      for (Path fd : fds) {
        try {
          if (pipes.contains(Files.readSymbolicLink(fd).toString())
              && isWritable(proc.resolve("fdinfo").resolve(fd.getFileName()))) {
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
