package dev.erk.client.cli;

import dev.erk.client.ErkCall;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.EventListener;
import dev.erk.client.OutputLine;
import dev.erk.client.cli.internal.Contained;
import dev.erk.client.cli.internal.Execution;
import dev.erk.client.cli.internal.ProcessOutput;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@link EventListener} events of one call: turns what its process and future do into events,
 * in the contract's order, and hands them to an {@link EventDelivery}.
 *
 * <p>Each event is stamped when it happens. Ordering rules kept here, whatever thread reports
 * first: the exit is told before the call's end; nothing is told after the end.
 */
final class CallEvents {
  /** The events of a client without a listener: nothing is observed. */
  static final CallEvents NONE = new CallEvents();

  private final @Nullable ErkCall call;
  private final @Nullable EventDelivery delivery;
  private final long startNanos = System.nanoTime();
  private volatile @Nullable Execution execution;
  private @Nullable ObservedOutput stdout;
  private @Nullable ObservedOutput stderr;
  private boolean firstOutput;
  private boolean exited;
  private boolean ended;

  private CallEvents() {
    this.call = null;
    this.delivery = null;
  }

  CallEvents(
      ErkCall call,
      EventListener.Factory factory,
      @Nullable Executor executor,
      System.Logger logger,
      AtomicBoolean warned) {
    this.call = call;
    this.delivery = new EventDelivery(call, factory, executor, logger, warned);
    delivery.offer(listener -> listener.callStart(call));
  }

  /** The output, counted and watched for its first byte. */
  ProcessOutput observe(ProcessOutput output, OutputLine.Source source) {
    if (delivery == null) {
      return output; // NONE is shared by every call: no lock taken
    }
    ObservedOutput observed = new ObservedOutput(output, source, this);
    synchronized (this) {
      if (source == OutputLine.Source.STDOUT) {
        stdout = observed;
      } else {
        stderr = observed;
      }
    }
    return observed;
  }

  /** Watches the call's process; before it starts. */
  void spawned(Execution spawned) {
    if (delivery == null) {
      return;
    }
    execution = spawned;
    Contained.whenDone(
        spawned.started(),
        (pid, error) -> {
          if (error == null) {
            Duration at = elapsed();
            tell(l -> l.processStarted(on(), pid, at));
          }
        });
    Contained.whenDone(
        spawned.exit(),
        (exit, error) -> {
          if (error == null) {
            exited(exit);
          }
        });
  }

  /** The call's future: its completion is the call's last event. Returns it. */
  <T> CompletableFuture<T> track(CompletableFuture<T> future) {
    if (delivery != null) {
      Contained.whenDone(future, (value, error) -> end(error));
    }
    return future;
  }

  synchronized void output(OutputLine.Source source) {
    if (!firstOutput) {
      firstOutput = true;
      Duration at = elapsed();
      tell(l -> l.firstOutput(on(), source, at));
    }
  }

  private synchronized void exited(Execution.Exit exit) {
    if (exited) {
      return;
    }
    exited = true;
    ObservedOutput out = stdout;
    ObservedOutput err = stderr;
    EventListener.ProcessExit told =
        new EventListener.ProcessExit(
            exit.exitCode(),
            exit.duration(),
            out == null ? 0 : out.bytes(),
            err == null ? 0 : err.bytes());
    Duration at = elapsed();
    tell(l -> l.processExited(on(), told, at));
  }

  private synchronized void end(@Nullable Throwable error) {
    Execution running = execution;
    if (error == null
        && running != null
        && running.exit().isDone()
        && !running.exit().isCompletedExceptionally()) {
      // The exit's own callback may not have run yet: it must still come first.
      exited(running.exit().join());
    }
    Duration at = elapsed();
    Consumer<EventListener> last;
    Throwable cause = error == null ? null : Futures.unwrap(error);
    if (cause == null) {
      last = l -> l.decoded(on(), at);
    } else if (cause instanceof ErkTimeoutException timeout) {
      last = l -> l.callTimedOut(on(), timeout.timeout(), at);
    } else if (cause instanceof ErkCancelledException || cause instanceof CancellationException) {
      last = l -> l.callCancelled(on(), at);
    } else {
      ErkException failure = Futures.typed(cause, on().command());
      last = l -> l.callFailed(on(), failure, at);
    }
    tell(last);
    ended = true;
  }

  private synchronized void tell(Consumer<EventListener> event) {
    EventDelivery target = delivery;
    if (target != null && !ended) {
      target.offer(event);
    }
  }

  private ErkCall on() {
    ErkCall known = call;
    if (known == null) {
      throw new IllegalStateException("no call is observed");
    }
    return known;
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
