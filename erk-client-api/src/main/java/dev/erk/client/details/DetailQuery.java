package dev.erk.client.details;

import dev.erk.client.ErkGeneration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One piece of dashboard data to fetch with {@link dev.erk.client.ErkClient#fetch}: which erk
 * command to run in each erk generation, and what kind of record it answers with.
 *
 * <pre>{@code
 * class OpenThreads {
 *   static void print(ErkClient erk) {
 *     ReviewThreads open = erk.fetch(DetailQuery.reviewThreads(42, false));
 *     for (ReviewThread thread : open.threads()) {
 *       System.out.println(thread.path() + ":" + thread.line() + " " + thread.comments().size());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>A query is an immutable value; build it once and fetch it as often as needed. It carries no
 * JSON library: the client decodes erk's answer into the {@linkplain #kind() kind}'s record.
 *
 * @param <T> the record the query answers with
 */
public final class DetailQuery<T> {
  private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_]{1,100}");

  private final ResultKind<T> kind;
  private final String description;
  private final Function<ErkGeneration, DetailCommand> commands;
  private final boolean sameInEveryGeneration;

  private DetailQuery(
      ResultKind<T> kind,
      String description,
      Function<ErkGeneration, DetailCommand> commands,
      boolean sameInEveryGeneration) {
    this.kind = kind;
    this.description = description;
    this.commands = commands;
    this.sameInEveryGeneration = sameInEveryGeneration;
  }

  /** A PR's review threads: unresolved ones, or all with {@code includeResolved}. */
  public static DetailQuery<ReviewThreads> reviewThreads(int pr, boolean includeResolved) {
    positive("pr", pr);
    DetailCommand command = DetailCommands.reviewThreads(pr, includeResolved);
    return new DetailQuery<>(
        ResultKind.REVIEW_THREADS, "reviewThreads(" + pr + ")", g -> command, true);
  }

  /** A PR's unresolved review threads. */
  public static DetailQuery<ReviewThreads> reviewThreads(int pr) {
    return reviewThreads(pr, false);
  }

  /** A PR's reviews, unresolved review threads and discussion comments in one call (0.9.0+). */
  public static DetailQuery<PrFeedback> feedback(int pr) {
    return feedback(pr, false);
  }

  /** {@link #feedback(int)}, with resolved threads too if {@code includeResolved}. */
  public static DetailQuery<PrFeedback> feedback(int pr, boolean includeResolved) {
    positive("pr", pr);
    return new DetailQuery<>(
        ResultKind.FEEDBACK,
        "feedback(" + pr + ")",
        g -> DetailCommands.feedback(g, pr, includeResolved),
        false);
  }

  /** A PR's discussion (conversation) comments. */
  public static DetailQuery<DiscussionComments> discussion(int pr) {
    positive("pr", pr);
    DetailCommand command = DetailCommands.discussion(pr);
    return new DetailQuery<>(ResultKind.DISCUSSION, "discussion(" + pr + ")", g -> command, true);
  }

  /** A PR's details: state, draft, branches, mergeability, labels, author (0.8.0+). */
  public static DetailQuery<PullRequestView> pullRequest(int pr) {
    positive("pr", pr);
    return new DetailQuery<>(
        ResultKind.PULL_REQUEST,
        "pullRequest(" + pr + ")",
        g -> DetailCommands.pullRequest(g, pr),
        false);
  }

  /** A plan's info and body ({@code get-pr-info}, {@code get-plan-info} before; 0.8.0+). */
  public static DetailQuery<PlanInfo> planInfo(int pr) {
    positive("pr", pr);
    return new DetailQuery<>(
        ResultKind.PLAN_INFO, "planInfo(" + pr + ")", g -> DetailCommands.planInfo(g, pr), false);
  }

  /**
   * One field of a plan's plan-header block.
   *
   * @param field the header key, letters, digits and underscores (e.g. {@code objective_id})
   */
  public static DetailQuery<PlanHeaderField> planHeaderField(int pr, String field) {
    positive("pr", pr);
    if (!FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException(
          "field must be a plan-header key (letters, digits, underscores): " + field);
    }
    return new DetailQuery<>(
        ResultKind.PLAN_HEADER_FIELD,
        "planHeaderField(" + pr + ", " + field + ")",
        g -> DetailCommands.planHeaderField(g, pr, field),
        false);
  }

  /** The failure summaries of a PR's latest CI run (0.9.1+). */
  public static DetailQuery<CiSummaries> ciSummaries(int pr) {
    positive("pr", pr);
    return new DetailQuery<>(
        ResultKind.CI_SUMMARIES,
        "ciSummaries(" + pr + ")",
        g -> DetailCommands.ciSummaries(g, pr),
        false);
  }

  /** A plan's event log, oldest first. */
  public static DetailQuery<PlanLog> planLog(int pr) {
    positive("pr", pr);
    return new DetailQuery<>(
        ResultKind.PLAN_LOG, "planLog(" + pr + ")", g -> DetailCommands.planLog(g, pr), false);
  }

  /** An objective's roadmap: phases, nodes, dependency graph and summary (0.8.0+). */
  public static DetailQuery<ObjectiveRoadmap> objective(int number) {
    positive("number", number);
    return new DetailQuery<>(
        ResultKind.OBJECTIVE,
        "objective(" + number + ")",
        g -> DetailCommands.objective(g, number),
        false);
  }

  /** An objective's validation checks. */
  public static DetailQuery<ObjectiveChecks> objectiveChecks(int number) {
    positive("number", number);
    return new DetailQuery<>(
        ResultKind.OBJECTIVE_CHECKS,
        "objectiveChecks(" + number + ")",
        g -> DetailCommands.objectiveChecks(g, number),
        false);
  }

  /** The plans linked to an objective. */
  public static DetailQuery<ObjectivePlans> plansForObjective(int number) {
    positive("number", number);
    return new DetailQuery<>(
        ResultKind.PLANS_FOR_OBJECTIVE,
        "plansForObjective(" + number + ")",
        g -> DetailCommands.plansForObjective(g, number),
        false);
  }

  /** An issue's body, title, state and labels (for example an objective's issue). */
  public static DetailQuery<IssueBody> issueBody(int number) {
    positive("number", number);
    DetailCommand command = DetailCommands.issueBody(number);
    return new DetailQuery<>(
        ResultKind.ISSUE_BODY, "issueBody(" + number + ")", g -> command, true);
  }

  /** What the query answers with. */
  public ResultKind<T> kind() {
    return kind;
  }

  /**
   * The command line in the given generation.
   *
   * @throws dev.erk.client.ErkUnsupportedActionException if that generation lacks the command; the
   *     message names the erk version that added it
   */
  public DetailCommand command(ErkGeneration generation) {
    return commands.apply(generation);
  }

  /** True when every generation runs the same command, so the generation need not be known. */
  public boolean sameInEveryGeneration() {
    return sameInEveryGeneration;
  }

  /** The arguments current erk runs, for messages and logs. */
  public List<String> display() {
    return command(ErkGeneration.CURRENT).arguments();
  }

  /** The factory call that made this query, e.g. {@code reviewThreads(42)}. */
  @Override
  public String toString() {
    return description;
  }

  private static void positive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
  }
}
