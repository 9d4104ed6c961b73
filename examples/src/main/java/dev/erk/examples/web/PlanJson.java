package dev.erk.examples.web;

import dev.erk.client.PlanRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A plan row as the page's table shows it: the columns of erk's dashboard (PR, title, lifecycle,
 * checks, comments, run, worktree, updated) as plain text without Rich markup, and the actions the
 * row offers, and what its detail panel shows: an objective row (listed with the {@code
 * erk-objective} label) its own roadmap, a plan row its details and, when it belongs to an
 * objective, that objective's roadmap on request. The page puts every value into the document as
 * text, never as markup.
 */
final class PlanJson {
  private PlanJson() {}

  /** The label that lists objective rows instead of plans. */
  static final String OBJECTIVE_LABEL = "erk-objective";

  static Map<String, Object> of(PlanRow row, boolean objectiveRow) {
    PlanRow plain = row.plain();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("prNumber", row.prNumber());
    json.put("pr", "-".equals(plain.prDisplay()) ? "#" + row.prNumber() : plain.prDisplay());
    json.put("url", webLink(row.prUrl()));
    json.put("title", oneLine(plain.fullTitle()));
    json.put("lifecycle", plain.lifecycleDisplay());
    json.put("checks", plain.checksDisplay());
    json.put("comments", plain.commentsDisplay());
    json.put("run", run(plain));
    json.put("worktree", plain.worktreeName().isEmpty() ? "-" : plain.worktreeName());
    json.put("updated", plain.updatedDisplay());
    json.put("objectiveRow", objectiveRow);
    Integer objective = objectiveRow ? Integer.valueOf(row.prNumber()) : row.objectiveIssue();
    json.put("objective", objective);
    List<Map<String, Object>> actions =
        ErkActions.available(row, objectiveRow).stream().map(PlanJson::choice).toList();
    json.put("actions", actions);
    return json;
  }

  private static Map<String, Object> choice(ErkActions.Choice choice) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", choice.id());
    json.put("title", choice.title());
    json.put("display", choice.display());
    json.put("streaming", choice.streaming());
    json.put("destructive", choice.destructive());
    json.put("input", choice.input() == null ? "" : choice.input());
    return json;
  }

  /** The run column: id and state, e.g. {@code 24681357 ❌ Failure}, or {@code -}. */
  private static String run(PlanRow plain) {
    String id = plain.runIdDisplay();
    String state = plain.runStateDisplay();
    if ("-".equals(state)) {
      return id;
    }
    return "-".equals(id) ? state : id + " " + state;
  }

  /** Only web links become links; anything else (a {@code javascript:} URL) is dropped. */
  private static String webLink(@Nullable String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : "";
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
