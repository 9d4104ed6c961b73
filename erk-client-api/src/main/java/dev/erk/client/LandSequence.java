package dev.erk.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Lands a plan as erk's dashboard does: {@link DashboardAction#LAND_PR}, then, when the land
 * succeeded and the plan has an objective, {@link DashboardAction#UPDATE_OBJECTIVE_AFTER_LAND} for
 * that objective, both streamed to one listener.
 *
 * <pre>{@code
 * class Landing {
 *   static void land(ErkClient erk, PlanRow row) {
 *     LandOutcome outcome = erk.land(row, line -> System.out.println(line.text()));
 *     if (!outcome.landed()) {
 *       System.err.println(outcome.land().message());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>The update is skipped, not failed, when the user's erk lacks it (0.7.x). Cancelling the future
 * {@link #runAsync} returns kills whichever command is running and starts no other. When the update
 * fails (times out, is cancelled) after a successful land, the future fails with that update's
 * {@link ErkException}: the plan has been landed by then.
 */
public final class LandSequence {
  private final ActionRequest land;
  private final @Nullable ActionRequest objectiveUpdate;

  private LandSequence(ActionRequest land, @Nullable ActionRequest objectiveUpdate) {
    this.land = land;
    this.objectiveUpdate = objectiveUpdate;
  }

  /**
   * The sequence for a row.
   *
   * @throws IllegalStateException if {@link DashboardAction#LAND_PR} is not available on the row
   */
  public static LandSequence of(PlanRow row) {
    ActionRequest land = DashboardAction.LAND_PR.request(row);
    DashboardAction update = DashboardAction.UPDATE_OBJECTIVE_AFTER_LAND;
    return new LandSequence(land, update.isAvailable(row) ? update.request(row) : null);
  }

  /** The land request. */
  public ActionRequest land() {
    return land;
  }

  /** The objective update that follows a successful land, if the plan has an objective. */
  public Optional<ActionRequest> objectiveUpdate() {
    return Optional.ofNullable(objectiveUpdate);
  }

  /**
   * Runs the sequence, waiting on the calling thread.
   *
   * @throws ErkException as {@link ErkClient#stream} would for either command
   * @throws ErkCancelledException if the calling thread is interrupted (the running command is
   *     killed and the interrupt flag stays set)
   */
  public LandOutcome run(ErkClient client, LineListener listener) {
    CompletableFuture<LandOutcome> outcome = runAsync(client, listener);
    try {
      return outcome.get();
    } catch (InterruptedException e) {
      outcome.cancel(true);
      Thread.currentThread().interrupt();
      throw new ErkCancelledException(land.arguments());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ErkException erk) {
        throw erk;
      }
      throw new ErkException("landing failed: " + cause, land.arguments(), cause);
    }
  }

  /**
   * Runs the sequence without blocking. The future completes with the outcome, or exceptionally as
   * {@link ErkClient#streamAsync} would; it is completed by the client's threads.
   */
  // The three callbacks only complete or cancel futures, which does not throw; starting the update
  // is guarded, so nothing they could throw would be lost with the stages they return.
  @SuppressWarnings("FutureReturnValueIgnored")
  public CompletableFuture<LandOutcome> runAsync(ErkClient client, LineListener listener) {
    ActionRequest update = objectiveUpdate;
    CompletableFuture<LandOutcome> outcome = new CompletableFuture<>();
    CompletableFuture<ActionResult> landing = client.streamAsync(land, listener);
    AtomicReference<CompletableFuture<ActionResult>> current = new AtomicReference<>(landing);
    outcome.whenComplete(
        (done, error) -> {
          if (outcome.isCancelled()) {
            CompletableFuture<ActionResult> running = current.get();
            if (running != null) {
              running.cancel(true);
            }
          }
        });
    landing.whenComplete(
        (landed, error) -> {
          if (error != null) {
            outcome.completeExceptionally(unwrap(error));
          } else if (!landed.success() || update == null || outcome.isDone()) {
            outcome.complete(new LandOutcome(landed, null));
          } else {
            CompletableFuture<ActionResult> updating;
            try {
              updating = client.streamAsync(update, listener);
            } catch (Throwable e) {
              outcome.completeExceptionally(e);
              return;
            }
            current.set(updating);
            if (outcome.isCancelled()) {
              updating.cancel(true);
            }
            updating.whenComplete(
                (updated, failure) -> {
                  if (failure == null) {
                    outcome.complete(new LandOutcome(landed, updated));
                  } else if (unwrap(failure) instanceof ErkUnsupportedActionException) {
                    outcome.complete(new LandOutcome(landed, null));
                  } else {
                    outcome.completeExceptionally(unwrap(failure));
                  }
                });
          }
        });
    return outcome;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error.getCause();
    return error instanceof CompletionException && cause != null ? cause : error;
  }

  @Override
  public String toString() {
    List<String> update = objectiveUpdate == null ? List.of() : objectiveUpdate.arguments();
    return "LandSequence[land=" + land.arguments() + ", objectiveUpdate=" + update + "]";
  }
}
