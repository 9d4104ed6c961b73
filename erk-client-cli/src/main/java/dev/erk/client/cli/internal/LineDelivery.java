package dev.erk.client.cli.internal;

import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Hands one action's lines to its listener: in order, one at a time, never on the pump thread, with
 * bounded memory.
 *
 * <p><b>Threads.</b> Lines are delivered by tasks on the listener executor (an SDK worker by
 * default). A listener that blocks holds its own delivery only: nothing else waits for it.
 *
 * <p><b>Throwing.</b> Whatever the listener throws (a checked exception thrown sneakily, an {@link
 * Error} such as {@link StackOverflowError}) is caught and logged, the first time at WARNING with
 * its stack trace and after that at DEBUG, and the next line is delivered.
 *
 * <p><b>Memory.</b> Lines waiting for the listener count {@value #LINE_OVERHEAD} bytes each plus
 * two per character, about what they cost on the heap. Past {@code maxPendingBytes}, {@code
 * onOverflow} runs once (the caller ends the action) and the lines are dropped.
 *
 * <p><b>Ending.</b> {@link #finish} runs a task after the last line; {@link #abort} drops what is
 * pending: no line is delivered after it returns, except one the listener is already handling.
 */
public final class LineDelivery {
  /** What a pending line costs beyond its characters: the line, its timestamp and queue node. */
  public static final int LINE_OVERHEAD = 128;

  private static final int BATCH = 4096;

  private final LineListener listener;
  private final @Nullable Executor executor;
  private final long maxPendingBytes;
  private final Runnable onOverflow;
  private final System.Logger logger;
  private final String command;
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  private long pendingBytes;
  private long sequence;
  private boolean scheduled;
  private boolean aborted;
  private boolean warned;

  /**
   * @param executor where the listener runs; null for an SDK worker
   * @param onOverflow runs once, under the caller's lock, when too much is pending
   */
  public LineDelivery(
      LineListener listener,
      @Nullable Executor executor,
      long maxPendingBytes,
      Runnable onOverflow,
      System.Logger logger,
      String command) {
    this.listener = listener;
    this.executor = executor;
    this.maxPendingBytes = maxPendingBytes;
    this.onOverflow = onOverflow;
    this.logger = logger;
    this.command = command;
  }

  /** Queues a line; called on the pump thread. */
  public void offer(OutputLine.Source source, String text) {
    boolean overflow;
    synchronized (this) {
      if (aborted) {
        return;
      }
      pendingBytes += cost(text);
      overflow = pendingBytes > maxPendingBytes;
      if (!overflow) {
        queue.add(new OutputLine(source, text, sequence++, Instant.now()));
        scheduleLocked();
      }
    }
    if (overflow) {
      abort();
      onOverflow.run();
    }
  }

  /** Runs {@code afterLastLine} once every line queued so far is delivered (never if aborted). */
  public synchronized void finish(Runnable afterLastLine) {
    if (!aborted) {
      queue.add(afterLastLine);
      scheduleLocked();
    }
  }

  /** Drops every pending line; nothing more is delivered. */
  public synchronized void abort() {
    aborted = true;
    queue.clear();
    pendingBytes = 0;
  }

  private static long cost(String text) {
    return LINE_OVERHEAD + 2L * text.length();
  }

  private void scheduleLocked() {
    if (scheduled) {
      return;
    }
    scheduled = true;
    SdkThreads.executeFor(executor, this::drain);
  }

  private void drain() {
    for (int delivered = 0; delivered < BATCH; delivered++) {
      Object item;
      synchronized (this) {
        item = aborted ? null : queue.poll();
        if (item == null) {
          scheduled = false;
          return;
        }
        if (item instanceof OutputLine line) {
          pendingBytes -= cost(line.text());
        }
      }
      if (item instanceof OutputLine line) {
        notifyListener(line);
      } else {
        ((Runnable) item).run();
      }
    }
    synchronized (this) {
      scheduled = false;
      if (!aborted && !queue.isEmpty()) {
        scheduleLocked();
      }
    }
  }

  @SuppressWarnings("IllegalCatch")
  private void notifyListener(OutputLine line) {
    try {
      listener.onLine(line);
    } catch (Throwable e) {
      boolean first;
      synchronized (this) {
        first = !warned;
        warned = true;
      }
      logger.log(
          first ? Level.WARNING : Level.DEBUG,
          "line listener of `" + command + "` threw; the stream goes on",
          e);
    } finally {
      // A listener's interrupt must not leak into the next task of this pooled thread.
      if (executor == null) {
        Thread.interrupted();
      }
    }
  }
}
