package dev.erk.client.details;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An objective's roadmap: {@code erk json objective view} on current erk, {@code erk objective view
 * N --json-output} on 0.8–0.9.11.
 *
 * @param issueNumber the objective
 * @param phases the phases with their nodes
 * @param graph the dependency graph
 * @param summary node counts
 * @param extras keys erk sent that this version does not know
 */
public record ObjectiveRoadmap(
    int issueNumber,
    List<RoadmapPhase> phases,
    Graph graph,
    RoadmapSummary summary,
    Map<String, @Nullable Object> extras) {

  /** Copies. */
  public ObjectiveRoadmap {
    phases = Values.list(phases);
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(summary, "summary");
    extras = Values.map(extras);
  }

  /**
   * The roadmap as a dependency graph.
   *
   * @param nodes every node, without phases (their {@code comment} is null)
   * @param unblocked ids of nodes whose dependencies are done
   * @param pendingUnblocked ids of pending nodes whose dependencies are done
   * @param nextNode the id of the node to work on next, or null when there is none
   * @param complete whether every node is done or skipped
   */
  public record Graph(
      List<RoadmapNode> nodes,
      List<String> unblocked,
      List<String> pendingUnblocked,
      @Nullable String nextNode,
      boolean complete) {

    /** Copies. */
    public Graph {
      nodes = Values.list(nodes);
      unblocked = Values.list(unblocked);
      pendingUnblocked = Values.list(pendingUnblocked);
    }
  }
}
