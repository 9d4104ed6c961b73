package dev.erk.client.cli.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A pool of a few threads that grows only when work is stuck: when tasks are queued and no task has
 * finished for {@value #STALL_MILLIS} ms (every thread is busy, for instance inside a listener that
 * never returns), one more thread is started, and again after each further such wait. So a blocked
 * task costs the others at most a short delay, never their progress, while a busy but moving queue
 * (64 spawns at once) runs on the base threads. Every thread ends after the keep-alive idle; the
 * pool falls back to its base size once its queue is empty.
 */
final class ElasticPool implements Executor {
  static final long STALL_MILLIS = 50;

  private final int base;
  private final ThreadPoolExecutor pool;
  private final Supplier<ScheduledExecutorService> timer;
  private final AtomicBoolean watching = new AtomicBoolean();
  private volatile long lastFinished = System.nanoTime();

  ElasticPool(
      int base,
      long keepAliveSeconds,
      ThreadFactory threads,
      Supplier<ScheduledExecutorService> timer) {
    this.base = base;
    this.timer = timer;
    this.pool =
        new ThreadPoolExecutor(
            base,
            Integer.MAX_VALUE,
            keepAliveSeconds,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            threads);
    pool.allowCoreThreadTimeOut(true);
  }

  @Override
  public void execute(Runnable task) {
    pool.execute(new Queued(task));
    if (pool.getActiveCount() >= pool.getCorePoolSize()) {
      watch();
    }
  }

  ThreadPoolExecutor executor() {
    return pool;
  }

  private void watch() {
    if (watching.compareAndSet(false, true)) {
      Contained.later(timer.get(), this::check, STALL_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void check() {
    watching.set(false);
    Runnable head = pool.getQueue().peek();
    if (head == null) {
      if (pool.getCorePoolSize() > base && pool.getQueue().isEmpty()) {
        pool.setCorePoolSize(base);
      }
      return;
    }
    long idleMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFinished);
    if (head instanceof Queued queued
        && queued.waitedMillis() >= STALL_MILLIS
        && idleMillis >= STALL_MILLIS) {
      // setCorePoolSize starts a thread for the waiting task at once.
      pool.setCorePoolSize(pool.getCorePoolSize() + 1);
    }
    watch();
  }

  private final class Queued implements Runnable {
    private final Runnable task;
    private final long queuedAt = System.nanoTime();

    Queued(Runnable task) {
      this.task = task;
    }

    long waitedMillis() {
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - queuedAt);
    }

    @Override
    public void run() {
      try {
        task.run();
      } finally {
        lastFinished = System.nanoTime();
      }
    }
  }
}
