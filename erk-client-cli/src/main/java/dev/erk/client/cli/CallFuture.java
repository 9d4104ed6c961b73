package dev.erk.client.cli;

import java.util.concurrent.CompletableFuture;

/**
 * A future whose {@code cancel} also stops the erk process behind it. The JDK's own {@link
 * CompletableFuture#cancel} only completes the future; it never touches a process.
 */
final class CallFuture<T> extends CompletableFuture<T> {
  private final Runnable onCancel;

  CallFuture(Runnable onCancel) {
    this.onCancel = onCancel;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      onCancel.run();
    }
    return cancelled;
  }

  /** Fails this call with {@code reason} and stops its process, if it has not completed yet. */
  void abandon(dev.erk.client.ErkException reason) {
    if (completeExceptionally(reason)) {
      onCancel.run();
    }
  }
}
