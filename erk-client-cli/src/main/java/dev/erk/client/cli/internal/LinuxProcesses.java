package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.internal.BasePosixProcess;
import com.zaxxer.nuprocess.internal.ReferenceCountedFileDescriptor;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Linux {@link ProcessPlatform}: reads {@code /proc}. See {@link ProcStat} for how an exit
 * status is read before the child is reaped.
 */
final class LinuxProcesses implements ProcessPlatform {
  static final LinuxProcesses INSTANCE = new LinuxProcesses();
  private static final long SELF = ProcessHandle.current().pid();

  private LinuxProcesses() {}

  /** Looked up once: every execution asks. */
  private static final boolean AVAILABLE =
      System.getProperty("os.name", "").startsWith("Linux") && ProcStat.read(SELF) != null;

  static boolean isAvailable() {
    return AVAILABLE;
  }

  /** Not needed where {@code waitid} works: it sees only this JVM's own unreaped children. */
  @Override
  public long startTime(long pid) {
    if (ChildWait.isAvailable()) {
      return -1;
    }
    ProcStat stat = ProcStat.read(pid);
    return stat == null ? -1 : stat.startTime();
  }

  /**
   * From {@code waitid} where it works ({@link ChildWait}), which touches no {@code /proc} entry.
   * {@code /proc/<pid>/stat} has the status a moment earlier: it is read when the output has ended
   * (about one call in ten finds the child not yet waitable then), and where {@code waitid} does
   * not work.
   */
  @Override
  public OptionalInt exitCode(long pid, long startTime, boolean outputEnded) {
    if (ChildWait.isAvailable()) {
      OptionalInt waited = ChildWait.exitCode(pid);
      if (waited.isPresent() || !outputEnded) {
        return waited;
      }
    }
    ProcStat stat = ProcStat.read(pid);
    if (stat != null && stat.hasExited() && (startTime < 0 || stat.startTime() == startTime)) {
      return OptionalInt.of(stat.exitCode());
    }
    return OptionalInt.empty();
  }

  @Override
  public boolean reportsStartFailures() {
    return true;
  }

  @Override
  public boolean isRunning(ProcessHandle process) {
    ProcStat stat = ProcStat.read(process.pid());
    return stat != null && !stat.isZombie() && process.isAlive();
  }

  /**
   * Named by this JVM's read end, not by the child's descriptor: a child that exits at once may
   * already be a zombie, with no descriptors left to read, while its own child holds the pipe.
   */
  @Override
  public @Nullable String pipeOf(NuProcess process, boolean stdout) {
    if (!(process instanceof BasePosixProcess posix)) {
      return null;
    }
    ReferenceCountedFileDescriptor descriptor = stdout ? posix.getStdout() : posix.getStderr();
    int fd = descriptor.acquire();
    try {
      String target = fd < 0 ? null : fdTarget(Path.of("/proc/self/fd", Integer.toString(fd)));
      return target != null && target.startsWith("pipe:") ? target : null;
    } finally {
      descriptor.release();
    }
  }

  /**
   * Every process that holds the write end of one of the pipes, in any session: a grandchild that
   * called {@code setsid} still writes into erk's output. Holding the read end does not count: a
   * child being spawned briefly holds copies of the JVM's read ends until it closes them. A pipe's
   * inode is not reused while this JVM holds its read end, so the names are safe to look for.
   */
  @Override
  public List<ProcessHandle> pipeWriters(Set<String> pipes) {
    List<ProcessHandle> writers = new ArrayList<>();
    if (pipes.isEmpty()) {
      return writers;
    }
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        long pid = Long.parseLong(proc.getFileName().toString());
        if (pid != SELF && writesAny(proc, pipes)) {
          ProcessHandle.of(pid).ifPresent(writers::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      // /proc unreadable: nothing more can be found
    }
    return writers;
  }

  private static boolean writesAny(Path proc, Set<String> pipes) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
      for (Path fd : fds) {
        String target = fdTarget(fd);
        if (target != null
            && pipes.contains(target)
            && isWritable(proc.resolve("fdinfo").resolve(fd.getFileName()))) {
          return true;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended or is not ours to read
    }
    return false;
  }

  private static @Nullable String fdTarget(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** True when the descriptor was opened for writing (its fdinfo flags are O_WRONLY or O_RDWR). */
  private static boolean isWritable(Path fdinfo) {
    try {
      for (String line : Files.readAllLines(fdinfo)) {
        if (line.startsWith("flags:")) {
          return (Integer.parseInt(line.substring(6).trim(), 8) & 3) != 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the descriptor closed while we looked
    }
    return false;
  }
}
