package dev.erk.client;

import static dev.erk.client.ActionParameter.LEARN_SOURCE_NUMBER;
import static dev.erk.client.ActionParameter.LINKED_PR_NUMBER;
import static dev.erk.client.ActionParameter.OBJECTIVE_NUMBER;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the values of action parameters from a plan row. */
final class RowValues {
  private RowValues() {}

  static @Nullable String of(ActionParameter parameter, PlanRow row) {
    return switch (parameter) {
      case PR_NUMBER -> String.valueOf(row.prNumber());
      case LINKED_PR_NUMBER -> text(row.linkedPrNumber());
      case LEARN_SOURCE_NUMBER -> row.isLearnPlan() ? null : String.valueOf(row.prNumber());
      case OBJECTIVE_NUMBER -> text(row.objectiveIssue());
      case BRANCH -> row.prHeadBranch();
      case RUN_ID -> row.runId();
      case COMMENT, PROMPT, PLAN_FILE -> null;
    };
  }

  /** The values a request for the action takes from the row, which the action is available on. */
  static Map<ActionParameter, String> forRequest(DashboardAction action, PlanRow row) {
    Map<ActionParameter, String> values = new EnumMap<>(ActionParameter.class);
    for (ActionParameter p : action.parameters()) {
      String value =
          action.view() == ActionView.OBJECTIVE && p == OBJECTIVE_NUMBER
              ? String.valueOf(row.prNumber())
              : of(p, row);
      if (value != null) {
        values.put(p, value);
      }
    }
    // erk's dashboard runs these on the row's pr_number: at 0.7.x the plan issue's linked PR
    // (0025aec tui/app.py), at 0.9.x the plan's PR. A land names the plan as its learn source
    // unless the plan is a learn plan.
    String linked = of(LINKED_PR_NUMBER, row);
    if (linked != null && actsOnLinkedPr(action)) {
      values.put(LINKED_PR_NUMBER, linked);
    }
    String learnSource = of(LEARN_SOURCE_NUMBER, row);
    if (learnSource != null && action == DashboardAction.LAND_PR) {
      values.put(LEARN_SOURCE_NUMBER, learnSource);
    }
    return values;
  }

  private static boolean actsOnLinkedPr(DashboardAction action) {
    return switch (action) {
      case ADDRESS_REMOTE,
          REBASE_REMOTE,
          REWRITE_REMOTE,
          INCREMENTAL_DISPATCH,
          CMUX_CHECKOUT,
          CMUX_TELEPORT,
          LAND_PR ->
          true;
      default -> false;
    };
  }

  private static @Nullable String text(@Nullable Integer number) {
    return number == null ? null : number.toString();
  }
}
