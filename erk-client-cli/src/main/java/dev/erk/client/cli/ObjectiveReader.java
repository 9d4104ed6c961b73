package dev.erk.client.cli;

import dev.erk.client.details.ObjectiveChecks;
import dev.erk.client.details.ObjectiveRoadmap;
import dev.erk.client.details.RoadmapNode;
import dev.erk.client.details.RoadmapPhase;
import dev.erk.client.details.RoadmapSummary;
import java.util.Set;

/**
 * Builds objective records from erk's decoded JSON. Reads every generation's keys: 0.7.x {@code
 * steps}/{@code next_step}/{@code total_steps}, v0.9.11's node {@code reason} (current erk's {@code
 * comment}); see docs/dashboard-details.md.
 */
final class ObjectiveReader {
  private ObjectiveReader() {}

  static ObjectiveRoadmap roadmap(JsonFields json) {
    JsonFields graph = json.object("graph");
    return new ObjectiveRoadmap(
        json.integer("issue_number"),
        json.objects("phases", ObjectiveReader::phase),
        new ObjectiveRoadmap.Graph(
            graph.objects("nodes", ObjectiveReader::node),
            graph.strings("unblocked"),
            graph.strings("pending_unblocked"),
            graph.nullableString("next_node"),
            graph.bool("is_complete")),
        summary(json.object("summary")),
        json.extras(Set.of("success", "issue_number", "phases", "graph", "summary")));
  }

  static ObjectiveChecks checks(JsonFields json) {
    String nextKey = json.has("next_node") ? "next_node" : "next_step";
    ObjectiveChecks.NextNode next =
        json.raw(nextKey) == null ? null : nextNode(json.object(nextKey));
    return new ObjectiveChecks(
        json.integer("issue_number"),
        json.objects(
            "checks", c -> new ObjectiveChecks.Check(c.bool("passed"), c.string("description"))),
        json.objects("phases", ObjectiveReader::phase),
        summary(json.object("summary")),
        next,
        json.strings("validation_errors"),
        json.nullableBool("all_complete"),
        json.extras(
            Set.of(
                "success",
                "issue_number",
                "checks",
                "phases",
                "summary",
                "next_node",
                "next_step",
                "validation_errors",
                "all_complete")));
  }

  private static ObjectiveChecks.NextNode nextNode(JsonFields json) {
    return new ObjectiveChecks.NextNode(
        json.text("id"),
        json.string("description"),
        json.string("phase"),
        json.extras(Set.of("id", "description", "phase")));
  }

  private static RoadmapPhase phase(JsonFields json) {
    return new RoadmapPhase(
        json.integer("number"),
        json.string("suffix"),
        json.string("name"),
        json.objects(json.has("nodes") ? "nodes" : "steps", ObjectiveReader::node));
  }

  private static RoadmapNode node(JsonFields json) {
    String comment =
        json.has("comment") ? json.nullableString("comment") : json.nullableString("reason");
    return new RoadmapNode(
        json.text("id"),
        json.nullableString("slug"),
        json.string("description"),
        json.string("status"),
        json.nullableString("pr"),
        json.nullableStrings("depends_on"),
        comment,
        json.extras(
            Set.of(
                "id", "slug", "description", "status", "pr", "depends_on", "comment", "reason")));
  }

  private static RoadmapSummary summary(JsonFields json) {
    int total = json.has("total_nodes") ? json.integer("total_nodes") : json.integer("total_steps");
    return new RoadmapSummary(
        total,
        json.integer("pending"),
        json.has("planning") ? json.integer("planning") : 0,
        json.integer("done"),
        json.integer("in_progress"),
        json.integer("blocked"),
        json.integer("skipped"),
        json.nullableInteger("in_flight"),
        json.extras(
            Set.of(
                "total_nodes",
                "total_steps",
                "pending",
                "planning",
                "done",
                "in_progress",
                "blocked",
                "skipped",
                "in_flight")));
  }
}
