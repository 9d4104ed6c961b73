package dev.erk.client.cli;

import dev.erk.client.ErkException;
import dev.erk.client.cli.internal.Contained;
import dev.erk.client.internal.CommandLines;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Combines call futures so that cancelling the combined future still stops the process, and so that
 * whatever a stage throws, {@link Error}s included, completes the result: a call's future always
 * completes.
 */
final class Futures {
  private Futures() {}

  /** Maps a call's future, keeping cancellation wired to the process behind it. */
  static <T, R> CompletableFuture<R> chain(
      CompletableFuture<T> source, List<String> command, Function<T, R> mapping) {
    CallFuture<R> result = new CallFuture<>(() -> source.cancel(true));
    Contained.whenDone(
        source,
        (value, error) -> {
          if (error != null) {
            result.completeExceptionally(unwrap(error));
            return;
          }
          try {
            result.complete(mapping.apply(value));
          } catch (Throwable e) {
            result.completeExceptionally(typed(e, command));
          }
        });
    return result;
  }

  /**
   * Runs {@code next} after {@code first}. Cancelling the result cancels the second stage if it
   * runs; a first stage still running is left alone (it may be shared, like generation detection)
   * and its outcome ignored.
   */
  static <A, B> CompletableFuture<B> compose(
      CompletableFuture<A> first, List<String> command, Function<A, CompletableFuture<B>> next) {
    AtomicReference<@Nullable CompletableFuture<B>> second = new AtomicReference<>();
    CallFuture<B> result =
        new CallFuture<>(
            () -> {
              CompletableFuture<B> running = second.get();
              if (running != null) {
                running.cancel(true);
              }
            });
    Contained.whenDone(
        first,
        (value, error) -> {
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
          } catch (Throwable e) {
            result.completeExceptionally(typed(e, command));
            return;
          }
          second.set(started);
          if (result.isDone()) {
            started.cancel(true);
          }
          Contained.whenDone(
              started,
              (b, e) -> {
                if (e != null) {
                  result.completeExceptionally(unwrap(e));
                } else {
                  result.complete(b);
                }
              });
        });
    return result;
  }

  static Throwable unwrap(Throwable error) {
    Throwable cause = error.getCause();
    return error instanceof CompletionException && cause != null ? cause : error;
  }

  /**
   * An {@link ErkException} for anything a stage threw. A {@link LinkageError} means a library on
   * the class path does not match what erk-client was built against: say which to fix.
   */
  static ErkException typed(Throwable error, List<String> command) {
    if (error instanceof ErkException erk) {
      return erk;
    }
    String text = "`" + CommandLines.describe(command) + "` failed: " + error;
    if (error instanceof LinkageError) {
      text +=
          "; a library on the class path does not match erk-client (it needs Jackson "
              + JacksonCheck.MINIMUM
              + " or newer, NuProcess 3.0.0 and JNA 5)";
    }
    return new ErkException(text, command, error);
  }
}
