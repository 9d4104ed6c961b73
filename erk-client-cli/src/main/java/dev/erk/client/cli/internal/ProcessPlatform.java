package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.NuProcess;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the SDK needs to know about processes beyond {@link ProcessHandle}: the one seam between
 * Linux-only mechanisms and a portable fallback.
 *
 * <ul>
 *   <li>On Linux ({@link LinuxProcesses}), {@code /proc} gives a child's exact wait status the
 *       moment it exits (without reaping it), and names the pipes a child was given, so that
 *       processes that outlived the child but still hold its output, in any session, are found and
 *       killed.
 *   <li>Elsewhere ({@link PortableProcesses}, used on macOS), the exit code is the one NuProcess
 *       reports when it reaps the child, and a process tree is what {@link
 *       ProcessHandle#descendants()} finds while the child lives.
 * </ul>
 */
public interface ProcessPlatform {
  /** The platform of this JVM. */
  static ProcessPlatform current() {
    return LinuxProcesses.isAvailable() ? LinuxProcesses.INSTANCE : PortableProcesses.INSTANCE;
  }

  /**
   * A token that tells this child from a later process with the same pid, for {@link #exitCode}; -1
   * if unknown or not needed.
   */
  long startTime(long pid);

  /**
   * The final exit code ({@code 128 + signal} if killed) of this JVM's child that has exited but
   * not been reaped yet, or empty while it runs, once it is reaped, or where the platform cannot
   * tell.
   *
   * @param startTime the child's {@link #startTime}
   * @param outputEnded true when asked on NuProcess's pump thread as the child's last pipe ends:
   *     NuProcess reaps it only after that, on the same thread, so it cannot be reaped yet, and a
   *     status that is final but not yet waitable counts too
   */
  OptionalInt exitCode(long pid, long startTime, boolean outputEnded);

  /**
   * True when every spawn that fails says why with an errno, so that the files and sizes involved
   * need looking at only after a failure. On Linux, NuProcess spawns through the JDK's {@code
   * forkAndExec}, whose child reports a failed {@code chdir} or {@code exec} back to the parent,
   * which then throws with its errno. Elsewhere they are checked before every spawn.
   */
  boolean reportsStartFailures();

  /** True while the process exists and has not exited. */
  boolean isRunning(ProcessHandle process);

  /** A name for the pipe behind NuProcess's read end of a child's stdout or stderr, or null. */
  @Nullable String pipeOf(NuProcess process, boolean stdout);

  /** The processes, other than this JVM, that hold the write end of one of the named pipes. */
  List<ProcessHandle> pipeWriters(Set<String> pipes);
}
