package dev.erk.client;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One plan as erk's dashboard shows it: a row of {@code erk exec dash-data}.
 *
 * <p>There is one component per key of erk's current row schema (55 keys), named as the lower-camel
 * form of the JSON key ({@code pr_number} → {@link #prNumber()}), in erk's order. Keys erk may send
 * as {@code null} are {@link Nullable}. Rows of older erk generations ({@link ErkGeneration}) are
 * decoded into the same record following erk's rename map; a key that the older row lacks takes its
 * "nothing to show" value ({@code null}, {@code "-"}, {@code ""}, {@code 0}, {@code false} or an
 * empty list) and a key the SDK does not know is kept in {@link #extras()}, so nothing erk sends is
 * lost.
 *
 * <p><b>Raw and display fields.</b> Use the raw fields ({@link #prState()}, {@link
 * #checksPassing()}, {@link #runStatus()} …) for logic. The {@code …Display} fields are what erk's
 * terminal shows; several hold Rich markup and emoji ({@code "[yellow]impl[/yellow]"}). {@link
 * #plain()} returns a copy with the markup removed.
 *
 * <p><b>Building rows.</b> erk adds row keys often, and each key becomes a component, which changes
 * the canonical constructor. The stable way to make a row is {@link #builder()} (or {@link
 * #newBuilder()} for a changed copy): a key erk adds becomes a new setter with a "nothing to show"
 * default, so code that builds rows keeps compiling and behaving. The canonical constructor is not
 * stable across releases; use it only where a compile error on every new key is wanted.
 *
 * <p><b>Times.</b> The four datetimes are {@link OffsetDateTime}s. erk always writes an offset for
 * {@code updated_at} and {@code created_at}; a plan-header time written without an offset is read
 * as UTC. Fractional seconds are kept.
 *
 * @param prNumber the row's own number: the draft PR of a plan row, the issue of an objective row
 * @param prUrl the PR (or Graphite, or objective issue) URL
 * @param prDisplay {@code "#N"} with state emoji, or {@code "-"}
 * @param checksDisplay CI summary such as {@code "✅ 4/4"}, or {@code "-"}
 * @param checksPassing true when CI passed, false when it failed, null when pending or unknown
 * @param checksCounts passing and total checks, null when there are none
 * @param ciSummaryCommentId the PR comment holding CI failure summaries (can exceed 2^31)
 * @param worktreeName the local worktree mapped to this plan, {@code ""} if none
 * @param existsLocally whether a local worktree maps to this plan
 * @param localImplDisplay relative time of the last local implementation, or {@code "-"}
 * @param remoteImplDisplay relative time of the last remote implementation, or {@code "-"}
 * @param runIdDisplay workflow run id with Rich markup, or {@code "-"}
 * @param runStateDisplay workflow run state with Rich markup and emoji, or {@code "-"}
 * @param runUrl the workflow run's URL
 * @param fullTitle the untruncated title
 * @param prBody the plan text (plan rows) or the issue body (objective rows), possibly empty
 * @param prTitle the PR title, null when erk could not enrich the row
 * @param prState {@code "OPEN"} or {@code "CLOSED"} (merged PRs show CLOSED); objective rows may
 *     show {@code "MERGED"}; null when not enriched
 * @param prHeadBranch the PR's head branch, null when not enriched
 * @param worktreeBranch the branch checked out in the mapped local worktree
 * @param lastLocalImplAt when the plan was last implemented locally
 * @param lastRemoteImplAt when the plan was last implemented remotely
 * @param runId the workflow run id, a decimal string
 * @param runStatus {@code queued}, {@code in_progress}, {@code completed} or {@code unknown}
 * @param runConclusion {@code success}, {@code failure}, {@code cancelled}, {@code skipped}, or
 *     null
 * @param logEntries erk's plan log; erk has always sent it empty so far
 * @param resolvedCommentCount resolved review threads
 * @param totalCommentCount all review threads
 * @param commentsDisplay {@code "resolved/total"} or {@code "-"}
 * @param learnStatus the raw learn status, e.g. {@code pending} or {@code completed_with_plan}
 * @param learnPlanIssue the learn plan's issue
 * @param learnPlanIssueClosed whether the learn issue is closed; current erk always sends null
 * @param learnPlanPr the learn plan's PR
 * @param learnRunUrl the learn workflow run's URL
 * @param learnDisplay learn status as text with emoji
 * @param learnDisplayIcon learn status as an icon
 * @param objectiveIssue the objective this plan belongs to (objective rows: the row itself)
 * @param objectiveUrl the objective issue's URL
 * @param objectiveDisplay {@code "#N"} or {@code "-"}
 * @param objectiveDoneNodes done roadmap nodes, 0 without a roadmap
 * @param objectiveTotalNodes all roadmap nodes, 0 without a roadmap
 * @param objectiveProgressDisplay {@code "done/total"} or {@code "-"}
 * @param objectiveSlugDisplay the objective slug or shortened title (max 25 characters)
 * @param objectiveFrontierDisplay roadmap sparkline such as {@code "✓✓▶○○"}, or {@code "-"}
 * @param objectiveDepsDisplay the next node's dependency state, e.g. {@code "ready"}, or {@code
 *     "-"}
 * @param objectiveDepsPlans the plans the next node waits for
 * @param objectiveNextNodeDisplay the next node id such as {@code "1.2"}, or {@code "-"}
 * @param updatedAt when the PR or issue last changed; null only for erk 0.7.x rows
 * @param updatedDisplay relative form of {@code updatedAt}, or {@code "-"}
 * @param createdAt when the PR or issue was created; null only for erk 0.7.x rows
 * @param createdDisplay relative form of {@code createdAt}, or {@code "-"}
 * @param author the creator's GitHub login, {@code ""} if unknown
 * @param isLearnPlan whether the plan carries the {@code erk-learn} label
 * @param lifecycleDisplay lifecycle stage with Rich markup, e.g. {@code "[yellow]impl[/yellow]"}
 * @param statusDisplay status emoji, or {@code "-"}
 * @param extras keys erk sent that this SDK does not model, with their decoded JSON values (maps,
 *     lists, strings, numbers, booleans, or null)
 */
public record PlanRow(
    int prNumber,
    @Nullable String prUrl,
    String prDisplay,
    String checksDisplay,
    @Nullable Boolean checksPassing,
    @Nullable CheckCounts checksCounts,
    @Nullable Long ciSummaryCommentId,
    String worktreeName,
    boolean existsLocally,
    String localImplDisplay,
    String remoteImplDisplay,
    String runIdDisplay,
    String runStateDisplay,
    @Nullable String runUrl,
    String fullTitle,
    String prBody,
    @Nullable String prTitle,
    @Nullable String prState,
    @Nullable String prHeadBranch,
    @Nullable String worktreeBranch,
    @Nullable OffsetDateTime lastLocalImplAt,
    @Nullable OffsetDateTime lastRemoteImplAt,
    @Nullable String runId,
    @Nullable String runStatus,
    @Nullable String runConclusion,
    List<LogEntry> logEntries,
    int resolvedCommentCount,
    int totalCommentCount,
    String commentsDisplay,
    @Nullable String learnStatus,
    @Nullable Integer learnPlanIssue,
    @Nullable Boolean learnPlanIssueClosed,
    @Nullable Integer learnPlanPr,
    @Nullable String learnRunUrl,
    String learnDisplay,
    String learnDisplayIcon,
    @Nullable Integer objectiveIssue,
    @Nullable String objectiveUrl,
    String objectiveDisplay,
    int objectiveDoneNodes,
    int objectiveTotalNodes,
    String objectiveProgressDisplay,
    String objectiveSlugDisplay,
    String objectiveFrontierDisplay,
    String objectiveDepsDisplay,
    List<DependencyPlan> objectiveDepsPlans,
    String objectiveNextNodeDisplay,
    @Nullable OffsetDateTime updatedAt,
    String updatedDisplay,
    @Nullable OffsetDateTime createdAt,
    String createdDisplay,
    String author,
    boolean isLearnPlan,
    String lifecycleDisplay,
    String statusDisplay,
    Map<String, @Nullable Object> extras) {

  /** The extras key under which a 0.7.x row keeps the number of its linked implementation PR. */
  public static final String LINKED_PR_NUMBER = "linked_pr_number";

  /** Checks that non-nullable components are present and copies the collections. */
  public PlanRow {
    requireNonNull(prDisplay, "prDisplay");
    requireNonNull(checksDisplay, "checksDisplay");
    requireNonNull(worktreeName, "worktreeName");
    requireNonNull(localImplDisplay, "localImplDisplay");
    requireNonNull(remoteImplDisplay, "remoteImplDisplay");
    requireNonNull(runIdDisplay, "runIdDisplay");
    requireNonNull(runStateDisplay, "runStateDisplay");
    requireNonNull(fullTitle, "fullTitle");
    requireNonNull(prBody, "prBody");
    requireNonNull(commentsDisplay, "commentsDisplay");
    requireNonNull(learnDisplay, "learnDisplay");
    requireNonNull(learnDisplayIcon, "learnDisplayIcon");
    requireNonNull(objectiveDisplay, "objectiveDisplay");
    requireNonNull(objectiveProgressDisplay, "objectiveProgressDisplay");
    requireNonNull(objectiveSlugDisplay, "objectiveSlugDisplay");
    requireNonNull(objectiveFrontierDisplay, "objectiveFrontierDisplay");
    requireNonNull(objectiveDepsDisplay, "objectiveDepsDisplay");
    requireNonNull(objectiveNextNodeDisplay, "objectiveNextNodeDisplay");
    requireNonNull(updatedDisplay, "updatedDisplay");
    requireNonNull(createdDisplay, "createdDisplay");
    requireNonNull(author, "author");
    requireNonNull(lifecycleDisplay, "lifecycleDisplay");
    requireNonNull(statusDisplay, "statusDisplay");
    logEntries = List.copyOf(logEntries);
    objectiveDepsPlans = List.copyOf(objectiveDepsPlans);
    extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  /**
   * Every component as a record's {@code toString} writes it, but {@link #prBody()} shown only by
   * its length and a hash, and every other component cut after 200 characters.
   */
  @Override
  public String toString() {
    return ValueText.of(this, Set.of("prBody"));
  }

  /** True when the PR is open ({@code pr_state == "OPEN"}). */
  public boolean isOpen() {
    return "OPEN".equals(prState);
  }

  /**
   * The number of the implementation PR linked to this plan. Since erk 0.9 the plan is its own PR,
   * so this is {@link #prNumber()}; a 0.7.x plan is an issue whose linked PR is another number, or
   * none.
   *
   * @return the linked PR number, or null for a 0.7.x plan without one
   */
  public @Nullable Integer linkedPrNumber() {
    if (!extras.containsKey(LINKED_PR_NUMBER)) {
      return prNumber;
    }
    return extras.get(LINKED_PR_NUMBER) instanceof Number n ? n.intValue() : null;
  }

  /**
   * A copy of this row whose display fields carry no Rich markup: {@code [yellow]impl[/yellow]}
   * becomes {@code impl}. Emoji and raw fields are unchanged.
   */
  public PlanRow plain() {
    return new PlanRow(
        prNumber,
        prUrl,
        RichMarkup.strip(prDisplay),
        RichMarkup.strip(checksDisplay),
        checksPassing,
        checksCounts,
        ciSummaryCommentId,
        worktreeName,
        existsLocally,
        localImplDisplay,
        remoteImplDisplay,
        RichMarkup.strip(runIdDisplay),
        RichMarkup.strip(runStateDisplay),
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
        RichMarkup.strip(learnDisplay),
        RichMarkup.strip(learnDisplayIcon),
        objectiveIssue,
        objectiveUrl,
        objectiveDisplay,
        objectiveDoneNodes,
        objectiveTotalNodes,
        objectiveProgressDisplay,
        objectiveSlugDisplay,
        RichMarkup.strip(objectiveFrontierDisplay),
        objectiveDepsDisplay,
        objectiveDepsPlans,
        objectiveNextNodeDisplay,
        updatedAt,
        updatedDisplay,
        createdAt,
        createdDisplay,
        author,
        isLearnPlan,
        RichMarkup.strip(lifecycleDisplay),
        RichMarkup.strip(statusDisplay),
        extras);
  }

  /**
   * A builder with every component at its "nothing to show" value: {@code null} where erk may send
   * null, {@code "-"} for display fields, {@code ""} for {@link #worktreeName()}, {@link
   * #fullTitle()}, {@link #prBody()}, {@link #author()} and the slug and learn displays, {@code 0},
   * {@code false} and empty lists. Only {@link PlanRowBuilder#prNumber(int)} must be set.
   */
  public static PlanRowBuilder builder() {
    return new PlanRowBuilder(new PlanRowDraft());
  }

  /** A builder holding this row's values, to derive a changed copy. */
  public PlanRowBuilder newBuilder() {
    return new PlanRowBuilder(PlanRowDraft.of(this));
  }
}
