package dev.erk.client.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A reading of {@code /proc/<pid>/stat}: the process state, its start time, and for a zombie its
 * wait status.
 *
 * <p>This is how the client sees a child's exit at once, without reaping it (NuProcess reaps) and
 * without NuProcess's 250 ms dead-pool poll: a zombie's exit status is field 52 of its stat line,
 * in the form {@code waitpid} reports. The start time guards against a recycled pid.
 *
 * @param state the state letter, {@code Z} for a zombie
 * @param session field 6, the session id
 * @param startTime field 22, in clock ticks since boot
 * @param waitStatus field 52, the wait status (meaningful for a zombie)
 */
public record ProcStat(char state, long session, long startTime, int waitStatus) {
  private static final int STATE = 0;
  private static final int SESSION = 3;
  private static final int START_TIME = 19;
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
    String[] fields = line.substring(close + 2).trim().split(" ");
    if (fields.length <= START_TIME || fields[STATE].isEmpty()) {
      return null;
    }
    try {
      long session = Long.parseLong(fields[SESSION]);
      long startTime = Long.parseLong(fields[START_TIME]);
      int waitStatus = fields.length > EXIT_CODE ? Integer.parseInt(fields[EXIT_CODE]) : 0;
      return new ProcStat(fields[STATE].charAt(0), session, startTime, waitStatus);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** True once the process has exited and waits to be reaped. */
  public boolean isZombie() {
    return state == 'Z' || state == 'X';
  }

  /** The exit code as a shell reports it: the code itself, or {@code 128 + signal}. */
  public int exitCode() {
    int signal = waitStatus & 0x7f;
    return signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal;
  }
}
