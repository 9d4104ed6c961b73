package dev.erk.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Row key lists copied from erk's source (docs/erk-generations.md) and sample rows built from them
 * as raw JSON, independently of the codec's writer.
 */
final class ErkJsonFixtures {
  private ErkJsonFixtures() {}

  /** HEAD's 55 keys in emitted order. */
  static final List<String> CURRENT_KEYS =
      keys(
          "pr_number, pr_url, pr_display, "
              + "checks_display, "
              + "checks_passing, checks_counts, ci_summary_comment_id, worktree_name, exists_locally, "
              + "local_impl_display, remote_impl_display, run_id_display, run_state_display, run_url, "
              + "full_title, pr_body, pr_title, pr_state, pr_head_branch, worktree_branch, "
              + "last_local_impl_at, last_remote_impl_at, run_id, run_status, run_conclusion, log_entries, "
              + "resolved_comment_count, total_comment_count, comments_display, learn_status, "
              + "learn_plan_issue, learn_plan_issue_closed, learn_plan_pr, learn_run_url, learn_display, "
              + "learn_display_icon, objective_issue, objective_url, objective_display, "
              + "objective_done_nodes, objective_total_nodes, objective_progress_display, "
              + "objective_slug_display, objective_frontier_display, objective_deps_display, "
              + "objective_deps_plans, objective_next_node_display, updated_at, updated_display, "
              + "created_at, created_display, author, is_learn_plan, lifecycle_display, status_display");

  /** bfa7566 (0.9.0), 56 keys. */
  static final List<String> V0_9_0_KEYS =
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

  /**
   * v0.9.11, 57 keys: the 0.9.0 keys plus ci_summary_comment_id, with the objective_deps_* names.
   */
  static final List<String> V0_9_11_KEYS =
      V0_9_0_KEYS.stream()
          .flatMap(
              key ->
                  key.equals("checks_counts")
                      ? List.of(key, "ci_summary_comment_id").stream()
                      : List.of(key).stream())
          .map(
              key ->
                  key.equals("objective_head_state")
                      ? "objective_deps_display"
                      : key.equals("objective_head_plans") ? "objective_deps_plans" : key)
          .toList();

  /** 0025aec (0.7.x), 38 keys. */
  static final List<String> V0_7_KEYS =
      keys(
          "issue_number, issue_url, title, pr_number, pr_url, "
              + "pr_display, checks_display, worktree_name, exists_locally, local_impl_display, "
              + "remote_impl_display, run_id_display, run_state_display, run_url, full_title, issue_body, "
              + "pr_title, pr_state, pr_head_branch, worktree_branch, last_local_impl_at, "
              + "last_remote_impl_at, run_id, run_status, run_conclusion, log_entries, "
              + "resolved_comment_count, total_comment_count, comments_display, learn_status, "
              + "learn_plan_issue, learn_plan_issue_closed, learn_plan_pr, learn_run_url, learn_display, "
              + "learn_display_icon, objective_issue, objective_display");

  private static final String REPO = "https://github.com/acme/widgets";

  /** A value for every key of every generation. */
  static final Map<String, Object> SAMPLE = sample();

  private static Map<String, Object> sample() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("pr_number", 7911);
    s.put("pr_url", REPO + "/pull/7911");
    s.put("pr_display", "#7911 \ud83d\udc40");
    s.put("checks_display", "\u2705 4/4");
    s.put("checks_passing", true);
    s.put("checks_counts", List.of(4, 4));
    s.put("ci_summary_comment_id", 3000000042L);
    s.put("worktree_name", "erk-slot-02");
    s.put("exists_locally", true);
    s.put("local_impl_display", "2h ago");
    s.put("remote_impl_display", "1d ago");
    s.put("run_id_display", "[cyan]24681357[/cyan]");
    s.put("run_state_display", "[green]\u2705 Success[/green]");
    s.put("run_url", REPO + "/actions/runs/24681357");
    s.put("full_title", "Add retry to uploads");
    s.put("pr_body", "the plan");
    s.put("pr_title", "Add retry to uploads");
    s.put("pr_state", "OPEN");
    s.put("pr_head_branch", "plnd/add-retry-7911");
    s.put("worktree_branch", "plnd/add-retry-7911");
    s.put("last_local_impl_at", "2026-04-10T08:15:30.123456+00:00");
    s.put("last_remote_impl_at", "2026-04-11T09:00:00+00:00");
    s.put("run_id", "24681357");
    s.put("run_status", "completed");
    s.put("run_conclusion", "success");
    s.put("log_entries", List.of());
    s.put("resolved_comment_count", 1);
    s.put("total_comment_count", 2);
    s.put("comments_display", "1/2");
    s.put("learn_status", "pending");
    s.put("learn_plan_issue", 300);
    s.put("learn_plan_issue_closed", false);
    s.put("learn_plan_pr", 301);
    s.put("learn_run_url", REPO + "/actions/runs/777");
    s.put("learn_display", "\u27f3 in progress");
    s.put("learn_display_icon", "\u27f3");
    s.put("objective_issue", 7000);
    s.put("objective_url", REPO + "/issues/7000");
    s.put("objective_display", "#7000");
    s.put("objective_done_nodes", 3);
    s.put("objective_total_nodes", 9);
    s.put("objective_progress_display", "3/9");
    s.put("objective_slug_display", "retry-everything");
    s.put("objective_frontier_display", "\u2713\u2713\u2713\u25b6\u25b6[4x\u25cb]");
    s.put("objective_deps_display", "in progress");
    s.put("objective_deps_plans", List.of(List.of("#7912", REPO + "/pull/7912")));
    s.put("objective_next_node_display", "1.4");
    s.put("updated_at", "2026-04-11T09:05:00+00:00");
    s.put("updated_display", "1h ago");
    s.put("created_at", "2026-04-01T12:00:00+00:00");
    s.put("created_display", "1w ago");
    s.put("author", "alice");
    s.put("is_learn_plan", false);
    s.put("lifecycle_display", "[yellow]impl[/yellow]");
    s.put("status_display", "\ud83d\udc40");
    s.put("plan_id", 7911);
    s.put("plan_url", REPO + "/pull/7911");
    s.put("plan_body", "the plan");
    s.put("objective_state_display", "\u2713\u2713\u2713\u25b6\u25b6\u25cb\u25cb\u25cb\u25cb");
    s.put("objective_head_state", "in-progress");
    s.put("objective_head_plans", List.of(List.of("#7912", REPO + "/pull/7912")));
    s.put("issue_number", 512);
    s.put("issue_url", REPO + "/issues/512");
    s.put("issue_body", "raw issue body");
    s.put("title", "Add retry to uploads");
    return s;
  }

  /** A row with these keys in order and sample values, then {@code changes} (nulls kept). */
  static Map<String, @Nullable Object> row(List<String> keys, @Nullable Object... changes) {
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    for (String key : keys) {
      row.put(key, SAMPLE.get(key));
    }
    for (int i = 0; i < changes.length; i += 2) {
      row.put((String) changes[i], changes[i + 1]);
    }
    return row;
  }

  /** erk's success envelope around these rows, as Jackson writes it. */
  static String envelope(List<Map<String, @Nullable Object>> rows) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("success", true);
    envelope.put("plans", rows);
    envelope.put("count", rows.size());
    try {
      return new ObjectMapper().writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> keys(String list) {
    return List.copyOf(Arrays.asList(list.split(", ", -1)));
  }
}
