package dev.erk.client.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Combines call futures so that cancelling the combined future still stops the process. */
final class Futures {
  private Futures() {}

  /** Maps a call's future, keeping cancellation wired to the process behind it. */
  static <T, R> CompletableFuture<R> chain(CompletableFuture<T> source, Function<T, R> mapping) {
    CallFuture<R> result = new CallFuture<>(() -> source.cancel(true));
    source.whenComplete((value, error) -> {
      if (error != null) {
        result.completeExceptionally(unwrap(error));
        return;
      }
      try {
        result.complete(mapping.apply(value));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /**
   * Runs {@code next} after {@code first}. Cancelling the result cancels the second stage if it
   * runs; a first stage still running is left alone (it may be shared, like generation
   * detection) and its outcome ignored.
   */
  static <A, B> CompletableFuture<B> compose(CompletableFuture<A> first,
      Function<A, CompletableFuture<B>> next) {
    AtomicReference<@Nullable CompletableFuture<B>> second = new AtomicReference<>();
    CallFuture<B> result = new CallFuture<>(() -> {
      CompletableFuture<B> running = second.get();
      if (running != null) {
        running.cancel(true);
      }
    });
    first.whenComplete((value, error) -> {
      if (error != null) {
        result.completeExceptionally(unwrap(error));
        return;
      }
      if (result.isDone()) {
        return;
      }
      CompletableFuture<B> started;
      try {
        started = next.apply(value);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      second.set(started);
      if (result.isCancelled()) {
        started.cancel(true);
      }
      started.whenComplete((b, e) -> {
        if (e != null) {
          result.completeExceptionally(unwrap(e));
        } else {
          result.complete(b);
        }
      });
    });
    return result;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error.getCause();
    return error instanceof CompletionException && cause != null ? cause : error;
  }
}
