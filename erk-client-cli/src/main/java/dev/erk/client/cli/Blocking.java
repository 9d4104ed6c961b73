package dev.erk.client.cli;

import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkException;
import dev.erk.client.internal.CommandLines;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Waits for a call's future on the calling thread, translating what the wait can throw. */
final class Blocking {
  private Blocking() {}

  /**
   * The future's value. Interrupting the waiting thread cancels the call (killing its process) and
   * throws {@link ErkCancelledException} with the interrupt flag set again.
   */
  static <T> T await(CompletableFuture<T> future, List<String> command) {
    return await(future, () -> command);
  }

  /** {@link #await(CompletableFuture, List)} for a call whose argv is known only once it runs. */
  static <T> T await(CompletableFuture<T> future, Supplier<List<String>> argv) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ErkCancelledException(argv.get());
    } catch (CancellationException e) {
      throw new ErkCancelledException(argv.get());
    } catch (ExecutionException e) {
      throw unwrap(e.getCause() != null ? e.getCause() : e, argv.get());
    }
  }

  static ErkException unwrap(Throwable error, List<String> command) {
    Throwable cause = error;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ErkException erk) {
      return erk;
    }
    if (cause instanceof CancellationException) {
      return new ErkCancelledException(command);
    }
    return new ErkException(
        "`" + CommandLines.describe(command) + "` failed: " + cause, command, cause);
  }
}
