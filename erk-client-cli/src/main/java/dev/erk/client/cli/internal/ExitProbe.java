package dev.erk.client.cli.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads one child's exit status from {@code /proc/<pid>/stat} (see {@link ProcStat}), and only
 * that child's: a pid reused by another process after the child was reaped has another start
 * time and reads as not exited.
 */
final class ExitProbe {
  private static final long FIRST_SOON_MICROS = 50;
  private static final long LAST_SOON_MICROS = 1000;
  private static final int SOON_POLLS = 300;

  private final long pid;
  private final long startTime;

  /** Call while the child is known to be ours: right after it started. */
  ExitProbe(long pid) {
    this.pid = pid;
    ProcStat stat = ProcStat.read(pid);
    this.startTime = stat == null ? -1 : stat.startTime();
  }

  /** The child's final exit code ({@code 128 + signal} if killed), or null while it runs. */
  @Nullable Integer exitCode() {
    ProcStat stat = ProcStat.read(pid);
    if (stat != null && stat.hasExited() && (startTime < 0 || stat.startTime() == startTime)) {
      return stat.exitCode();
    }
    return null;
  }

  /**
   * Runs {@code poll} on the scheduler again and again, 50 µs apart at first and up to 1 ms
   * apart, until it returns true or 300 polls have run: for a child that closed its pipes itself
   * and is expected to exit a moment later.
   */
  static void pollSoon(ScheduledExecutorService scheduler, BooleanSupplier poll) {
    pollSoon(scheduler, poll, SOON_POLLS, FIRST_SOON_MICROS);
  }

  private static void pollSoon(
      ScheduledExecutorService scheduler, BooleanSupplier poll, int remaining, long delayMicros) {
    if (remaining <= 0) {
      return;
    }
    scheduler.schedule(() -> {
      if (!poll.getAsBoolean()) {
        pollSoon(scheduler, poll, remaining - 1, Math.min(LAST_SOON_MICROS, delayMicros * 2));
      }
    }, delayMicros, TimeUnit.MICROSECONDS);
  }
}
