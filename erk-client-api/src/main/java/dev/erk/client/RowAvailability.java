package dev.erk.client;

import org.jspecify.annotations.Nullable;

/**
 * When erk's dashboard offers each catalogue action on a row of the action's tab
 * (docs/catalogue.md, "Availability"). {@link CommandAvailability} says which erk generations have
 * the command at all.
 */
final class RowAvailability {
  private RowAvailability() {}

  static boolean isAvailable(DashboardAction action, PlanRow row) {
    return switch (action) {
      case CLOSE_PR, CLOSE_PLAN, DISPATCH_TO_QUEUE -> row.prUrl() != null;
      case LAND_PR -> row.isOpen() && row.prHeadBranch() != null && hasLinkedPr(row);
      case UPDATE_OBJECTIVE_AFTER_LAND ->
          row.objectiveIssue() != null && row.prHeadBranch() != null;
      case ADDRESS_REMOTE, REBASE_REMOTE, REWRITE_REMOTE -> hasLinkedPr(row);
      case INCREMENTAL_DISPATCH -> row.isOpen() && hasLinkedPr(row);
      case CMUX_CHECKOUT, CMUX_TELEPORT -> row.prHeadBranch() != null && hasLinkedPr(row);
      // every row of the objectives tab; the one-shot prompt needs no row at all
      case CHECK_OBJECTIVE, CLOSE_OBJECTIVE, ONE_SHOT_PLAN, ONE_SHOT_PROMPT -> true;
      case CANCEL_RUN -> row.runId() != null && isOneOf(row.runStatus(), "queued", "in_progress");
      case RETRY_RUN, RETRY_FAILED_RUN -> isRetryable(row);
    };
  }

  private static boolean hasLinkedPr(PlanRow row) {
    return row.linkedPrNumber() != null;
  }

  private static boolean isRetryable(PlanRow row) {
    return row.runId() != null
        && "completed".equals(row.runStatus())
        && isOneOf(row.runConclusion(), "failure", "cancelled");
  }

  private static boolean isOneOf(@Nullable String value, String a, String b) {
    return a.equals(value) || b.equals(value);
  }
}
