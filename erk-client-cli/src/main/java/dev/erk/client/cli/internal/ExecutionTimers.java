package dev.erk.client.cli.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The timers of one {@link Execution}, on the SDK's scheduler: its timeout, the watch on a child
 * still running a moment after its start, the linger after an exit, and the wait after a kill. Not
 * thread-safe: every method runs under the execution's lock; the tasks themselves take it.
 */
final class ExecutionTimers {
  /** A child still running this long after its start gets the JDK's exit watch. */
  static final long WATCH_AFTER_MILLIS = 20;

  /** How long after a child's exit its pipes may stay open before their holders are ended. */
  static final long LINGER_MILLIS = 50;

  private final Duration killGrace;
  private @Nullable ScheduledFuture<?> timeout;
  private @Nullable ScheduledFuture<?> exitWatch;

  ExecutionTimers(Duration killGrace) {
    this.killGrace = killGrace;
  }

  /**
   * The child has started. Most calls end by the end of their output within milliseconds; only a
   * child still running a moment later gets {@code watchExit}, which costs a reaper thread's
   * wake-ups.
   *
   * @param limit how long the child may run; null for no limit
   */
  void started(Runnable watchExit, @Nullable Duration limit, Runnable onTimeout) {
    exitWatch =
        SdkThreads.scheduler().schedule(watchExit, WATCH_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    if (limit != null) {
      timeout = SdkThreads.scheduler().schedule(onTimeout, limit.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Runs {@code task} once the linger after an exit has passed. */
  void afterLinger(Runnable task) {
    Contained.later(SdkThreads.scheduler(), task, LINGER_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} once the kill grace and one more second have passed. */
  void afterKillGrace(Runnable task) {
    Contained.later(
        SdkThreads.scheduler(), task, killGrace.toMillis() + 1000, TimeUnit.MILLISECONDS);
  }

  /** The execution is over: its timeout and exit watch will not be needed. */
  void cancel() {
    if (timeout != null) {
      timeout.cancel(false);
    }
    if (exitWatch != null) {
      exitWatch.cancel(false);
    }
  }
}
