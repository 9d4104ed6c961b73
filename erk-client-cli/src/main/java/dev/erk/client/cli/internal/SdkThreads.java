package dev.erk.client.cli.internal;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The threads the SDK owns, shared by every client: one scheduler for timers (timeouts, kill grace
 * periods), and a cached pool of workers that spawn processes, kill process trees, complete futures
 * and, by default, call line listeners.
 *
 * <p>Workers are created on demand and are never shared between two blocking things: a listener
 * that never returns holds one worker, and every other call gets another. All threads are daemons
 * named {@code erk-client-…}, have no context class loader, and end after {@value #IDLE_SECONDS} s
 * idle, so the SDK holds no thread while it is not used. {@link #release} ends them at once.
 */
public final class SdkThreads {
  /** Every SDK-owned thread's name starts with this. */
  public static final String PREFIX = "erk-client-";

  static final long IDLE_SECONDS = 2;
  private static @Nullable ScheduledThreadPoolExecutor scheduler;
  private static @Nullable ElasticPool workers;

  private SdkThreads() {}

  /** The timer. Its tasks must be short and must never block: hand real work to workers. */
  public static synchronized ScheduledThreadPoolExecutor scheduler() {
    ScheduledThreadPoolExecutor current = scheduler;
    if (current == null || current.isShutdown()) {
      // One core thread that may time out: with a core size of one (not zero) a delayed task
      // always has a thread to run it, since the last worker never quits while tasks are queued.
      current = new ScheduledThreadPoolExecutor(1, daemons("scheduler"));
      current.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
      current.allowCoreThreadTimeOut(true);
      current.setRemoveOnCancelPolicy(true);
      scheduler = current;
    }
    return current;
  }

  /** The workers: a few threads, and one more whenever work waits behind busy ones. */
  public static synchronized Executor workers() {
    ElasticPool current = workers;
    if (current == null || current.executor().isShutdown()) {
      current =
          new ElasticPool(
              Math.max(2, Runtime.getRuntime().availableProcessors()),
              IDLE_SECONDS,
              daemons("worker"),
              SdkThreads::scheduler);
      workers = current;
    }
    return current;
  }

  /**
   * Runs a task on a worker. Never throws: if the pool was released meanwhile, a new one runs it.
   */
  public static void execute(Runnable task) {
    try {
      workers().execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      workers().execute(task);
    }
  }

  /**
   * Runs a drain task for a user's listener: on a worker when {@code executor} is null, else on
   * {@code executor}, reached through a worker so that an executor that runs tasks inline never
   * runs the listener on the thread that asked (which may be NuProcess's pump thread). A rejected
   * task runs on that worker. Never throws.
   */
  public static void executeFor(@Nullable Executor executor, Runnable drain) {
    if (executor == null) {
      execute(drain);
      return;
    }
    execute(
        () -> {
          try {
            executor.execute(drain);
          } catch (RejectedExecutionException e) {
            drain.run();
          }
        });
  }

  /**
   * Ends the SDK's threads: lets queued timers lapse, waits up to {@code timeout} for running tasks
   * to end, and returns true if every thread has ended. Later use starts new threads.
   */
  public static boolean release(Duration timeout) {
    ScheduledThreadPoolExecutor timers;
    ThreadPoolExecutor pool;
    synchronized (SdkThreads.class) {
      timers = scheduler;
      pool = workers == null ? null : workers.executor();
      scheduler = null;
      workers = null;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean ended = true;
    for (@Nullable ThreadPoolExecutor executor :
        new @Nullable ThreadPoolExecutor[] {pool, timers}) {
      if (executor == null) {
        continue;
      }
      executor.shutdownNow();
      try {
        ended &=
            executor.awaitTermination(
                Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return ended;
  }

  private static ThreadFactory daemons(String role) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, PREFIX + role + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      // A thread keeps its context class loader alive; the SDK's threads need none.
      thread.setContextClassLoader(null);
      thread.setUncaughtExceptionHandler(
          (t, e) ->
              System.getLogger("dev.erk.client")
                  .log(System.Logger.Level.ERROR, "uncaught in " + t.getName(), e));
      return thread;
    };
  }
}
