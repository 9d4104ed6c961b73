package dev.erk.client.cli;

import dev.erk.client.PlanRow;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes a {@link PlanRow} as erk's current {@code serialize_pr_row} does, then its extras. */
final class RowWriter {
  private RowWriter() {}

  static void write(PlanRow row, PythonJsonWriter out) {
    out.raw("{");
    boolean first = true;
    for (RowField field : RowField.CURRENT) {
      out.key(field.key(), first);
      out.value(valueOf(field, row));
      first = false;
    }
    for (Map.Entry<String, @Nullable Object> extra : row.extras().entrySet()) {
      RowField known = RowField.of(extra.getKey());
      if (known != null && known.isCurrent()) {
        throw new IllegalArgumentException(
            "extras hold \"" + extra.getKey() + "\", which is one of erk's row keys");
      }
      out.key(extra.getKey(), false);
      out.value(extra.getValue());
    }
    out.raw("}");
  }

  private static @Nullable Object valueOf(RowField field, PlanRow r) {
    return switch (field) {
      case PR_NUMBER -> r.prNumber();
      case PR_URL -> r.prUrl();
      case PR_DISPLAY -> r.prDisplay();
      case CHECKS_DISPLAY -> r.checksDisplay();
      case CHECKS_PASSING -> r.checksPassing();
      case CHECKS_COUNTS -> r.checksCounts();
      case CI_SUMMARY_COMMENT_ID -> r.ciSummaryCommentId();
      case WORKTREE_NAME -> r.worktreeName();
      case EXISTS_LOCALLY -> r.existsLocally();
      case LOCAL_IMPL_DISPLAY -> r.localImplDisplay();
      case REMOTE_IMPL_DISPLAY -> r.remoteImplDisplay();
      case RUN_ID_DISPLAY -> r.runIdDisplay();
      case RUN_STATE_DISPLAY -> r.runStateDisplay();
      case RUN_URL -> r.runUrl();
      case FULL_TITLE -> r.fullTitle();
      case PR_BODY -> r.prBody();
      case PR_TITLE -> r.prTitle();
      case PR_STATE -> r.prState();
      case PR_HEAD_BRANCH -> r.prHeadBranch();
      case WORKTREE_BRANCH -> r.worktreeBranch();
      case LAST_LOCAL_IMPL_AT -> r.lastLocalImplAt();
      case LAST_REMOTE_IMPL_AT -> r.lastRemoteImplAt();
      case RUN_ID -> r.runId();
      case RUN_STATUS -> r.runStatus();
      case RUN_CONCLUSION -> r.runConclusion();
      case LOG_ENTRIES -> r.logEntries();
      case RESOLVED_COMMENT_COUNT -> r.resolvedCommentCount();
      case TOTAL_COMMENT_COUNT -> r.totalCommentCount();
      case COMMENTS_DISPLAY -> r.commentsDisplay();
      case LEARN_STATUS -> r.learnStatus();
      case LEARN_PLAN_ISSUE -> r.learnPlanIssue();
      case LEARN_PLAN_ISSUE_CLOSED -> r.learnPlanIssueClosed();
      case LEARN_PLAN_PR -> r.learnPlanPr();
      case LEARN_RUN_URL -> r.learnRunUrl();
      case LEARN_DISPLAY -> r.learnDisplay();
      case LEARN_DISPLAY_ICON -> r.learnDisplayIcon();
      case OBJECTIVE_ISSUE -> r.objectiveIssue();
      case OBJECTIVE_URL -> r.objectiveUrl();
      case OBJECTIVE_DISPLAY -> r.objectiveDisplay();
      case OBJECTIVE_DONE_NODES -> r.objectiveDoneNodes();
      case OBJECTIVE_TOTAL_NODES -> r.objectiveTotalNodes();
      case OBJECTIVE_PROGRESS_DISPLAY -> r.objectiveProgressDisplay();
      case OBJECTIVE_SLUG_DISPLAY -> r.objectiveSlugDisplay();
      case OBJECTIVE_FRONTIER_DISPLAY -> r.objectiveFrontierDisplay();
      case OBJECTIVE_DEPS_DISPLAY -> r.objectiveDepsDisplay();
      case OBJECTIVE_DEPS_PLANS -> r.objectiveDepsPlans();
      case OBJECTIVE_NEXT_NODE_DISPLAY -> r.objectiveNextNodeDisplay();
      case UPDATED_AT -> r.updatedAt();
      case UPDATED_DISPLAY -> r.updatedDisplay();
      case CREATED_AT -> r.createdAt();
      case CREATED_DISPLAY -> r.createdDisplay();
      case AUTHOR -> r.author();
      case IS_LEARN_PLAN -> r.isLearnPlan();
      case LIFECYCLE_DISPLAY -> r.lifecycleDisplay();
      case STATUS_DISPLAY -> r.statusDisplay();
      case PLAN_ID, ISSUE_NUMBER, PLAN_URL, ISSUE_URL, PLAN_BODY, ISSUE_BODY,
          OBJECTIVE_STATE_DISPLAY, OBJECTIVE_HEAD_STATE, OBJECTIVE_HEAD_PLANS ->
          throw new IllegalArgumentException(field.key() + " is not a current key");
    };
  }
}
