package dev.erk.client.cli.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few threads the SDK owns, shared by every client: one scheduler (timeouts, exit polls, kill
 * grace periods), one reaper (kills process trees) and a small pool that runs listener callbacks
 * and completes futures. All are
 * daemon threads that end when idle, named {@code erk-client-…}.
 */
public final class SharedThreads {
  /** Every SDK-owned thread's name starts with this. */
  public static final String PREFIX = "erk-client-";

  private static final ScheduledThreadPoolExecutor SCHEDULER = newScheduler();
  private static final ThreadPoolExecutor CALLBACKS = newCallbackPool();
  private static final ThreadPoolExecutor REAPER = newReaper();

  private SharedThreads() {}

  /** The scheduler. Its tasks must be short and must never block. */
  public static ScheduledExecutorService scheduler() {
    return SCHEDULER;
  }

  /**
   * The thread that kills process trees. Scanning /proc can take a while on a busy machine, so it
   * never runs on the scheduler, whose timing tasks must stay punctual.
   */
  public static ExecutorService reaper() {
    return REAPER;
  }

  /** The default executor for listener callbacks and future completion. */
  public static ExecutorService callbackExecutor() {
    return CALLBACKS;
  }

  private static ScheduledThreadPoolExecutor newScheduler() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemons("scheduler"));
    scheduler.setRemoveOnCancelPolicy(true);
    // No core-thread timeout: a ScheduledThreadPoolExecutor whose only thread may time out can be
    // left without a thread when a delayed task comes due (its Javadoc warns of this), and a lost
    // exit poll or timeout is exactly what this SDK must never have. One idle daemon thread.
    return scheduler;
  }

  private static ThreadPoolExecutor newCallbackPool() {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemons("callback"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadPoolExecutor newReaper() {
    ThreadPoolExecutor reaper = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemons("reaper"));
    reaper.allowCoreThreadTimeOut(true);
    return reaper;
  }

  private static ThreadFactory daemons(String role) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, PREFIX + role + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
