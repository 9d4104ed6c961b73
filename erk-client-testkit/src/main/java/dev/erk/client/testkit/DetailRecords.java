package dev.erk.client.testkit;

import dev.erk.client.details.CiSummaries;
import dev.erk.client.details.ObjectiveRoadmap;
import dev.erk.client.details.PlanLog;
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
import java.util.Map;
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
 *         DetailRecords.node("1.1", "done"), DetailRecords.node("1.2", "pending", "1.1"))));
 * }</pre>
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
        "PRRT_" + Math.abs((path + line).hashCode()),
        path,
        line,
        false,
        List.of(new ReviewThread.Comment(author, body, TIME, Map.of())),
        Map.of());
  }

  /** The threads of PR {@code pr} (URL and title made up from the number). */
  public static ReviewThreads reviewThreads(int pr, ReviewThread... threads) {
    return new ReviewThreads(
        pr,
        "https://github.com/acme/widgets/pull/" + pr,
        "Plan #" + pr,
        List.of(threads),
        Map.of());
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

  private static int count(List<RoadmapNode> nodes, String status) {
    return (int) nodes.stream().filter(n -> n.status().equals(status)).count();
  }
}
