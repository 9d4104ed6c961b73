package dev.erk.client.testkit;

import dev.erk.client.details.CiSummaries;
import dev.erk.client.details.DiscussionComment;
import dev.erk.client.details.DiscussionComments;
import dev.erk.client.details.IssueBody;
import dev.erk.client.details.ObjectiveChecks;
import dev.erk.client.details.ObjectivePlans;
import dev.erk.client.details.ObjectiveRoadmap;
import dev.erk.client.details.PlanHeaderField;
import dev.erk.client.details.PlanInfo;
import dev.erk.client.details.PlanLog;
import dev.erk.client.details.PrFeedback;
import dev.erk.client.details.PullRequestView;
import dev.erk.client.details.ReviewThread;
import dev.erk.client.details.ReviewThreads;
import dev.erk.client.details.RoadmapNode;
import dev.erk.client.details.RoadmapPhase;
import dev.erk.client.details.RoadmapSummary;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Detail records for tests, with plausible defaults, as {@link PlanRows} builds plan rows. These
 * factories stay source-compatible when erk adds keys (the records' constructors do not).
 *
 * <pre>{@code
 * InMemoryErkClient erk = InMemoryErkClient.create()
 *     .onDetail(DetailQuery.reviewThreads(42, false), DetailRecords.reviewThreads(42,
 *         DetailRecords.thread("src/app.py", 12, "reviewer", "Rename this")))
 *     .onDetail(DetailQuery.objective(7), DetailRecords.roadmap(7, DetailRecords.phase(1,
 *         DetailRecords.node("1.1", "done"), DetailRecords.node("1.2", "pending", "1.1"))))
 *     .onDetail(DetailQuery.planInfo(42), DetailRecords.planInfo(42, "Add cache", "# Plan"));
 * }</pre>
 *
 * <p>Records that name a pull request or issue point into {@link PlanRows#REPOSITORY_URL}. Records
 * that erk derives from others are derived here the same way ({@link #roadmap}, {@link
 * #objectiveChecks}). Thread-safe (stateless).
 */
public final class DetailRecords {
  /** The time every default timestamp uses: 2026-04-10T09:00Z. */
  public static final OffsetDateTime TIME =
      OffsetDateTime.of(2026, 4, 10, 9, 0, 0, 0, ZoneOffset.UTC);

  private DetailRecords() {}

  /** An unresolved review thread with one comment, not outdated. */
  public static ReviewThread thread(
      String path, @Nullable Integer line, String author, String body) {
    return new ReviewThread(
        "PRRT_" + Integer.toHexString((path + line).hashCode()),
        path,
        line,
        false,
        List.of(new ReviewThread.Comment(author, body, TIME, Map.of())),
        Map.of());
  }

  /** A review thread with these comments, oldest first. */
  public static ReviewThread thread(
      String id,
      String path,
      @Nullable Integer line,
      boolean outdated,
      ReviewThread.Comment... comments) {
    return new ReviewThread(id, path, line, outdated, List.of(comments), Map.of());
  }

  /** One comment of a review thread. */
  public static ReviewThread.Comment comment(String author, String body, OffsetDateTime createdAt) {
    return new ReviewThread.Comment(author, body, createdAt, Map.of());
  }

  /** The threads of PR {@code pr} (URL and title made up from the number). */
  public static ReviewThreads reviewThreads(int pr, ReviewThread... threads) {
    return reviewThreads(pr, "Plan #" + pr, threads);
  }

  /** The threads of PR {@code pr} titled {@code title}. */
  public static ReviewThreads reviewThreads(int pr, String title, ReviewThread... threads) {
    return new ReviewThreads(pr, PlanRows.pullUrl(pr), title, List.of(threads), Map.of());
  }

  /** A review submitted at {@link #TIME}, with an id made up from author and state. */
  public static PrFeedback.Review review(String author, String state, String body) {
    return review(
        "PRR_" + Integer.toHexString((author + state).hashCode()), author, state, body, TIME);
  }

  /** A review with every fact given. */
  public static PrFeedback.Review review(
      String id, String author, String state, String body, OffsetDateTime submittedAt) {
    return new PrFeedback.Review(id, author, body, state, submittedAt, Map.of());
  }

  /**
   * All feedback on a PR as current erk sends it: the PR (number, URL, title) and its threads come
   * from {@code threads}, the conversation from {@code discussion}.
   *
   * @throws IllegalArgumentException if the two name different PRs
   */
  public static PrFeedback feedback(
      ReviewThreads threads, DiscussionComments discussion, PrFeedback.Review... reviews) {
    return combined(threads, discussion, List.of(reviews));
  }

  /**
   * {@link #feedback} as erk before current sent it: without reviews ({@link PrFeedback#reviews()}
   * null).
   */
  public static PrFeedback feedbackWithoutReviews(
      ReviewThreads threads, DiscussionComments discussion) {
    return combined(threads, discussion, null);
  }

  private static PrFeedback combined(
      ReviewThreads threads,
      DiscussionComments discussion,
      @Nullable List<PrFeedback.Review> reviews) {
    if (threads.prNumber() != discussion.prNumber()) {
      throw new IllegalArgumentException(
          "threads of PR #"
              + threads.prNumber()
              + " and discussion of PR #"
              + discussion.prNumber());
    }
    return new PrFeedback(
        threads.prNumber(),
        threads.prUrl(),
        threads.prTitle(),
        reviews,
        threads.threads(),
        discussion.comments(),
        Map.of());
  }

  /** Conversation comment {@code id} on PR {@code pr}, with GitHub's URL for it. */
  public static DiscussionComment discussionComment(int pr, long id, String author, String body) {
    return new DiscussionComment(
        id, author, body, PlanRows.pullUrl(pr) + "#issuecomment-" + id, Map.of());
  }

  /** The conversation of PR {@code pr} (title made up from the number). */
  public static DiscussionComments discussion(int pr, DiscussionComment... comments) {
    return discussion(pr, "Plan #" + pr, comments);
  }

  /** The conversation of PR {@code pr} titled {@code title}. */
  public static DiscussionComments discussion(int pr, String title, DiscussionComment... comments) {
    return new DiscussionComments(pr, PlanRows.pullUrl(pr), title, List.of(comments), Map.of());
  }

  /** An open, mergeable, non-draft PR from {@code plan-<pr>} into {@code main}. */
  public static PullRequestView pullRequest(int pr, String state) {
    return new PullRequestView(
        pr,
        "Plan #" + pr,
        "https://github.com/acme/widgets/pull/" + pr,
        "",
        state,
        false,
        "plan-" + pr,
        "main",
        List.of("erk-pr"),
        "author",
        "MERGEABLE",
        "CLEAN",
        false,
        TIME,
        TIME,
        Map.of());
  }

  /**
   * An open plan on erk's draft-PR backend, labelled {@code erk-pr} and {@code erk-plan}, from
   * {@code plan-<title as slug>} into {@code main}, in no objective.
   */
  public static PlanInfo planInfo(int pr, String title, String body) {
    return planInfo(pr, title, null, body);
  }

  /** {@link #planInfo(int, String, String)} in objective {@code objectiveId} (null for none). */
  public static PlanInfo planInfo(
      int pr, String title, @Nullable Integer objectiveId, String body) {
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return new PlanInfo(
        String.valueOf(pr),
        title,
        "OPEN",
        List.of("erk-pr", "erk-plan"),
        PlanRows.pullUrl(pr),
        objectiveId,
        "github-draft-pr",
        "plan-" + slug.replaceAll("^-|-$", ""),
        "main",
        body,
        Map.of());
  }

  /**
   * Plan-header field {@code field} of PR {@code pr}; {@code value} is plain Java as erk's JSON
   * decodes (string, Integer, Long, Double, Boolean, map, list), or null for an absent field.
   */
  public static PlanHeaderField planHeaderField(int pr, String field, @Nullable Object value) {
    return new PlanHeaderField(pr, field, value);
  }

  /** Summaries from alternating check names and texts: {@code "lint", "E501 …"}. */
  public static CiSummaries ciSummaries(String... nameThenText) {
    if (nameThenText.length % 2 != 0) {
      throw new IllegalArgumentException("give a text for every check name");
    }
    Map<String, String> summaries = new LinkedHashMap<>();
    for (int i = 0; i < nameThenText.length; i += 2) {
      summaries.put(nameThenText[i], nameThenText[i + 1]);
    }
    return new CiSummaries(summaries);
  }

  /** An event at {@code time} with the given metadata. */
  public static PlanLog.Event event(
      String eventType, OffsetDateTime time, Map<String, ?> metadata) {
    return new PlanLog.Event(eventType, time.toString(), time, new LinkedHashMap<>(metadata));
  }

  /** A log of these events. */
  public static PlanLog planLog(PlanLog.Event... events) {
    return new PlanLog(List.of(events));
  }

  /** A node described as "Step ID", without slug, PR or comment. */
  public static RoadmapNode node(String id, String status, String... dependsOn) {
    return new RoadmapNode(
        id, null, "Step " + id, status, null, List.of(dependsOn), null, Map.of());
  }

  /** Phase {@code number}, named "Phase N" as erk sends it. */
  public static RoadmapPhase phase(int number, RoadmapNode... nodes) {
    return new RoadmapPhase(number, "", "Phase " + number, List.of(nodes));
  }

  /** A roadmap whose graph and summary are derived from the phases as erk derives them. */
  public static ObjectiveRoadmap roadmap(int issueNumber, RoadmapPhase... phases) {
    List<RoadmapNode> nodes = new ArrayList<>();
    Arrays.stream(phases).forEach(p -> nodes.addAll(p.nodes()));
    Set<String> finished =
        Set.copyOf(
            nodes.stream()
                .filter(n -> n.status().equals("done") || n.status().equals("skipped"))
                .map(RoadmapNode::id)
                .toList());
    List<String> unblocked =
        nodes.stream()
            .filter(n -> !finished.contains(n.id()))
            .filter(n -> n.dependsOn() == null || finished.containsAll(n.dependsOn()))
            .map(RoadmapNode::id)
            .toList();
    List<String> pendingUnblocked =
        nodes.stream()
            .filter(n -> n.status().equals("pending") && unblocked.contains(n.id()))
            .map(RoadmapNode::id)
            .toList();
    String next = pendingUnblocked.isEmpty() ? null : pendingUnblocked.get(0);
    int planning = count(nodes, "planning");
    int inProgress = count(nodes, "in_progress");
    RoadmapSummary summary =
        new RoadmapSummary(
            nodes.size(),
            count(nodes, "pending"),
            planning,
            count(nodes, "done"),
            inProgress,
            count(nodes, "blocked"),
            count(nodes, "skipped"),
            planning + inProgress,
            Map.of());
    return new ObjectiveRoadmap(
        issueNumber,
        List.of(phases),
        new ObjectiveRoadmap.Graph(
            nodes, unblocked, pendingUnblocked, next, finished.size() == nodes.size()),
        summary,
        Map.of());
  }

  /** A check that passed. */
  public static ObjectiveChecks.Check passedCheck(String description) {
    return new ObjectiveChecks.Check(true, description);
  }

  /** A check that failed. */
  public static ObjectiveChecks.Check failedCheck(String description) {
    return new ObjectiveChecks.Check(false, description);
  }

  /**
   * The checks of {@code roadmap}'s objective as current erk reports them: its phases as rebuilt
   * from the dependency graph ("Phase N" names, no node comments, dependencies always listed), its
   * node counts (without {@code in_flight}, which the check command does not send), whether it is
   * complete, no parser warnings, and as next node the first pending node, else the first planning
   * one, else the first in progress (not the graph's dependency-aware next node).
   */
  public static ObjectiveChecks objectiveChecks(
      ObjectiveRoadmap roadmap, ObjectiveChecks.Check... checks) {
    RoadmapSummary s = roadmap.summary();
    return new ObjectiveChecks(
        roadmap.issueNumber(),
        List.of(checks),
        CheckPhases.of(roadmap.phases()),
        new RoadmapSummary(
            s.totalNodes(),
            s.pending(),
            s.planning(),
            s.done(),
            s.inProgress(),
            s.blocked(),
            s.skipped(),
            null,
            Map.of()),
        nextNode(roadmap.phases()),
        List.of(),
        roadmap.graph().complete(),
        Map.of());
  }

  private static ObjectiveChecks.@Nullable NextNode nextNode(List<RoadmapPhase> phases) {
    for (String status : List.of("pending", "planning", "in_progress")) {
      for (RoadmapPhase phase : phases) {
        for (RoadmapNode node : phase.nodes()) {
          if (node.status().equals(status)) {
            Map<String, @Nullable Object> extras = new LinkedHashMap<>();
            extras.put("slug", Objects.requireNonNullElse(node.slug(), ""));
            extras.put("status", status);
            return new ObjectiveChecks.NextNode(
                node.id(), node.description(), phase.name(), extras);
          }
        }
      }
    }
    return null;
  }

  /** An open plan linked to an objective. */
  public static ObjectivePlans.Plan openPlan(int number, String title) {
    return new ObjectivePlans.Plan(number, "OPEN", title);
  }

  /** A closed (or merged: erk says {@code CLOSED} for both) plan linked to an objective. */
  public static ObjectivePlans.Plan closedPlan(int number, String title) {
    return new ObjectivePlans.Plan(number, "CLOSED", title);
  }

  /** The plans linked to objective {@code objective}, in erk's order. */
  public static ObjectivePlans plansForObjective(int objective, ObjectivePlans.Plan... plans) {
    return new ObjectivePlans(objective, List.of(plans), Map.of());
  }

  /** An open issue labelled {@code erk-objective}, as objectives are. */
  public static IssueBody issueBody(int number, String title, String body) {
    return new IssueBody(
        number, title, body, "OPEN", List.of("erk-objective"), PlanRows.issueUrl(number), Map.of());
  }

  private static int count(List<RoadmapNode> nodes, String status) {
    return (int) nodes.stream().filter(n -> n.status().equals(status)).count();
  }
}
