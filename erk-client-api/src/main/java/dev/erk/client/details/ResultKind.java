package dev.erk.client.details;

import java.util.List;

/**
 * What a {@link DetailQuery} answers with: the record type, and the name the implementation chooses
 * its decoder by. One constant per kind of erk output.
 *
 * @param <T> the record a query of this kind returns
 */
public final class ResultKind<T> {
  /** {@code get-pr-review-comments}. */
  public static final ResultKind<ReviewThreads> REVIEW_THREADS =
      new ResultKind<>("reviewThreads", ReviewThreads.class);

  /** {@code get-pr-feedback}. */
  public static final ResultKind<PrFeedback> FEEDBACK =
      new ResultKind<>("feedback", PrFeedback.class);

  /** {@code get-pr-discussion-comments}. */
  public static final ResultKind<DiscussionComments> DISCUSSION =
      new ResultKind<>("discussion", DiscussionComments.class);

  /** {@code get-pr-view}. */
  public static final ResultKind<PullRequestView> PULL_REQUEST =
      new ResultKind<>("pullRequest", PullRequestView.class);

  /** {@code get-pr-info} / {@code get-plan-info}. */
  public static final ResultKind<PlanInfo> PLAN_INFO = new ResultKind<>("planInfo", PlanInfo.class);

  /** {@code get-pr-metadata} / {@code get-plan-metadata}. */
  public static final ResultKind<PlanHeaderField> PLAN_HEADER_FIELD =
      new ResultKind<>("planHeaderField", PlanHeaderField.class);

  /** {@code ci-fetch-summaries}. */
  public static final ResultKind<CiSummaries> CI_SUMMARIES =
      new ResultKind<>("ciSummaries", CiSummaries.class);

  /** {@code pr log --json} / {@code plan log --json}. */
  public static final ResultKind<PlanLog> PLAN_LOG = new ResultKind<>("planLog", PlanLog.class);

  /** {@code json objective view} / {@code objective view --json-output}. */
  public static final ResultKind<ObjectiveRoadmap> OBJECTIVE =
      new ResultKind<>("objective", ObjectiveRoadmap.class);

  /** {@code json objective check} / {@code objective check --json-output}. */
  public static final ResultKind<ObjectiveChecks> OBJECTIVE_CHECKS =
      new ResultKind<>("objectiveChecks", ObjectiveChecks.class);

  /** {@code get-prs-for-objective} / {@code get-plans-for-objective}. */
  public static final ResultKind<ObjectivePlans> PLANS_FOR_OBJECTIVE =
      new ResultKind<>("plansForObjective", ObjectivePlans.class);

  /** {@code get-issue-body}. */
  public static final ResultKind<IssueBody> ISSUE_BODY =
      new ResultKind<>("issueBody", IssueBody.class);

  private final String name;
  private final Class<T> type;

  private ResultKind(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  /** Every kind, in the order above. */
  public static List<ResultKind<?>> all() {
    return List.of(
        REVIEW_THREADS,
        FEEDBACK,
        DISCUSSION,
        PULL_REQUEST,
        PLAN_INFO,
        PLAN_HEADER_FIELD,
        CI_SUMMARIES,
        PLAN_LOG,
        OBJECTIVE,
        OBJECTIVE_CHECKS,
        PLANS_FOR_OBJECTIVE,
        ISSUE_BODY);
  }

  /** The name of the {@link DetailQuery} factory that makes queries of this kind. */
  public String name() {
    return name;
  }

  /** The record type of the answer. */
  public Class<T> type() {
    return type;
  }

  /** Casts a decoded answer to this kind's type. */
  public T cast(Object answer) {
    return type.cast(answer);
  }

  @Override
  public String toString() {
    return name;
  }
}
