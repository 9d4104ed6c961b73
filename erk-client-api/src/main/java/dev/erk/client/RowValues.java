package dev.erk.client;

import org.jspecify.annotations.Nullable;

/** Reads the value of an action parameter from a plan row. */
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

  private static @Nullable String text(@Nullable Integer number) {
    return number == null ? null : number.toString();
  }
}
