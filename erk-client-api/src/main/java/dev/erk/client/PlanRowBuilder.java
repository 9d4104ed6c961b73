package dev.erk.client;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link PlanRow}: the stable way to make one (see {@link PlanRow}'s class comment). Get
 * one from {@link PlanRow#builder()}, with every component at its "nothing to show" value, or from
 * {@link PlanRow#newBuilder()}, holding a row's values to derive a changed copy. One setter per
 * component, named as the component; {@link #extra(String, Object)} adds a key the SDK does not
 * model.
 *
 * <pre>{@code
 * PlanRow row = PlanRow.builder().prNumber(42).prState("OPEN").fullTitle("Add retry").build();
 * PlanRow closed = row.newBuilder().prState("CLOSED").build();
 * }</pre>
 *
 * <p>Not thread-safe; {@link #build()} may be called repeatedly.
 */
public final class PlanRowBuilder {
  private final PlanRowDraft draft;

  PlanRowBuilder(PlanRowDraft draft) {
    this.draft = draft;
  }

  /** Sets {@link PlanRow#prNumber()}. */
  public PlanRowBuilder prNumber(int prNumber) {
    draft.prNumber = prNumber;
    return this;
  }

  /** Sets {@link PlanRow#prUrl()}. */
  public PlanRowBuilder prUrl(@Nullable String prUrl) {
    draft.prUrl = prUrl;
    return this;
  }

  /** Sets {@link PlanRow#prDisplay()}. */
  public PlanRowBuilder prDisplay(String prDisplay) {
    draft.prDisplay = requireNonNull(prDisplay, "prDisplay");
    return this;
  }

  /** Sets {@link PlanRow#checksDisplay()}. */
  public PlanRowBuilder checksDisplay(String checksDisplay) {
    draft.checksDisplay = requireNonNull(checksDisplay, "checksDisplay");
    return this;
  }

  /** Sets {@link PlanRow#checksPassing()}. */
  public PlanRowBuilder checksPassing(@Nullable Boolean checksPassing) {
    draft.checksPassing = checksPassing;
    return this;
  }

  /** Sets {@link PlanRow#checksCounts()}. */
  public PlanRowBuilder checksCounts(@Nullable CheckCounts checksCounts) {
    draft.checksCounts = checksCounts;
    return this;
  }

  /** Sets {@link PlanRow#ciSummaryCommentId()}. */
  public PlanRowBuilder ciSummaryCommentId(@Nullable Long ciSummaryCommentId) {
    draft.ciSummaryCommentId = ciSummaryCommentId;
    return this;
  }

  /** Sets {@link PlanRow#worktreeName()}. */
  public PlanRowBuilder worktreeName(String worktreeName) {
    draft.worktreeName = requireNonNull(worktreeName, "worktreeName");
    return this;
  }

  /** Sets {@link PlanRow#existsLocally()}. */
  public PlanRowBuilder existsLocally(boolean existsLocally) {
    draft.existsLocally = existsLocally;
    return this;
  }

  /** Sets {@link PlanRow#localImplDisplay()}. */
  public PlanRowBuilder localImplDisplay(String localImplDisplay) {
    draft.localImplDisplay = requireNonNull(localImplDisplay, "localImplDisplay");
    return this;
  }

  /** Sets {@link PlanRow#remoteImplDisplay()}. */
  public PlanRowBuilder remoteImplDisplay(String remoteImplDisplay) {
    draft.remoteImplDisplay = requireNonNull(remoteImplDisplay, "remoteImplDisplay");
    return this;
  }

  /** Sets {@link PlanRow#runIdDisplay()}. */
  public PlanRowBuilder runIdDisplay(String runIdDisplay) {
    draft.runIdDisplay = requireNonNull(runIdDisplay, "runIdDisplay");
    return this;
  }

  /** Sets {@link PlanRow#runStateDisplay()}. */
  public PlanRowBuilder runStateDisplay(String runStateDisplay) {
    draft.runStateDisplay = requireNonNull(runStateDisplay, "runStateDisplay");
    return this;
  }

  /** Sets {@link PlanRow#runUrl()}. */
  public PlanRowBuilder runUrl(@Nullable String runUrl) {
    draft.runUrl = runUrl;
    return this;
  }

  /** Sets {@link PlanRow#fullTitle()}. */
  public PlanRowBuilder fullTitle(String fullTitle) {
    draft.fullTitle = requireNonNull(fullTitle, "fullTitle");
    return this;
  }

  /** Sets {@link PlanRow#prBody()}. */
  public PlanRowBuilder prBody(String prBody) {
    draft.prBody = requireNonNull(prBody, "prBody");
    return this;
  }

  /** Sets {@link PlanRow#prTitle()}. */
  public PlanRowBuilder prTitle(@Nullable String prTitle) {
    draft.prTitle = prTitle;
    return this;
  }

  /** Sets {@link PlanRow#prState()}. */
  public PlanRowBuilder prState(@Nullable String prState) {
    draft.prState = prState;
    return this;
  }

  /** Sets {@link PlanRow#prHeadBranch()}. */
  public PlanRowBuilder prHeadBranch(@Nullable String prHeadBranch) {
    draft.prHeadBranch = prHeadBranch;
    return this;
  }

  /** Sets {@link PlanRow#worktreeBranch()}. */
  public PlanRowBuilder worktreeBranch(@Nullable String worktreeBranch) {
    draft.worktreeBranch = worktreeBranch;
    return this;
  }

  /** Sets {@link PlanRow#lastLocalImplAt()}. */
  public PlanRowBuilder lastLocalImplAt(@Nullable OffsetDateTime lastLocalImplAt) {
    draft.lastLocalImplAt = lastLocalImplAt;
    return this;
  }

  /** Sets {@link PlanRow#lastRemoteImplAt()}. */
  public PlanRowBuilder lastRemoteImplAt(@Nullable OffsetDateTime lastRemoteImplAt) {
    draft.lastRemoteImplAt = lastRemoteImplAt;
    return this;
  }

  /** Sets {@link PlanRow#runId()}. */
  public PlanRowBuilder runId(@Nullable String runId) {
    draft.runId = runId;
    return this;
  }

  /** Sets {@link PlanRow#runStatus()}. */
  public PlanRowBuilder runStatus(@Nullable String runStatus) {
    draft.runStatus = runStatus;
    return this;
  }

  /** Sets {@link PlanRow#runConclusion()}. */
  public PlanRowBuilder runConclusion(@Nullable String runConclusion) {
    draft.runConclusion = runConclusion;
    return this;
  }

  /** Sets {@link PlanRow#logEntries()}. */
  public PlanRowBuilder logEntries(List<LogEntry> logEntries) {
    draft.logEntries = requireNonNull(logEntries, "logEntries");
    return this;
  }

  /** Sets {@link PlanRow#resolvedCommentCount()}. */
  public PlanRowBuilder resolvedCommentCount(int resolvedCommentCount) {
    draft.resolvedCommentCount = resolvedCommentCount;
    return this;
  }

  /** Sets {@link PlanRow#totalCommentCount()}. */
  public PlanRowBuilder totalCommentCount(int totalCommentCount) {
    draft.totalCommentCount = totalCommentCount;
    return this;
  }

  /** Sets {@link PlanRow#commentsDisplay()}. */
  public PlanRowBuilder commentsDisplay(String commentsDisplay) {
    draft.commentsDisplay = requireNonNull(commentsDisplay, "commentsDisplay");
    return this;
  }

  /** Sets {@link PlanRow#learnStatus()}. */
  public PlanRowBuilder learnStatus(@Nullable String learnStatus) {
    draft.learnStatus = learnStatus;
    return this;
  }

  /** Sets {@link PlanRow#learnPlanIssue()}. */
  public PlanRowBuilder learnPlanIssue(@Nullable Integer learnPlanIssue) {
    draft.learnPlanIssue = learnPlanIssue;
    return this;
  }

  /** Sets {@link PlanRow#learnPlanIssueClosed()}. */
  public PlanRowBuilder learnPlanIssueClosed(@Nullable Boolean learnPlanIssueClosed) {
    draft.learnPlanIssueClosed = learnPlanIssueClosed;
    return this;
  }

  /** Sets {@link PlanRow#learnPlanPr()}. */
  public PlanRowBuilder learnPlanPr(@Nullable Integer learnPlanPr) {
    draft.learnPlanPr = learnPlanPr;
    return this;
  }

  /** Sets {@link PlanRow#learnRunUrl()}. */
  public PlanRowBuilder learnRunUrl(@Nullable String learnRunUrl) {
    draft.learnRunUrl = learnRunUrl;
    return this;
  }

  /** Sets {@link PlanRow#learnDisplay()}. */
  public PlanRowBuilder learnDisplay(String learnDisplay) {
    draft.learnDisplay = requireNonNull(learnDisplay, "learnDisplay");
    return this;
  }

  /** Sets {@link PlanRow#learnDisplayIcon()}. */
  public PlanRowBuilder learnDisplayIcon(String learnDisplayIcon) {
    draft.learnDisplayIcon = requireNonNull(learnDisplayIcon, "learnDisplayIcon");
    return this;
  }

  /** Sets {@link PlanRow#objectiveIssue()}. */
  public PlanRowBuilder objectiveIssue(@Nullable Integer objectiveIssue) {
    draft.objectiveIssue = objectiveIssue;
    return this;
  }

  /** Sets {@link PlanRow#objectiveUrl()}. */
  public PlanRowBuilder objectiveUrl(@Nullable String objectiveUrl) {
    draft.objectiveUrl = objectiveUrl;
    return this;
  }

  /** Sets {@link PlanRow#objectiveDisplay()}. */
  public PlanRowBuilder objectiveDisplay(String objectiveDisplay) {
    draft.objectiveDisplay = requireNonNull(objectiveDisplay, "objectiveDisplay");
    return this;
  }

  /** Sets {@link PlanRow#objectiveDoneNodes()}. */
  public PlanRowBuilder objectiveDoneNodes(int objectiveDoneNodes) {
    draft.objectiveDoneNodes = objectiveDoneNodes;
    return this;
  }

  /** Sets {@link PlanRow#objectiveTotalNodes()}. */
  public PlanRowBuilder objectiveTotalNodes(int objectiveTotalNodes) {
    draft.objectiveTotalNodes = objectiveTotalNodes;
    return this;
  }

  /** Sets {@link PlanRow#objectiveProgressDisplay()}. */
  public PlanRowBuilder objectiveProgressDisplay(String objectiveProgressDisplay) {
    draft.objectiveProgressDisplay =
        requireNonNull(objectiveProgressDisplay, "objectiveProgressDisplay");
    return this;
  }

  /** Sets {@link PlanRow#objectiveSlugDisplay()}. */
  public PlanRowBuilder objectiveSlugDisplay(String objectiveSlugDisplay) {
    draft.objectiveSlugDisplay = requireNonNull(objectiveSlugDisplay, "objectiveSlugDisplay");
    return this;
  }

  /** Sets {@link PlanRow#objectiveFrontierDisplay()}. */
  public PlanRowBuilder objectiveFrontierDisplay(String objectiveFrontierDisplay) {
    draft.objectiveFrontierDisplay =
        requireNonNull(objectiveFrontierDisplay, "objectiveFrontierDisplay");
    return this;
  }

  /** Sets {@link PlanRow#objectiveDepsDisplay()}. */
  public PlanRowBuilder objectiveDepsDisplay(String objectiveDepsDisplay) {
    draft.objectiveDepsDisplay = requireNonNull(objectiveDepsDisplay, "objectiveDepsDisplay");
    return this;
  }

  /** Sets {@link PlanRow#objectiveDepsPlans()}. */
  public PlanRowBuilder objectiveDepsPlans(List<DependencyPlan> objectiveDepsPlans) {
    draft.objectiveDepsPlans = requireNonNull(objectiveDepsPlans, "objectiveDepsPlans");
    return this;
  }

  /** Sets {@link PlanRow#objectiveNextNodeDisplay()}. */
  public PlanRowBuilder objectiveNextNodeDisplay(String objectiveNextNodeDisplay) {
    draft.objectiveNextNodeDisplay =
        requireNonNull(objectiveNextNodeDisplay, "objectiveNextNodeDisplay");
    return this;
  }

  /** Sets {@link PlanRow#updatedAt()}. */
  public PlanRowBuilder updatedAt(@Nullable OffsetDateTime updatedAt) {
    draft.updatedAt = updatedAt;
    return this;
  }

  /** Sets {@link PlanRow#updatedDisplay()}. */
  public PlanRowBuilder updatedDisplay(String updatedDisplay) {
    draft.updatedDisplay = requireNonNull(updatedDisplay, "updatedDisplay");
    return this;
  }

  /** Sets {@link PlanRow#createdAt()}. */
  public PlanRowBuilder createdAt(@Nullable OffsetDateTime createdAt) {
    draft.createdAt = createdAt;
    return this;
  }

  /** Sets {@link PlanRow#createdDisplay()}. */
  public PlanRowBuilder createdDisplay(String createdDisplay) {
    draft.createdDisplay = requireNonNull(createdDisplay, "createdDisplay");
    return this;
  }

  /** Sets {@link PlanRow#author()}. */
  public PlanRowBuilder author(String author) {
    draft.author = requireNonNull(author, "author");
    return this;
  }

  /** Sets {@link PlanRow#isLearnPlan()}. */
  public PlanRowBuilder isLearnPlan(boolean isLearnPlan) {
    draft.isLearnPlan = isLearnPlan;
    return this;
  }

  /** Sets {@link PlanRow#lifecycleDisplay()}. */
  public PlanRowBuilder lifecycleDisplay(String lifecycleDisplay) {
    draft.lifecycleDisplay = requireNonNull(lifecycleDisplay, "lifecycleDisplay");
    return this;
  }

  /** Sets {@link PlanRow#statusDisplay()}. */
  public PlanRowBuilder statusDisplay(String statusDisplay) {
    draft.statusDisplay = requireNonNull(statusDisplay, "statusDisplay");
    return this;
  }

  /** Replaces the unmodelled keys. */
  public PlanRowBuilder extras(Map<String, @Nullable Object> extras) {
    draft.extras.clear();
    draft.extras.putAll(extras);
    return this;
  }

  /** Adds one key the SDK does not model, kept in {@link PlanRow#extras()}. */
  public PlanRowBuilder extra(String key, @Nullable Object value) {
    draft.extras.put(requireNonNull(key, "key"), value);
    return this;
  }

  /**
   * The row.
   *
   * @throws IllegalStateException if {@link #prNumber(int)} was not set to a positive number
   */
  public PlanRow build() {
    if (draft.prNumber <= 0) {
      throw new IllegalStateException(
          "prNumber must be set to a positive number: " + draft.prNumber);
    }
    return draft.toRow();
  }
}
