package dev.erk.client.testkit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The row key lists of older erk generations, copied from erk's source (docs/erk-generations.md).
 */
final class ErkKeyLists {
  private ErkKeyLists() {}

  /** bfa7566 (0.9.0), 56 keys. */
  static final List<String> V0_9_0 =
      keys(
          "plan_id, plan_url, pr_number, pr_url, pr_display, "
              + "checks_display, checks_passing, checks_counts, worktree_name, exists_locally, "
              + "local_impl_display, remote_impl_display, run_id_display, run_state_display, run_url, "
              + "full_title, plan_body, pr_title, pr_state, pr_head_branch, worktree_branch, "
              + "last_local_impl_at, last_remote_impl_at, run_id, run_status, run_conclusion, log_entries, "
              + "resolved_comment_count, total_comment_count, comments_display, learn_status, "
              + "learn_plan_issue, learn_plan_issue_closed, learn_plan_pr, learn_run_url, learn_display, "
              + "learn_display_icon, objective_issue, objective_url, objective_display, "
              + "objective_done_nodes, objective_total_nodes, objective_progress_display, "
              + "objective_slug_display, objective_state_display, objective_head_state, "
              + "objective_head_plans, objective_next_node_display, updated_at, updated_display, "
              + "created_at, created_display, author, is_learn_plan, lifecycle_display, status_display");

  /** v0.9.11, 57 keys. */
  static final List<String> V0_9_11 =
      V0_9_0.stream()
          .flatMap(
              k ->
                  k.equals("checks_counts")
                      ? List.of(k, "ci_summary_comment_id").stream()
                      : List.of(k).stream())
          .map(
              k ->
                  k.equals("objective_head_state")
                      ? "objective_deps_display"
                      : k.equals("objective_head_plans") ? "objective_deps_plans" : k)
          .toList();

  /** 0025aec (0.7.x), 38 keys. */
  static final List<String> V0_7 =
      keys(
          "issue_number, issue_url, title, pr_number, pr_url, "
              + "pr_display, checks_display, worktree_name, exists_locally, local_impl_display, "
              + "remote_impl_display, run_id_display, run_state_display, run_url, full_title, issue_body, "
              + "pr_title, pr_state, pr_head_branch, worktree_branch, last_local_impl_at, "
              + "last_remote_impl_at, run_id, run_status, run_conclusion, log_entries, "
              + "resolved_comment_count, total_comment_count, comments_display, learn_status, "
              + "learn_plan_issue, learn_plan_issue_closed, learn_plan_pr, learn_run_url, learn_display, "
              + "learn_display_icon, objective_issue, objective_display");

  /**
   * Variant 0: an enriched plan (#8001; for 0.7.x issue #512 linked to PR #7911). Variant 1: a plan
   * erk could not enrich (#8002, pr_number null; for 0.7.x issue #513 without a linked PR).
   */
  static Map<String, @Nullable Object> row(List<String> keys, int variant) {
    boolean enriched = variant == 0;
    int plan = enriched ? 8001 : 8002;
    Map<String, @Nullable Object> v = new HashMap<>();
    String p = PlanRows.REPOSITORY_URL;
    v.put("plan_id", plan);
    v.put("plan_url", p + "/pull/" + plan);
    v.put("issue_number", enriched ? 512 : 513);
    v.put("issue_url", p + "/issues/" + (enriched ? 512 : 513));
    v.put(
        "title",
        enriched ? "Add retry to uploads" : "A title longer than fifty characters, so c...");
    Integer pr = keys == V0_7 ? (enriched ? 7911 : null) : (enriched ? plan : null);
    v.put("pr_number", pr);
    v.put("pr_url", pr == null ? null : p + "/pull/" + pr);
    v.put("pr_display", pr == null ? "-" : "#" + pr + " \uD83D\uDC40");
    v.put("checks_display", enriched ? "\u2705 4/4" : "-");
    v.put("checks_passing", enriched ? Boolean.TRUE : null);
    v.put("checks_counts", enriched ? List.of(4, 4) : null);
    v.put("ci_summary_comment_id", null);
    v.put("worktree_name", "");
    v.put("exists_locally", false);
    for (String k :
        List.of(
            "local_impl_display",
            "remote_impl_display",
            "run_id_display",
            "run_state_display",
            "objective_display",
            "objective_progress_display",
            "objective_slug_display",
            "objective_state_display",
            "objective_head_state",
            "objective_deps_display",
            "objective_next_node_display",
            "learn_display_icon",
            "status_display")) {
      v.put(k, "-");
    }
    v.put(
        "full_title",
        enriched ? "Add retry to uploads" : "A title longer than fifty characters, so cut");
    v.put("plan_body", "the plan");
    v.put("issue_body", "raw issue body");
    v.put("pr_title", pr == null ? null : "Add retry to uploads");
    v.put("pr_state", pr == null ? null : "OPEN");
    v.put("pr_head_branch", pr == null ? null : "plnd/add-retry-" + pr);
    v.put("comments_display", pr == null ? "-" : "1/2");
    v.put("resolved_comment_count", pr == null ? 0 : 1);
    v.put("total_comment_count", pr == null ? 0 : 2);
    v.put("log_entries", List.of());
    v.put("learn_display", "- not started");
    v.put("objective_issue", enriched ? 7000 : null);
    v.put("objective_url", enriched ? p + "/issues/7000" : null);
    if (enriched) {
      v.put("objective_display", "#7000");
    }
    v.put("objective_done_nodes", 0);
    v.put("objective_total_nodes", 0);
    List<Object> deps = enriched ? List.of(List.of("#7912", p + "/pull/7912")) : List.of();
    v.put("objective_head_plans", deps);
    v.put("objective_deps_plans", deps);
    v.put("updated_at", "2026-04-11T09:05:00+00:00");
    v.put("updated_display", "1h ago");
    v.put("created_at", "2026-04-01T12:00:00+00:00");
    v.put("created_display", "1w ago");
    v.put("author", "alice");
    v.put("is_learn_plan", false);
    v.put("lifecycle_display", enriched ? "[yellow]impl[/yellow]" : "-");
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    for (String key : keys) {
      row.put(key, v.get(key)); // keys not set above are null
    }
    return row;
  }

  private static List<String> keys(String list) {
    return List.copyOf(Arrays.asList(list.split(", ", -1)));
  }
}
