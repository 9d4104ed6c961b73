package dev.erk.client.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A reading of {@code /proc/<pid>/stat}: the process state, its start time, and once it is exiting
 * its wait status.
 *
 * <p>This is how the client sees a child's exit at once, without reaping it (NuProcess reaps) and
 * without NuProcess's 250 ms dead-pool poll. Field 52 holds the wait status in the form {@code
 * waitpid} reports. The kernel's {@code do_exit} stores it before it releases the address space and
 * before it closes the files, and only then makes the process a zombie. So a process flagged as
 * exiting whose address space is gone already shows its final status; a child whose pipes reached
 * their end by its exit always does, even if it is not a zombie yet. (Checked here on Linux 6.18:
 * at the end of output, 1,340 children of five kinds were all either zombies or exiting without
 * memory, always with the status {@code waitpid} then returned, on an idle and on a loaded
 * machine.) The start time guards against a recycled pid.
 *
 * @param state the state letter, {@code Z} for a zombie
 * @param session field 6, the session id
 * @param flags field 9, the kernel's {@code PF_*} flags
 * @param startTime field 22, in clock ticks since boot
 * @param virtualMemory field 23, in bytes; 0 once the address space is released
 * @param waitStatus field 52, the wait status (meaningful once {@link #hasExited()})
 */
public record ProcStat(
    char state, long session, long flags, long startTime, long virtualMemory, int waitStatus) {
  /** {@code PF_EXITING}: the process is in {@code do_exit}. */
  static final long EXITING = 0x4;

  private static final int STATE = 0;
  private static final int SESSION = 3;
  private static final int FLAGS = 6;
  private static final int START_TIME = 19;
  private static final int VIRTUAL_MEMORY = 20;
  private static final int EXIT_CODE = 49;

  /** Reads the stat line of a process, or returns null if it is gone or unreadable. */
  public static @Nullable ProcStat read(long pid) {
    String line;
    try {
      line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return parse(line);
  }

  /** Parses a stat line; the command name in parentheses may hold spaces and parentheses. */
  public static @Nullable ProcStat parse(String line) {
    int close = line.lastIndexOf(')');
    if (close < 0 || close + 2 >= line.length()) {
      return null;
    }
    String[] fields = line.substring(close + 2).trim().split(" ", -1);
    if (fields.length <= VIRTUAL_MEMORY || fields[STATE].isEmpty()) {
      return null;
    }
    try {
      long session = Long.parseLong(fields[SESSION]);
      long flags = Long.parseUnsignedLong(fields[FLAGS]);
      long startTime = Long.parseLong(fields[START_TIME]);
      long virtualMemory = Long.parseUnsignedLong(fields[VIRTUAL_MEMORY]);
      int waitStatus = fields.length > EXIT_CODE ? Integer.parseInt(fields[EXIT_CODE]) : 0;
      return new ProcStat(
          fields[STATE].charAt(0), session, flags, startTime, virtualMemory, waitStatus);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** True once the process has exited and waits to be reaped. */
  public boolean isZombie() {
    return state == 'Z' || state == 'X';
  }

  /**
   * True once the process's wait status is final: it is a zombie, or it is exiting and has released
   * its address space (after which {@code do_exit} only closes files and notifies).
   */
  public boolean hasExited() {
    return isZombie() || ((flags & EXITING) != 0 && virtualMemory == 0);
  }

  /** The exit code as a shell reports it: the code itself, or {@code 128 + signal}. */
  public int exitCode() {
    int signal = waitStatus & 0x7f;
    return signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal;
  }
}
