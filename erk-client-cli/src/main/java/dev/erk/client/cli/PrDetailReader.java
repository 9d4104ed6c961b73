package dev.erk.client.cli;

import dev.erk.client.details.CiSummaries;
import dev.erk.client.details.DiscussionComment;
import dev.erk.client.details.DiscussionComments;
import dev.erk.client.details.IssueBody;
import dev.erk.client.details.ObjectivePlans;
import dev.erk.client.details.PlanHeaderField;
import dev.erk.client.details.PlanInfo;
import dev.erk.client.details.PlanLog;
import dev.erk.client.details.PrFeedback;
import dev.erk.client.details.PullRequestView;
import dev.erk.client.details.ReviewThread;
import dev.erk.client.details.ReviewThreads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds the plan and PR detail records from erk's decoded JSON. The keys, and which generation
 * sends which, are in docs/dashboard-details.md.
 */
final class PrDetailReader {
  private PrDetailReader() {}

  static ReviewThreads reviewThreads(JsonFields json) {
    return new ReviewThreads(
        json.integer("pr_number"),
        json.string("pr_url"),
        json.string("pr_title"),
        json.objects("threads", PrDetailReader::thread),
        json.extras(Set.of("success", "pr_number", "pr_url", "pr_title", "threads")));
  }

  static PrFeedback feedback(JsonFields json) {
    List<PrFeedback.Review> reviews =
        json.has("reviews") ? json.objects("reviews", PrDetailReader::review) : null;
    return new PrFeedback(
        json.integer("pr_number"),
        json.string("pr_url"),
        json.string("pr_title"),
        reviews,
        json.objects("review_threads", PrDetailReader::thread),
        json.objects("discussion_comments", PrDetailReader::comment),
        json.extras(
            Set.of(
                "success",
                "pr_number",
                "pr_url",
                "pr_title",
                "reviews",
                "review_threads",
                "discussion_comments")));
  }

  static DiscussionComments discussion(JsonFields json) {
    return new DiscussionComments(
        json.integer("pr_number"),
        json.string("pr_url"),
        json.string("pr_title"),
        json.objects("comments", PrDetailReader::comment),
        json.extras(Set.of("success", "pr_number", "pr_url", "pr_title", "comments")));
  }

  static PullRequestView pullRequest(JsonFields json) {
    return new PullRequestView(
        json.integer("number"),
        json.string("title"),
        json.string("url"),
        json.string("body"),
        json.string("state"),
        json.bool("is_draft"),
        json.string("head_ref_name"),
        json.string("base_ref_name"),
        json.strings("labels"),
        json.string("author"),
        json.string("mergeable"),
        json.string("merge_state_status"),
        json.bool("is_cross_repository"),
        json.requiredTime("created_at"),
        json.requiredTime("updated_at"),
        json.extras(
            Set.of(
                "success",
                "number",
                "title",
                "url",
                "body",
                "state",
                "is_draft",
                "head_ref_name",
                "base_ref_name",
                "labels",
                "author",
                "mergeable",
                "merge_state_status",
                "is_cross_repository",
                "created_at",
                "updated_at")));
  }

  static PlanInfo planInfo(JsonFields json) {
    String number = json.has("pr_number") ? json.text("pr_number") : json.text("plan_id");
    return new PlanInfo(
        number,
        json.string("title"),
        json.string("state"),
        json.strings("labels"),
        json.string("url"),
        json.nullableInteger("objective_id"),
        json.string("backend"),
        json.nullableString("head_ref_name"),
        json.nullableString("base_ref_name"),
        json.nullableString("body"),
        json.extras(
            Set.of(
                "success",
                "pr_number",
                "plan_id",
                "title",
                "state",
                "labels",
                "url",
                "objective_id",
                "backend",
                "head_ref_name",
                "base_ref_name",
                "body")));
  }

  static PlanHeaderField planHeaderField(JsonFields json) {
    String numberKey =
        json.has("pr_number")
            ? "pr_number"
            : json.has("plan_number") ? "plan_number" : "issue_number";
    return new PlanHeaderField(json.integer(numberKey), json.string("field"), json.raw("value"));
  }

  static CiSummaries ciSummaries(JsonFields json) {
    Map<String, String> summaries = new LinkedHashMap<>();
    for (String name : json.extras(Set.of()).keySet()) {
      summaries.put(name, json.string(name));
    }
    return new CiSummaries(summaries);
  }

  static PlanLog planLog(List<@Nullable Object> events) {
    List<PlanLog.Event> result = new java.util.ArrayList<>();
    int index = 0;
    for (Object value : events) {
      JsonFields event = JsonFields.of(value, "events[" + index++ + "]");
      String timestamp = event.text("timestamp");
      result.add(
          new PlanLog.Event(
              event.string("event_type"),
              timestamp,
              JsonFields.parseTime(timestamp),
              event.has("metadata") ? event.object("metadata").extras(Set.of()) : Map.of()));
    }
    return new PlanLog(result);
  }

  static IssueBody issueBody(JsonFields json) {
    return new IssueBody(
        json.integer("issue_number"),
        json.string("title"),
        json.string("body"),
        json.string("state"),
        json.strings("labels"),
        json.string("url"),
        json.extras(Set.of("success", "issue_number", "title", "body", "state", "labels", "url")));
  }

  static ObjectivePlans plansForObjective(JsonFields json) {
    String key = json.has("prs") ? "prs" : "plans";
    return new ObjectivePlans(
        json.integer("objective_number"),
        json.objects(
            key,
            plan ->
                new ObjectivePlans.Plan(
                    plan.integer("number"), plan.string("state"), plan.string("title"))),
        json.extras(Set.of("success", "objective_number", "prs", "plans")));
  }

  private static ReviewThread thread(JsonFields json) {
    return new ReviewThread(
        json.string("id"),
        json.string("path"),
        json.nullableInteger("line"),
        json.bool("is_outdated"),
        json.objects(
            "comments",
            c ->
                new ReviewThread.Comment(
                    c.string("author"),
                    c.string("body"),
                    c.time("created_at"),
                    c.extras(Set.of("author", "body", "created_at")))),
        json.extras(Set.of("id", "path", "line", "is_outdated", "comments")));
  }

  private static PrFeedback.Review review(JsonFields json) {
    return new PrFeedback.Review(
        json.text("id"),
        json.string("author"),
        json.string("body"),
        json.string("state"),
        json.time("submitted_at"),
        json.extras(Set.of("id", "author", "body", "state", "submitted_at")));
  }

  private static DiscussionComment comment(JsonFields json) {
    return new DiscussionComment(
        json.longInteger("id"),
        json.string("author"),
        json.string("body"),
        json.string("url"),
        json.extras(Set.of("id", "author", "body", "url")));
  }
}
