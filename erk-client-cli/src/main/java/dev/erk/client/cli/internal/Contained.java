package dev.erk.client.cli.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs completion callbacks and timer tasks so that nothing they throw is lost.
 *
 * <p>A {@link CompletableFuture#whenComplete} action that throws only fails the stage it returns,
 * and a scheduled task that throws only fails its {@link java.util.concurrent.ScheduledFuture}:
 * where nobody reads those, the throwable vanishes. Here it goes to the running thread's
 * uncaught-exception handler instead, which on the SDK's own threads logs it at ERROR. Callbacks
 * that must complete a call's future still catch what they throw themselves; this is the net under
 * them.
 */
public final class Contained {
  private Contained() {}

  /** Runs {@code action} when {@code future} completes; whatever it throws is reported. */
  @SuppressWarnings("FutureReturnValueIgnored") // the stage cannot fail: the action cannot throw
  public static <T> void whenDone(
      CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> action) {
    future.whenComplete(
        (value, error) -> {
          try {
            action.accept(value, error);
          } catch (Throwable thrown) {
            report(thrown);
          }
        });
  }

  /** Runs {@code task} once on {@code timer} after the delay; whatever it throws is reported. */
  @SuppressWarnings("FutureReturnValueIgnored") // fire and forget: the task cannot throw
  public static void later(
      ScheduledExecutorService timer, Runnable task, long delay, TimeUnit unit) {
    timer.schedule(
        () -> {
          try {
            task.run();
          } catch (Throwable thrown) {
            report(thrown);
          }
        },
        delay,
        unit);
  }

  private static void report(Throwable thrown) {
    Thread thread = Thread.currentThread();
    try {
      thread.getUncaughtExceptionHandler().uncaughtException(thread, thrown);
    } catch (Throwable broken) {
      // A handler that throws itself leaves nowhere else to report to.
    }
  }
}
