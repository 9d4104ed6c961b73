package dev.erk.client.cli.internal;

import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands one action's lines to its listener on the callback executor: in order, one at a time,
 * never on the pump thread. A listener that throws is logged and the next line is delivered.
 *
 * <p>Lines wait in an unbounded queue, bounded in practice by {@code maxPendingChars}: a listener
 * that falls that far behind triggers {@code onOverflow} once, so the caller can stop the action
 * instead of exhausting the heap.
 */
public final class LineDelivery {
  private static final int BATCH = 4096;

  private final LineListener listener;
  private final Executor executor;
  private final long maxPendingChars;
  private final Runnable onOverflow;
  private final System.Logger logger;
  private final String command;
  private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicLong pendingChars = new AtomicLong();
  private final AtomicBoolean overflowed = new AtomicBoolean();
  private long sequence;

  public LineDelivery(LineListener listener, Executor executor, long maxPendingChars,
      Runnable onOverflow, System.Logger logger, String command) {
    this.listener = listener;
    this.executor = executor;
    this.maxPendingChars = maxPendingChars;
    this.onOverflow = onOverflow;
    this.logger = logger;
    this.command = command;
  }

  /** Queues a line; called on the pump thread, under the execution's lock. */
  public void offer(OutputLine.Source source, String text) {
    queue.add(new OutputLine(source, text, sequence++, Instant.now()));
    if (pendingChars.addAndGet(text.length() + 1) > maxPendingChars
        && overflowed.compareAndSet(false, true)) {
      onOverflow.run();
    }
    schedule();
  }

  /** Runs {@code afterLastLine} on the executor once every line queued so far is delivered. */
  public void close(Runnable afterLastLine) {
    queue.add(afterLastLine);
    schedule();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        SharedThreads.callbackExecutor().execute(this::drain);
      }
    }
  }

  private void drain() {
    Object item;
    int delivered = 0;
    while (delivered < BATCH && (item = queue.poll()) != null) {
      delivered++;
      if (item instanceof OutputLine line) {
        pendingChars.addAndGet(-(line.text().length() + 1));
        notifyListener(line);
      } else {
        ((Runnable) item).run();
      }
    }
    scheduled.set(false);
    if (!queue.isEmpty()) {
      schedule();
    }
  }

  private void notifyListener(OutputLine line) {
    try {
      listener.onLine(line);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      logger.log(Level.WARNING, "line listener of `" + command + "` threw; the stream goes on", e);
    }
  }
}
