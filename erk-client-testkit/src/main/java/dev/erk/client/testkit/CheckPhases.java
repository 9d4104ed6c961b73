package dev.erk.client.testkit;

import dev.erk.client.details.RoadmapNode;
import dev.erk.client.details.RoadmapPhase;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A roadmap's phases as erk's objective check prints them: rebuilt from its dependency graph, so
 * phases carry the "Phase N" placeholder names, nodes lose their comment, and every node lists its
 * dependencies (as declared when any node declares some, else the node before it). See
 * docs/dashboard-details.md.
 */
final class CheckPhases {
  private CheckPhases() {}

  static List<RoadmapPhase> of(List<RoadmapPhase> phases) {
    boolean explicit =
        phases.stream().flatMap(p -> p.nodes().stream()).anyMatch(n -> n.dependsOn() != null);
    List<RoadmapPhase> result = new ArrayList<>();
    @Nullable String previous = null;
    for (RoadmapPhase phase : phases) {
      List<RoadmapNode> nodes = new ArrayList<>();
      for (RoadmapNode n : phase.nodes()) {
        List<String> declared = n.dependsOn();
        List<String> dependsOn =
            explicit
                ? (declared == null ? List.of() : declared)
                : (previous == null ? List.of() : List.of(previous));
        nodes.add(
            new RoadmapNode(
                n.id(),
                n.slug(),
                n.description(),
                n.status(),
                n.pr(),
                dependsOn,
                null,
                n.extras()));
        previous = n.id();
      }
      result.add(
          new RoadmapPhase(
              phase.number(), phase.suffix(), "Phase " + phase.number() + phase.suffix(), nodes));
    }
    return List.copyOf(result);
  }
}
