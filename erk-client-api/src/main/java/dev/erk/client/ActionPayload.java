package dev.erk.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The typed value of a JSON action's success, from {@link ActionResult#payload(Class)}: one record
 * per erk command that answers with data. Keys of erk's answer that a record does not read are kept
 * in its {@code extras()}, as {@link PlanRow} keeps unknown row keys.
 *
 * <pre>{@code
 * class DispatchLink {
 *   static void show(ErkClient erk, PlanRow row, String planFile) {
 *     ActionRequest dispatch = DashboardAction.INCREMENTAL_DISPATCH.request(row, planFile);
 *     erk.runOrThrow(dispatch).payload(ActionPayload.IncrementalDispatched.class)
 *         .ifPresent(d -> System.out.println("run: " + d.workflowUrl()));
 *   }
 * }
 * }</pre>
 */
public sealed interface ActionPayload {

  /** Keys of erk's answer that the record does not read, in erk's order. */
  Map<String, @Nullable Object> extras();

  /**
   * {@code erk exec close-pr} (erk 0.9.0 and later) or {@code erk exec close-issue-with-comment}
   * (erk 0.7) closed a plan after posting a comment.
   *
   * @param prNumber the closed plan's number: {@code pr_number} (current erk), {@code plan_number}
   *     (0.9.x) or {@code issue_number} (0.7)
   * @param commentId the id of the posted comment; erk writes it as a string, 0.7 as a number
   * @param extras keys not read here
   */
  record PlanClosed(int prNumber, String commentId, Map<String, @Nullable Object> extras)
      implements ActionPayload {
    /** Checks the values and copies the extras. */
    public PlanClosed {
      positive(prNumber);
      notBlank(commentId, "commentId");
      extras = copy(extras);
    }
  }

  /**
   * {@code erk exec incremental-dispatch} committed the plan to the PR's branch and started the
   * implementation workflow.
   *
   * @param prNumber the dispatched PR
   * @param branch the PR's branch ({@code branch_name})
   * @param workflowRunId the GitHub Actions run id, as erk wrote it
   * @param workflowUrl the run's web page
   * @param extras keys not read here
   */
  record IncrementalDispatched(
      int prNumber,
      String branch,
      String workflowRunId,
      String workflowUrl,
      Map<String, @Nullable Object> extras)
      implements ActionPayload {
    /** Checks the values and copies the extras. */
    public IncrementalDispatched {
      positive(prNumber);
      notBlank(branch, "branch");
      notBlank(workflowRunId, "workflowRunId");
      notBlank(workflowUrl, "workflowUrl");
      extras = copy(extras);
    }
  }

  /**
   * {@code erk exec cmux-open-pr} opened a cmux workspace that checks out (or teleports) the PR.
   *
   * @param prNumber the PR
   * @param branch the branch the workspace was named after
   * @param workspaceName the workspace's name as cmux reported it; null when erk could not read it
   * @param extras keys not read here
   */
  record CmuxWorkspaceOpened(
      int prNumber,
      String branch,
      @Nullable String workspaceName,
      Map<String, @Nullable Object> extras)
      implements ActionPayload {
    /** Checks the values and copies the extras. */
    public CmuxWorkspaceOpened {
      positive(prNumber);
      notBlank(branch, "branch");
      extras = copy(extras);
    }
  }

  private static void positive(int prNumber) {
    if (prNumber <= 0) {
      throw new IllegalArgumentException("prNumber must be positive: " + prNumber);
    }
  }

  private static void notBlank(String value, String name) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> extras) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }
}
