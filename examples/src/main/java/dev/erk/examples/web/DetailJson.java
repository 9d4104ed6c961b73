package dev.erk.examples.web;

import dev.erk.client.details.CiSummaries;
import dev.erk.client.details.ObjectiveRoadmap;
import dev.erk.client.details.PlanLog;
import dev.erk.client.details.ReviewThread;
import dev.erk.client.details.ReviewThreads;
import dev.erk.client.details.RoadmapNode;
import dev.erk.client.details.RoadmapPhase;
import dev.erk.client.details.RoadmapSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The detail records as the page's panel shows them: plain strings, numbers and lists, nothing the
 * page would have to interpret. The page puts every string into the document as text.
 */
final class DetailJson {
  private DetailJson() {}

  static Object reviewThreads(ReviewThreads answer) {
    List<Map<String, Object>> threads = new ArrayList<>();
    for (ReviewThread thread : answer.threads()) {
      List<Map<String, Object>> comments = new ArrayList<>();
      for (ReviewThread.Comment comment : thread.comments()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("author", comment.author());
        json.put("body", comment.body());
        json.put("createdAt", comment.createdAt() == null ? "" : comment.createdAt().toString());
        comments.add(json);
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("location", thread.location());
      json.put("outdated", thread.outdated());
      json.put("comments", comments);
      threads.add(json);
    }
    return Map.of("threads", threads);
  }

  static Object ciSummaries(CiSummaries answer) {
    List<Map<String, Object>> checks = new ArrayList<>();
    answer
        .summaries()
        .forEach((name, summary) -> checks.add(Map.of("name", name, "text", summary)));
    return Map.of("checks", checks);
  }

  static Object planLog(PlanLog answer) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (PlanLog.Event event : answer.events()) {
      String metadata =
          event.metadata().entrySet().stream()
              .map(entry -> entry.getKey() + ": " + entry.getValue())
              .collect(Collectors.joining(", "));
      events.add(
          Map.of("timestamp", event.timestamp(), "type", event.eventType(), "metadata", metadata));
    }
    return Map.of("events", events);
  }

  static Object roadmap(ObjectiveRoadmap roadmap) {
    RoadmapSummary s = roadmap.summary();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("done", s.done());
    summary.put("total", s.totalNodes());
    summary.put("inFlight", s.planning() + s.inProgress());
    summary.put("blocked", s.blocked());
    summary.put("skipped", s.skipped());
    List<Map<String, Object>> phases = new ArrayList<>();
    for (RoadmapPhase phase : roadmap.phases()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("label", phase.label());
      json.put("name", phase.name());
      json.put("nodes", phase.nodes().stream().map(DetailJson::node).toList());
      phases.add(json);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("issueNumber", roadmap.issueNumber());
    json.put("summary", summary);
    String next = roadmap.graph().nextNode();
    json.put("nextNode", next == null ? "" : next);
    json.put("complete", roadmap.graph().complete());
    json.put("phases", phases);
    return json;
  }

  private static Map<String, Object> node(RoadmapNode node) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", node.id());
    json.put("description", node.description());
    json.put("status", node.status());
    json.put("pr", node.pr() == null ? "" : node.pr());
    json.put("dependsOn", node.dependsOn() == null ? List.of() : node.dependsOn());
    json.put("comment", node.comment() == null ? "" : node.comment());
    return json;
  }
}
