package dev.erk.examples.web;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionParameter;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ActionView;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkClient;
import dev.erk.client.LineListener;
import dev.erk.client.PlanRow;
import dev.erk.client.StreamHandle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The only place the dashboard touches {@link ActionRequest} and {@link ActionResult}: which
 * catalogue actions a row offers, how a request is built, and how a result becomes what the page
 * shows. The rest of the server works with {@link Choice}, {@link Prepared} and {@link Outcome}.
 */
final class ErkActions {
  /** Actions that change or end something a user cannot simply redo: the page asks first. */
  static final Set<DashboardAction> DESTRUCTIVE =
      EnumSet.of(
          DashboardAction.CLOSE_PR,
          DashboardAction.LAND_PR,
          DashboardAction.CLOSE_OBJECTIVE,
          DashboardAction.CANCEL_RUN,
          DashboardAction.REWRITE_REMOTE);

  /**
   * Actions a row button cannot offer: the incremental dispatch needs a plan file on the server's
   * disk, and the one-shot prompt belongs to no row.
   */
  private static final Set<DashboardAction> NOT_ON_ROWS =
      EnumSet.of(DashboardAction.INCREMENTAL_DISPATCH, DashboardAction.ONE_SHOT_PROMPT);

  /** Stands in for the user's input when only the displayed command is wanted. */
  private static final String PLACEHOLDER_INPUT = "text";

  private ErkActions() {}

  /** One action a row offers, as the page lists it. */
  record Choice(
      String id,
      String title,
      String display,
      boolean streaming,
      boolean destructive,
      @Nullable String input) {}

  /** A validated request, ready to run. */
  record Prepared(ActionRequest request) {
    String display() {
      return request.display();
    }

    boolean streaming() {
      return request.kind() == ActionKind.STREAMING;
    }
  }

  /**
   * How an action ended, in the words the page shows.
   *
   * @param exitCode erk's exit code, or null when erk did not run to an exit (cancelled, timed out,
   *     could not start)
   */
  record Outcome(boolean success, @Nullable Integer exitCode, String message) {
    static Outcome of(ActionResult result) {
      return new Outcome(result.success(), result.exitCode(), result.message());
    }

    /** An action that ended without an exit code of erk's, for {@code reason}. */
    static Outcome failure(String reason) {
      return new Outcome(false, null, reason);
    }
  }

  /**
   * The catalogue actions erk's dashboard offers on the row, in catalogue order: an objective row
   * (listed with the {@code erk-objective} label) offers the objectives tab's actions, any other
   * row those of the plans and runs tabs.
   */
  static List<Choice> available(PlanRow row, boolean objectiveRow) {
    List<Choice> choices = new ArrayList<>();
    for (DashboardAction action : DashboardAction.values()) {
      boolean objectiveAction = action.view() == ActionView.OBJECTIVE;
      if (NOT_ON_ROWS.contains(action)
          || objectiveAction != objectiveRow
          || !action.isAvailable(row)) {
        continue;
      }
      ActionParameter input = action.input();
      Prepared sample;
      try {
        sample = prepare(action, row, input == null ? null : PLACEHOLDER_INPUT);
      } catch (IllegalArgumentException unsafeRowValue) {
        continue; // a row value erk-client refuses as an argument: offer nothing it cannot run
      }
      String inputName =
          input == null ? null : input.name().toLowerCase(Locale.ROOT).replace('_', ' ');
      choices.add(
          new Choice(
              action.id(),
              action.title(),
              sample.display(),
              sample.streaming(),
              DESTRUCTIVE.contains(action),
              inputName));
    }
    return choices;
  }

  /** The catalogue action with erk's identifier {@code id}, if the page may offer it. */
  static @Nullable DashboardAction byId(String id) {
    for (DashboardAction action : DashboardAction.values()) {
      if (action.id().equals(id) && !NOT_ON_ROWS.contains(action)) {
        return action;
      }
    }
    return null;
  }

  /**
   * The request for {@code action} on {@code row}.
   *
   * @throws IllegalArgumentException if input is missing or extra, or a value is not safe
   * @throws IllegalStateException if the action is not available on the row
   */
  static Prepared prepare(DashboardAction action, PlanRow row, @Nullable String input) {
    if (action.input() == null) {
      return new Prepared(action.request(row));
    }
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException(action.title() + " needs a " + action.input());
    }
    return new Prepared(action.request(row, input));
  }

  /** Runs a fast action to its end on the calling thread. */
  static Outcome run(ErkClient client, Prepared prepared) {
    return Outcome.of(client.run(prepared.request()));
  }

  /** Starts a streaming action; lines go to {@code listener} on the client's callback threads. */
  static StreamHandle stream(ErkClient client, Prepared prepared, LineListener listener) {
    return client.stream(prepared.request(), listener);
  }
}
