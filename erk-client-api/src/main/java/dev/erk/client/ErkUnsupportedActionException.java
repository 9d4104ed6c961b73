package dev.erk.client;

import java.util.List;

/**
 * The action does not exist in the erk generation the client talks to, for example
 * {@code erk launch pr-rebase} before v0.9.11. Thrown before anything is spawned.
 */
public class ErkUnsupportedActionException extends ErkException {
  private static final long serialVersionUID = 1L;

  private final DashboardAction action;
  private final ErkGeneration generation;

  /**
   * @param action the action asked for
   * @param generation the generation that lacks it
   * @param detail which erk version added or removed it
   */
  public ErkUnsupportedActionException(
      DashboardAction action, ErkGeneration generation, String detail) {
    super(action.id() + " is not available in erk " + generation.label() + ": " + detail,
        List.of(), null);
    this.action = action;
    this.generation = generation;
  }

  /** The action asked for. */
  public DashboardAction action() {
    return action;
  }

  /** The generation that lacks it. */
  public ErkGeneration generation() {
    return generation;
  }
}
