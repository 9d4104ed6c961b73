package dev.erk.client.cli;

import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waits for a call's future on the calling thread, translating what the wait can throw. */
final class Blocking {
  private Blocking() {}

  /**
   * The future's value. Interrupting the waiting thread cancels the call (killing its process)
   * and throws {@link ErkCancelledException} with the interrupt flag set again.
   */
  static <T> T await(CompletableFuture<T> future, List<String> command) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ErkCancelledException(command);
    } catch (CancellationException e) {
      throw new ErkCancelledException(command);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause() != null ? e.getCause() : e, command);
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
    return new ErkException("`" + ErkException.describe(command) + "` failed: " + cause, command,
        cause);
  }
}
