package dev.erk.client.cli;

import dev.erk.client.ErkCall;
import dev.erk.client.EventListener;
import dev.erk.client.cli.internal.SdkThreads;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Hands one call's events to its listener: in order, one at a time, on the callback executor, never
 * on the thread that offers them (the pump thread, a caller, a worker completing a future).
 *
 * <p>The listener is made by the factory on the delivering thread, before the first event. What the
 * factory or the listener throws is logged, the client's first time at WARNING with its stack trace
 * and later at DEBUG, and delivery goes on; a factory that throws leaves the call with {@link
 * EventListener#NONE}. A listener that blocks holds only this queue; a call has a handful of
 * events, so nothing piles up.
 */
final class EventDelivery {
  private final ErkCall call;
  private final EventListener.Factory factory;
  private final @Nullable Executor executor;
  private final System.Logger logger;
  private final AtomicBoolean warned;
  private final ArrayDeque<Consumer<EventListener>> queue = new ArrayDeque<>();
  private @Nullable EventListener listener;
  private boolean scheduled;

  EventDelivery(
      ErkCall call,
      EventListener.Factory factory,
      @Nullable Executor executor,
      System.Logger logger,
      AtomicBoolean warned) {
    this.call = call;
    this.factory = factory;
    this.executor = executor;
    this.logger = logger;
    this.warned = warned;
  }

  /** Queues an event; never blocks, never runs the listener on the calling thread. */
  synchronized void offer(Consumer<EventListener> event) {
    queue.add(event);
    if (scheduled) {
      return;
    }
    scheduled = true;
    SdkThreads.executeFor(executor, this::drain);
  }

  private void drain() {
    while (true) {
      Consumer<EventListener> event;
      synchronized (this) {
        event = queue.poll();
        if (event == null) {
          scheduled = false;
          return;
        }
      }
      deliver(event);
    }
  }

  @SuppressWarnings("IllegalCatch")
  private void deliver(Consumer<EventListener> event) {
    try {
      EventListener target = listener;
      if (target == null) {
        target = EventListener.NONE;
        listener = target;
        target = Objects.requireNonNullElse(factory.create(call), EventListener.NONE);
        listener = target;
      }
      event.accept(target);
    } catch (Throwable e) {
      logger.log(
          warned.compareAndSet(false, true) ? Level.WARNING : Level.DEBUG,
          "the event listener of call "
              + call.id()
              + " (`"
              + call.describe()
              + "`) threw; its events go on",
          e);
    } finally {
      // A listener's interrupt must not leak into the next task of this pooled thread.
      if (executor == null) {
        Thread.interrupted();
      }
    }
  }
}
