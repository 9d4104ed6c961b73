package dev.erk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanRowTest {
  /** The 55 keys of erk's current row schema, in emitted order (docs/erk-generations.md). */
  static final List<String> CURRENT_KEYS =
      List.of(
          "pr_number",
          "pr_url",
          "pr_display",
          "checks_display",
          "checks_passing",
          "checks_counts",
          "ci_summary_comment_id",
          "worktree_name",
          "exists_locally",
          "local_impl_display",
          "remote_impl_display",
          "run_id_display",
          "run_state_display",
          "run_url",
          "full_title",
          "pr_body",
          "pr_title",
          "pr_state",
          "pr_head_branch",
          "worktree_branch",
          "last_local_impl_at",
          "last_remote_impl_at",
          "run_id",
          "run_status",
          "run_conclusion",
          "log_entries",
          "resolved_comment_count",
          "total_comment_count",
          "comments_display",
          "learn_status",
          "learn_plan_issue",
          "learn_plan_issue_closed",
          "learn_plan_pr",
          "learn_run_url",
          "learn_display",
          "learn_display_icon",
          "objective_issue",
          "objective_url",
          "objective_display",
          "objective_done_nodes",
          "objective_total_nodes",
          "objective_progress_display",
          "objective_slug_display",
          "objective_frontier_display",
          "objective_deps_display",
          "objective_deps_plans",
          "objective_next_node_display",
          "updated_at",
          "updated_display",
          "created_at",
          "created_display",
          "author",
          "is_learn_plan",
          "lifecycle_display",
          "status_display");

  @Test
  void hasOneComponentPerKeyOfTheCurrentSchemaInErksOrderThenExtras() {
    List<String> expected =
        CURRENT_KEYS.stream().map(PlanRowTest::lowerCamel).collect(Collectors.toList());
    List<String> components =
        Arrays.stream(PlanRow.class.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toList());
    assertEquals(55, CURRENT_KEYS.size());
    assertEquals(expected, components.subList(0, 55));
    assertEquals(List.of("extras"), components.subList(55, components.size()));
  }

  @Test
  void plainRemovesRichMarkupFromDisplayFieldsOnly() {
    PlanRow row =
        TestRows.with(
            TestRows.openPlan(),
            "runIdDisplay",
            "[cyan][link=https://github.com/a/b/actions/runs/9]9[/link][/cyan]",
            "runStateDisplay",
            "[red]\u274C Failure[/red]",
            "fullTitle",
            "[erk-pr] Add retry");
    PlanRow plain = row.plain();
    assertEquals("impl", plain.lifecycleDisplay());
    assertEquals("9", plain.runIdDisplay());
    assertEquals("\u274C Failure", plain.runStateDisplay());
    assertEquals("[erk-pr] Add retry", plain.fullTitle());
  }

  @Test
  void aPlanSinceErk09IsItsOwnLinkedPrAndA07PlanMayHaveNone() {
    PlanRow current = TestRows.openPlan();
    assertEquals(42, current.linkedPrNumber());
    PlanRow legacy = TestRows.with(current, "extras", Map.of(PlanRow.LINKED_PR_NUMBER, 77));
    assertEquals(77, legacy.linkedPrNumber());
    PlanRow unlinked =
        TestRows.with(
            current,
            "extras",
            new java.util.HashMap<>(
                java.util.Collections.singletonMap(PlanRow.LINKED_PR_NUMBER, null)));
    assertNull(unlinked.linkedPrNumber());
  }

  @Test
  void refusesNullForNonNullableComponents() {
    Throwable error =
        assertThrows(
            AssertionError.class, () -> TestRows.with(TestRows.openPlan(), "author", null));
    assertEquals(NullPointerException.class, rootCause(error).getClass());
  }

  @Test
  void checkCountsMustBeConsistent() {
    assertThrows(IllegalArgumentException.class, () -> new CheckCounts(5, 4));
    assertThrows(IllegalArgumentException.class, () -> new CheckCounts(-1, 4));
    assertEquals(true, new CheckCounts(4, 4).allPassing());
  }

  static String lowerCamel(String key) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
