package dev.erk.client;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link LandSequence} did: the land, and the objective update that followed it.
 *
 * @param land the result of {@code erk exec land-execute}
 * @param objectiveUpdate the result of {@code erk exec objective-update-after-land}; null when it
 *     did not run: the land failed, the plan has no objective, or the user's erk lacks the command
 *     (0.7.x, whose dashboard did not update objectives either)
 */
public record LandOutcome(ActionResult land, @Nullable ActionResult objectiveUpdate) {
  /** Checks that the land result is present. */
  public LandOutcome {
    requireNonNull(land, "land");
  }

  /** Whether the land succeeded; the objective update always exits 0 and does not count. */
  public boolean landed() {
    return land.success();
  }

  /** The objective update's result, if it ran. */
  public Optional<ActionResult> objectiveUpdateResult() {
    return Optional.ofNullable(objectiveUpdate);
  }
}
