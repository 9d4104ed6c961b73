package dev.erk.examples;

import dev.erk.client.ErkClient;
import dev.erk.client.details.DetailQuery;
import dev.erk.client.details.ObjectiveRoadmap;
import dev.erk.client.details.RoadmapNode;
import dev.erk.client.details.RoadmapPhase;
import dev.erk.client.details.RoadmapSummary;
import java.io.PrintStream;
import java.util.List;

/** {@code Dashboard --objective N}: an objective's roadmap as a tree of phases and nodes. */
final class ObjectiveTree {
  private ObjectiveTree() {}

  static void print(ErkClient erk, int number, PrintStream out) {
    ObjectiveRoadmap roadmap = erk.fetch(DetailQuery.objective(number));
    RoadmapSummary s = roadmap.summary();
    String next = roadmap.graph().nextNode();
    out.println(
        "Objective #"
            + roadmap.issueNumber()
            + "  "
            + s.done()
            + "/"
            + s.totalNodes()
            + " done, "
            + (s.planning() + s.inProgress())
            + " in flight"
            + (next == null ? "" : ", next: " + next)
            + (roadmap.graph().complete() ? ", complete" : ""));
    List<RoadmapPhase> phases = roadmap.phases();
    for (int i = 0; i < phases.size(); i++) {
      boolean lastPhase = i == phases.size() - 1;
      RoadmapPhase phase = phases.get(i);
      out.println((lastPhase ? "└─ " : "├─ ") + phase.name());
      String indent = lastPhase ? "   " : "│  ";
      for (int j = 0; j < phase.nodes().size(); j++) {
        boolean lastNode = j == phase.nodes().size() - 1;
        out.println(indent + (lastNode ? "└─ " : "├─ ") + describe(phase.nodes().get(j)));
      }
    }
  }

  private static String describe(RoadmapNode node) {
    StringBuilder line =
        new StringBuilder()
            .append('[')
            .append(node.status())
            .append("] ")
            .append(node.id())
            .append(' ')
            .append(Failures.oneLine(node.description()));
    if (node.pr() != null) {
      line.append(" (").append(node.pr()).append(')');
    }
    if (node.dependsOn() != null && !node.dependsOn().isEmpty()) {
      line.append(" after ").append(String.join(", ", node.dependsOn()));
    }
    if (node.comment() != null) {
      line.append(" - ").append(Failures.oneLine(node.comment()));
    }
    return line.toString();
  }
}
