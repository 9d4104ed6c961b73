package dev.erk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ErkGeneration#detect} on the full dash-data row key list of each schema
 * (docs/erk-generations.md).
 */
class GenerationDetectTest {
  /** HEAD 2656c0e1a, {@code PrRowData} via {@code serialize_pr_row} (docs/erk-generations.md). */
  static final List<String> CURRENT_KEYS =
      keys(
          "pr_number pr_url pr_display checks_display "
              + "checks_passing checks_counts ci_summary_comment_id worktree_name exists_locally "
              + "local_impl_display remote_impl_display run_id_display run_state_display run_url "
              + "full_title pr_body pr_title pr_state pr_head_branch worktree_branch last_local_impl_at "
              + "last_remote_impl_at run_id run_status run_conclusion log_entries resolved_comment_count "
              + "total_comment_count comments_display learn_status learn_plan_issue "
              + "learn_plan_issue_closed learn_plan_pr learn_run_url learn_display learn_display_icon "
              + "objective_issue objective_url objective_display objective_done_nodes "
              + "objective_total_nodes objective_progress_display objective_slug_display "
              + "objective_frontier_display objective_deps_display objective_deps_plans "
              + "objective_next_node_display updated_at updated_display created_at created_display "
              + "author is_learn_plan lifecycle_display status_display");

  /** v0.9.11 release (64194aa10), {@code PlanRowData} (docs/erk-generations.md). */
  static final List<String> V0_9_11_KEYS =
      keys(
          "plan_id plan_url pr_number pr_url pr_display "
              + "checks_display checks_passing checks_counts ci_summary_comment_id worktree_name "
              + "exists_locally local_impl_display remote_impl_display run_id_display run_state_display "
              + "run_url full_title plan_body pr_title pr_state pr_head_branch worktree_branch "
              + "last_local_impl_at last_remote_impl_at run_id run_status run_conclusion log_entries "
              + "resolved_comment_count total_comment_count comments_display learn_status "
              + "learn_plan_issue learn_plan_issue_closed learn_plan_pr learn_run_url learn_display "
              + "learn_display_icon objective_issue objective_url objective_display "
              + "objective_done_nodes objective_total_nodes objective_progress_display "
              + "objective_slug_display objective_state_display objective_deps_display "
              + "objective_deps_plans objective_next_node_display updated_at updated_display created_at "
              + "created_display author is_learn_plan lifecycle_display status_display");

  /** bfa7566 (0.9.0), {@code PlanRowData} (docs/erk-generations.md). */
  static final List<String> V0_9_0_KEYS =
      keys(
          "plan_id plan_url pr_number pr_url pr_display "
              + "checks_display checks_passing checks_counts worktree_name exists_locally "
              + "local_impl_display remote_impl_display run_id_display run_state_display run_url "
              + "full_title plan_body pr_title pr_state pr_head_branch worktree_branch "
              + "last_local_impl_at last_remote_impl_at run_id run_status run_conclusion log_entries "
              + "resolved_comment_count total_comment_count comments_display learn_status "
              + "learn_plan_issue learn_plan_issue_closed learn_plan_pr learn_run_url learn_display "
              + "learn_display_icon objective_issue objective_url objective_display "
              + "objective_done_nodes objective_total_nodes objective_progress_display "
              + "objective_slug_display objective_state_display objective_head_state "
              + "objective_head_plans objective_next_node_display updated_at updated_display created_at "
              + "created_display author is_learn_plan lifecycle_display status_display");

  /** 0025aec (0.7.2), issue-backed {@code PlanRowData} (docs/erk-generations.md). */
  static final List<String> V0_7_KEYS =
      keys(
          "issue_number issue_url title pr_number pr_url "
              + "pr_display checks_display worktree_name exists_locally local_impl_display "
              + "remote_impl_display run_id_display run_state_display run_url full_title issue_body "
              + "pr_title pr_state pr_head_branch worktree_branch last_local_impl_at last_remote_impl_at "
              + "run_id run_status run_conclusion log_entries resolved_comment_count total_comment_count "
              + "comments_display learn_status learn_plan_issue learn_plan_issue_closed learn_plan_pr "
              + "learn_run_url learn_display learn_display_icon objective_issue objective_display");

  static List<String> keys(String spaced) {
    return List.of(spaced.split(" "));
  }

  static Stream<Arguments> schemas() {
    return Stream.of(
        Arguments.of(ErkGeneration.CURRENT, CURRENT_KEYS),
        Arguments.of(ErkGeneration.V0_9_11, V0_9_11_KEYS),
        Arguments.of(ErkGeneration.V0_9_0, V0_9_0_KEYS),
        Arguments.of(ErkGeneration.V0_7, V0_7_KEYS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void detectsEachSchemaFromItsFullKeyList(ErkGeneration generation, List<String> keys) {
    assertEquals(generation.rowKeyCount(), keys.size(), "key count");
    assertEquals(keys.size(), Set.copyOf(keys).size(), "no duplicate keys");
    assertEquals(Optional.of(generation), ErkGeneration.detect(keys));
    assertEquals(Optional.of(generation), ErkGeneration.detect(Set.copyOf(keys)));
    List<String> reversed = new ArrayList<>(keys);
    Collections.reverse(reversed);
    assertEquals(Optional.of(generation), ErkGeneration.detect(reversed), "order does not matter");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void markerKeysAloneDecide(ErkGeneration generation, List<String> keys) {
    List<String> markers =
        switch (generation) {
          case CURRENT -> List.of("pr_body");
          case V0_9_11 -> List.of("plan_id", "objective_deps_plans");
          case V0_9_0 -> List.of("plan_id", "objective_head_plans");
          case V0_7 -> List.of("issue_number");
        };
    assertEquals(Optional.of(generation), ErkGeneration.detect(markers));
    for (String marker : markers) {
      assertEquals(true, keys.contains(marker), marker);
    }
  }

  @Test
  void keysOfNoSchemaDetectNothing() {
    assertEquals(Optional.empty(), ErkGeneration.detect(List.of()));
    assertEquals(Optional.empty(), ErkGeneration.detect(List.of("pr_number", "pr_url", "title")));
  }
}
