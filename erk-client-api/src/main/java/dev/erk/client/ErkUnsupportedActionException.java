package dev.erk.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The action does not exist in the erk generation the client talks to, for example {@code erk
 * launch pr-rebase} before v0.9.11, or a detail query whose command it lacks. Thrown before
 * anything is spawned.
 */
public class ErkUnsupportedActionException extends ErkException {
  private static final long serialVersionUID = 1L;

  /** The catalogue action asked for; null when a detail query was asked for. */
  private final @Nullable DashboardAction action;

  /** The erk generation that lacks the action. */
  private final ErkGeneration generation;

  /**
   * @param action the action asked for
   * @param generation the generation that lacks it
   * @param detail which erk version added or removed it
   */
  public ErkUnsupportedActionException(
      DashboardAction action, ErkGeneration generation, String detail) {
    super(
        action.id() + " is not available in erk " + generation.label() + ": " + detail,
        List.of(),
        null);
    this.action = action;
    this.generation = generation;
  }

  /**
   * For what is not a catalogue action, such as a {@code dev.erk.client.details.DetailQuery}.
   *
   * @param subject what was asked for, e.g. {@code "ciSummaries"}
   * @param generation the generation that lacks it
   * @param detail which erk version added it
   */
  public ErkUnsupportedActionException(String subject, ErkGeneration generation, String detail) {
    super(
        subject + " is not available in erk " + generation.label() + ": " + detail,
        List.of(),
        null);
    this.action = null;
    this.generation = generation;
  }

  /** The catalogue action asked for; null when a detail query was asked for. */
  public @Nullable DashboardAction action() {
    return action;
  }

  /** The generation that lacks it. */
  public ErkGeneration generation() {
    return generation;
  }
}
