package dev.erk.client;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The values a {@link PlanRowBuilder} holds, one field per {@link PlanRow} component, each starting
 * at its "nothing to show" value. The builder validates what it stores here.
 */
final class PlanRowDraft {
  int prNumber;
  @Nullable String prUrl = null;
  String prDisplay = "-";
  String checksDisplay = "-";
  @Nullable Boolean checksPassing = null;
  @Nullable CheckCounts checksCounts = null;
  @Nullable Long ciSummaryCommentId = null;
  String worktreeName = "";
  boolean existsLocally = false;
  String localImplDisplay = "-";
  String remoteImplDisplay = "-";
  String runIdDisplay = "-";
  String runStateDisplay = "-";
  @Nullable String runUrl = null;
  String fullTitle = "";
  String prBody = "";
  @Nullable String prTitle = null;
  @Nullable String prState = null;
  @Nullable String prHeadBranch = null;
  @Nullable String worktreeBranch = null;
  @Nullable OffsetDateTime lastLocalImplAt = null;
  @Nullable OffsetDateTime lastRemoteImplAt = null;
  @Nullable String runId = null;
  @Nullable String runStatus = null;
  @Nullable String runConclusion = null;
  List<LogEntry> logEntries = List.of();
  int resolvedCommentCount = 0;
  int totalCommentCount = 0;
  String commentsDisplay = "-";
  @Nullable String learnStatus = null;
  @Nullable Integer learnPlanIssue = null;
  @Nullable Boolean learnPlanIssueClosed = null;
  @Nullable Integer learnPlanPr = null;
  @Nullable String learnRunUrl = null;
  String learnDisplay = "";
  String learnDisplayIcon = "";
  @Nullable Integer objectiveIssue = null;
  @Nullable String objectiveUrl = null;
  String objectiveDisplay = "-";
  int objectiveDoneNodes = 0;
  int objectiveTotalNodes = 0;
  String objectiveProgressDisplay = "-";
  String objectiveSlugDisplay = "";
  String objectiveFrontierDisplay = "-";
  String objectiveDepsDisplay = "-";
  List<DependencyPlan> objectiveDepsPlans = List.of();
  String objectiveNextNodeDisplay = "-";
  @Nullable OffsetDateTime updatedAt = null;
  String updatedDisplay = "-";
  @Nullable OffsetDateTime createdAt = null;
  String createdDisplay = "-";
  String author = "";
  boolean isLearnPlan = false;
  String lifecycleDisplay = "-";
  String statusDisplay = "-";
  final Map<String, @Nullable Object> extras = new LinkedHashMap<>();

  PlanRowDraft() {}

  static PlanRowDraft of(PlanRow row) {
    PlanRowDraft d = new PlanRowDraft();
    d.prNumber = row.prNumber();
    d.prUrl = row.prUrl();
    d.prDisplay = row.prDisplay();
    d.checksDisplay = row.checksDisplay();
    d.checksPassing = row.checksPassing();
    d.checksCounts = row.checksCounts();
    d.ciSummaryCommentId = row.ciSummaryCommentId();
    d.worktreeName = row.worktreeName();
    d.existsLocally = row.existsLocally();
    d.localImplDisplay = row.localImplDisplay();
    d.remoteImplDisplay = row.remoteImplDisplay();
    d.runIdDisplay = row.runIdDisplay();
    d.runStateDisplay = row.runStateDisplay();
    d.runUrl = row.runUrl();
    d.fullTitle = row.fullTitle();
    d.prBody = row.prBody();
    d.prTitle = row.prTitle();
    d.prState = row.prState();
    d.prHeadBranch = row.prHeadBranch();
    d.worktreeBranch = row.worktreeBranch();
    d.lastLocalImplAt = row.lastLocalImplAt();
    d.lastRemoteImplAt = row.lastRemoteImplAt();
    d.runId = row.runId();
    d.runStatus = row.runStatus();
    d.runConclusion = row.runConclusion();
    d.logEntries = row.logEntries();
    d.resolvedCommentCount = row.resolvedCommentCount();
    d.totalCommentCount = row.totalCommentCount();
    d.commentsDisplay = row.commentsDisplay();
    d.learnStatus = row.learnStatus();
    d.learnPlanIssue = row.learnPlanIssue();
    d.learnPlanIssueClosed = row.learnPlanIssueClosed();
    d.learnPlanPr = row.learnPlanPr();
    d.learnRunUrl = row.learnRunUrl();
    d.learnDisplay = row.learnDisplay();
    d.learnDisplayIcon = row.learnDisplayIcon();
    d.objectiveIssue = row.objectiveIssue();
    d.objectiveUrl = row.objectiveUrl();
    d.objectiveDisplay = row.objectiveDisplay();
    d.objectiveDoneNodes = row.objectiveDoneNodes();
    d.objectiveTotalNodes = row.objectiveTotalNodes();
    d.objectiveProgressDisplay = row.objectiveProgressDisplay();
    d.objectiveSlugDisplay = row.objectiveSlugDisplay();
    d.objectiveFrontierDisplay = row.objectiveFrontierDisplay();
    d.objectiveDepsDisplay = row.objectiveDepsDisplay();
    d.objectiveDepsPlans = row.objectiveDepsPlans();
    d.objectiveNextNodeDisplay = row.objectiveNextNodeDisplay();
    d.updatedAt = row.updatedAt();
    d.updatedDisplay = row.updatedDisplay();
    d.createdAt = row.createdAt();
    d.createdDisplay = row.createdDisplay();
    d.author = row.author();
    d.isLearnPlan = row.isLearnPlan();
    d.lifecycleDisplay = row.lifecycleDisplay();
    d.statusDisplay = row.statusDisplay();
    d.extras.putAll(row.extras());
    return d;
  }

  PlanRow toRow() {
    return new PlanRow(
        prNumber,
        prUrl,
        prDisplay,
        checksDisplay,
        checksPassing,
        checksCounts,
        ciSummaryCommentId,
        worktreeName,
        existsLocally,
        localImplDisplay,
        remoteImplDisplay,
        runIdDisplay,
        runStateDisplay,
        runUrl,
        fullTitle,
        prBody,
        prTitle,
        prState,
        prHeadBranch,
        worktreeBranch,
        lastLocalImplAt,
        lastRemoteImplAt,
        runId,
        runStatus,
        runConclusion,
        logEntries,
        resolvedCommentCount,
        totalCommentCount,
        commentsDisplay,
        learnStatus,
        learnPlanIssue,
        learnPlanIssueClosed,
        learnPlanPr,
        learnRunUrl,
        learnDisplay,
        learnDisplayIcon,
        objectiveIssue,
        objectiveUrl,
        objectiveDisplay,
        objectiveDoneNodes,
        objectiveTotalNodes,
        objectiveProgressDisplay,
        objectiveSlugDisplay,
        objectiveFrontierDisplay,
        objectiveDepsDisplay,
        objectiveDepsPlans,
        objectiveNextNodeDisplay,
        updatedAt,
        updatedDisplay,
        createdAt,
        createdDisplay,
        author,
        isLearnPlan,
        lifecycleDisplay,
        statusDisplay,
        extras);
  }
}
