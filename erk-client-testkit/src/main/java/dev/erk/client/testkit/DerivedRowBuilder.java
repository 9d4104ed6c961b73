package dev.erk.client.testkit;

import dev.erk.client.CheckCounts;
import dev.erk.client.DependencyPlan;
import dev.erk.client.PlanRow;
import dev.erk.client.PlanRowBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds one {@link PlanRow} from the facts a test cares about, with fixture defaults (an open PR
 * #42 titled "Add retry to uploads" by {@code alice}): every other component keeps erk's "nothing
 * to show" value and every display field is derived from the facts as erk derives it. Obtain one
 * from {@link PlanRows#builder()}.
 *
 * <p>It sits on the API's {@link PlanRowBuilder}, which sets components one by one: {@link
 * #rowBuilder()} hands over to it for what no fact here covers.
 *
 * <pre>{@code
 * PlanRow learn =
 *     PlanRows.open(7).title("Learn from the outage").rowBuilder().isLearnPlan(true).build();
 * }</pre>
 *
 * <p>Not thread-safe; {@link #build()} may be called repeatedly.
 */
public final class DerivedRowBuilder {
  private static final String EYES = "\uD83D\uDC40";
  private static final String CONSTRUCTION = "\uD83D\uDEA7";
  private static final String NO_ENTRY = "\u26D4";
  private static final String COLLISION = "\uD83D\uDCA5";

  private int prNumber = 42;
  private String title = "Add retry to uploads";
  private String body = "Retry failed uploads three times with backoff.";
  private boolean open = true;
  private boolean draft;
  private boolean conflicts;
  private @Nullable String branch;
  private @Nullable CheckCounts checks;
  private boolean checksPending;
  private @Nullable String runId;
  private @Nullable String runStatus;
  private @Nullable String runConclusion;
  private String worktreeName = "";
  private @Nullable String worktreeBranch;
  private @Nullable String learnStatus;
  private @Nullable Integer learnPlanIssue;
  private @Nullable Integer objectiveIssue;
  private int objectiveDone;
  private int objectiveTotal;
  private final List<DependencyPlan> dependencies = new ArrayList<>();
  private int resolvedComments;
  private int totalComments;
  private String author = "alice";
  private OffsetDateTime updatedAt = PlanRows.UPDATED_AT;
  private @Nullable OffsetDateTime createdAt;
  private @Nullable OffsetDateTime lastLocalImplAt;
  private @Nullable OffsetDateTime lastRemoteImplAt;

  DerivedRowBuilder() {}

  /** The PR number; URLs, {@code "#N"} displays and the default branch follow it. Default 42. */
  public DerivedRowBuilder prNumber(int prNumber) {
    if (prNumber <= 0) {
      throw new IllegalArgumentException("prNumber must be positive: " + prNumber);
    }
    this.prNumber = prNumber;
    return this;
  }

  /** The PR title ({@code full_title} and {@code pr_title}). */
  public DerivedRowBuilder title(String title) {
    this.title = title;
    return this;
  }

  /** The plan text ({@code pr_body}). */
  public DerivedRowBuilder body(String body) {
    this.body = body;
    return this;
  }

  /** An open PR ({@code pr_state "OPEN"}); the default. */
  public DerivedRowBuilder open() {
    this.open = true;
    return this;
  }

  /** A closed PR: {@code pr_state "CLOSED"}, ⛔ and lifecycle {@code closed}. */
  public DerivedRowBuilder closed() {
    this.open = false;
    return this;
  }

  /** A draft PR (🚧 instead of 👀). */
  public DerivedRowBuilder draft() {
    this.draft = true;
    return this;
  }

  /** Merge conflicts: 💥 in {@code pr_display} and {@code status_display}. */
  public DerivedRowBuilder conflicts() {
    this.conflicts = true;
    return this;
  }

  /** The PR's head branch; default {@code plnd/plan-N}. */
  public DerivedRowBuilder branch(String branch) {
    this.branch = branch;
    return this;
  }

  /** CI results: all passing gives ✅ and {@code checks_passing true}, else 🚫 and false. */
  public DerivedRowBuilder checks(int passing, int total) {
    this.checks = new CheckCounts(passing, total);
    this.checksPending = false;
    return this;
  }

  /** CI still running: 🔄, {@code checks_passing null}. */
  public DerivedRowBuilder checksPending() {
    this.checks = null;
    this.checksPending = true;
    return this;
  }

  /**
   * A workflow run as {@code --show-runs} reports it.
   *
   * @param status {@code queued}, {@code in_progress} or {@code completed}
   * @param conclusion {@code success}, {@code failure}, {@code cancelled}, or null while running
   */
  public DerivedRowBuilder run(String runId, String status, @Nullable String conclusion) {
    this.runId = runId;
    this.runStatus = status;
    this.runConclusion = conclusion;
    return this;
  }

  /** A local worktree mapped to the plan ({@code exists_locally true}). */
  public DerivedRowBuilder worktree(String name, String branch) {
    this.worktreeName = name;
    this.worktreeBranch = branch;
    return this;
  }

  /** The learn status (e.g. {@code pending}, {@code completed_with_plan}) and learn plan issue. */
  public DerivedRowBuilder learn(String status, @Nullable Integer planIssue) {
    this.learnStatus = status;
    this.learnPlanIssue = planIssue;
    return this;
  }

  /** The objective the plan belongs to, with its roadmap progress. */
  public DerivedRowBuilder objective(int issue, int doneNodes, int totalNodes) {
    this.objectiveIssue = issue;
    this.objectiveDone = doneNodes;
    this.objectiveTotal = totalNodes;
    return this;
  }

  /** Dependency plans of the objective's next node ({@code objective_deps_plans}). */
  public DerivedRowBuilder dependsOn(int... prNumbers) {
    for (int n : prNumbers) {
      dependencies.add(PlanRows.dependency(n));
    }
    return this;
  }

  /** Resolved and total review threads. */
  public DerivedRowBuilder comments(int resolved, int total) {
    this.resolvedComments = resolved;
    this.totalComments = total;
    return this;
  }

  /** The creator's GitHub login; default {@code alice}. */
  public DerivedRowBuilder author(String author) {
    this.author = author;
    return this;
  }

  /** When the PR last changed; default {@link PlanRows#UPDATED_AT}. */
  public DerivedRowBuilder updatedAt(OffsetDateTime updatedAt) {
    this.updatedAt = updatedAt;
    return this;
  }

  /** When the PR was created; default ten days before {@code updatedAt}. */
  public DerivedRowBuilder createdAt(OffsetDateTime createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  /** The last local and remote implementation times (either may be null). */
  public DerivedRowBuilder implementedAt(
      @Nullable OffsetDateTime local, @Nullable OffsetDateTime remote) {
    this.lastLocalImplAt = local;
    this.lastRemoteImplAt = remote;
    return this;
  }

  /** The row, with every display field derived from the facts set. */
  public PlanRow build() {
    return rowBuilder().build();
  }

  /**
   * The API's builder holding the row {@link #build()} would return, to set the components no fact
   * here covers ({@code isLearnPlan}, {@code ciSummaryCommentId}, {@code extra(…)}) or to replace a
   * derived display. Later changes to this builder do not reach it.
   */
  public PlanRowBuilder rowBuilder() {
    String url = PlanRows.pullUrl(prNumber);
    String icon = open ? (draft ? CONSTRUCTION : EYES) : NO_ENTRY;
    String status = open ? icon + (conflicts ? " " + COLLISION : "") : "-";
    String runUrl = runId == null ? null : PlanRows.runUrl(runId);
    Integer objective = objectiveIssue;
    OffsetDateTime created = createdAt != null ? createdAt : updatedAt.minus(Duration.ofDays(10));
    return PlanRow.builder()
        .prNumber(prNumber)
        .prUrl(url)
        .prDisplay("#" + prNumber + " " + icon + (conflicts ? COLLISION : ""))
        .checksDisplay(RowDisplays.checks(checks, checksPending))
        .checksPassing(checksPassing())
        .checksCounts(checks)
        .worktreeName(worktreeName)
        .existsLocally(!worktreeName.isEmpty())
        .localImplDisplay(RowDisplays.relative(lastLocalImplAt, updatedAt))
        .remoteImplDisplay(RowDisplays.relative(lastRemoteImplAt, updatedAt))
        .runIdDisplay(
            runId == null ? "-" : "[cyan][link=" + runUrl + "]" + runId + "[/link][/cyan]")
        .runStateDisplay(RowDisplays.runState(runStatus, runConclusion))
        .runUrl(runUrl)
        .fullTitle(title)
        .prBody(body)
        .prTitle(title)
        .prState(open ? "OPEN" : "CLOSED")
        .prHeadBranch(branch != null ? branch : "plnd/plan-" + prNumber)
        .worktreeBranch(worktreeBranch)
        .lastLocalImplAt(lastLocalImplAt)
        .lastRemoteImplAt(lastRemoteImplAt)
        .runId(runId)
        .runStatus(runStatus)
        .runConclusion(runConclusion)
        .resolvedCommentCount(resolvedComments)
        .totalCommentCount(totalComments)
        .commentsDisplay(resolvedComments + "/" + totalComments)
        .learnStatus(learnStatus)
        .learnPlanIssue(learnPlanIssue)
        .learnDisplay(RowDisplays.learn(learnStatus, learnPlanIssue))
        .learnDisplayIcon(RowDisplays.learnIcon(learnStatus, learnPlanIssue))
        .objectiveIssue(objective)
        .objectiveUrl(objective == null ? null : PlanRows.issueUrl(objective))
        .objectiveDisplay(objective == null ? "-" : "#" + objective)
        .objectiveDoneNodes(objectiveDone)
        .objectiveTotalNodes(objectiveTotal)
        .objectiveProgressDisplay(objectiveTotal == 0 ? "-" : objectiveDone + "/" + objectiveTotal)
        .objectiveSlugDisplay(RowDisplays.slug(title, body))
        .objectiveFrontierDisplay(RowDisplays.frontier(objectiveDone, objectiveTotal))
        .objectiveDepsDisplay(
            objective == null ? "-" : (dependencies.isEmpty() ? "ready" : "in progress"))
        .objectiveDepsPlans(dependencies)
        .objectiveNextNodeDisplay(objectiveTotal == 0 ? "-" : "1." + (objectiveDone + 1))
        .updatedAt(updatedAt)
        .updatedDisplay("just now")
        .createdAt(created)
        .createdDisplay(RowDisplays.relative(created, updatedAt))
        .author(author)
        .lifecycleDisplay(RowDisplays.lifecycle(open, runId != null))
        .statusDisplay(status);
  }

  private @Nullable Boolean checksPassing() {
    CheckCounts counts = checks;
    return counts == null ? null : counts.allPassing();
  }
}
