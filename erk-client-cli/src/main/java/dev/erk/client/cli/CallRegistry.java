package dev.erk.client.cli;

import dev.erk.client.ErkCancelledException;
import dev.erk.client.cli.internal.Contained;
import dev.erk.client.cli.internal.Execution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client's calls still running, so that {@link #close} ends every one of them: those started
 * before it and those racing with it. Each call is added before it checks whether the registry is
 * closed, and close marks it closed before it looks at the calls: whichever comes second sees the
 * other.
 */
final class CallRegistry {
  private final Set<Execution> executions = ConcurrentHashMap.newKeySet();
  private final Set<CompletableFuture<?>> calls = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  boolean isClosed() {
    return closed;
  }

  /** Tracks a process; cancels it at once if the client is closed. */
  void add(Execution execution) {
    executions.add(execution);
    Contained.whenDone(execution.exit(), (exit, error) -> executions.remove(execution));
    if (closed) {
      execution.cancel();
    }
  }

  /** Tracks a call's future, which close cancels; returns it. */
  @SuppressWarnings("CollectionUndefinedEquality") // a call is its future: identity is intended
  <T> CompletableFuture<T> track(CompletableFuture<T> call) {
    calls.add(call);
    Contained.whenDone(call, (value, error) -> calls.remove(call));
    if (closed) {
      end(call);
    }
    return call;
  }

  private static void end(CompletableFuture<?> call) {
    if (call instanceof CallFuture<?> ours) {
      ours.abandon(new ErkCancelledException(List.of("erk"), "the client was closed"));
    } else {
      call.cancel(true);
    }
  }

  /**
   * Cancels every call and waits up to {@code wait} for their processes to be gone. Returns true if
   * they all are.
   */
  boolean close(Duration wait) {
    closed = true;
    calls.forEach(CallRegistry::end);
    List<CompletableFuture<Execution.Exit>> exits = new ArrayList<>();
    for (Execution execution : executions) {
      execution.cancel();
      exits.add(execution.exit());
    }
    try {
      CompletableFuture.allOf(exits.toArray(new CompletableFuture<?>[0]))
          .get(wait.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (ExecutionException e) {
      return true; // they ended, as cancelled
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
