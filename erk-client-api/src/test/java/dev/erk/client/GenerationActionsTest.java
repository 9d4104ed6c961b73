package dev.erk.client;

import static dev.erk.client.ErkGeneration.CURRENT;
import static dev.erk.client.ErkGeneration.V0_7;
import static dev.erk.client.ErkGeneration.V0_9_0;
import static dev.erk.client.ErkGeneration.V0_9_11;
import static dev.erk.client.TestRows.openPlan;
import static dev.erk.client.TestRows.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line of every catalogue action in every erk generation, built from rows shaped as
 * erk-client decodes that generation's dash-data, and the refusal of every action a generation
 * lacks (docs/erk-generations.md, "Command facts"; checked against erk's click registrations).
 */
class GenerationActionsTest {
  static final String COMMENT = "Superseded by #7";
  static final String PLAN_FILE = "plan.md";
  static final String PROMPT = "Add retry to uploads";

  /** A plan row of the generation: open, on a branch, with objective #7000. */
  static PlanRow plan(ErkGeneration generation) {
    PlanRow row = with(openPlan(), "objectiveIssue", 7000);
    return switch (generation) {
      case CURRENT -> row;
      // plan_id 42; the linked pr_number is the plan itself, so the decoder keeps 42 in extras.
      case V0_9_11, V0_9_0 ->
          with(row, "extras", linked(42, "https://github.com/acme/widgets/pull/42"));
      // issue #17 whose linked implementation PR is #42 on branch P17-add-retry.
      case V0_7 ->
          with(
              row,
              "prNumber",
              17,
              "prUrl",
              "https://github.com/acme/widgets/issues/17",
              "prHeadBranch",
              "P17-add-retry",
              "createdAt",
              null,
              "updatedAt",
              null,
              "extras",
              linked(42, "https://github.com/acme/widgets/pull/42"));
    };
  }

  static Map<String, @Nullable Object> linked(@Nullable Integer pr, @Nullable String url) {
    Map<String, @Nullable Object> extras = new LinkedHashMap<>();
    extras.put(PlanRow.LINKED_PR_NUMBER, pr);
    extras.put("linked_pr_url", url);
    return extras;
  }

  /** A row the action is available on, in that generation's shape. */
  static PlanRow rowFor(DashboardAction action, ErkGeneration generation) {
    PlanRow plan = plan(generation);
    return switch (action.view()) {
      case OBJECTIVE -> with(plan, "prNumber", 7000, "objectiveIssue", 7000);
      case RUN ->
          action == DashboardAction.CANCEL_RUN
              ? with(plan, "runId", "24681357", "runStatus", "queued")
              : with(
                  plan, "runId", "24681357", "runStatus", "completed", "runConclusion", "failure");
      default -> plan;
    };
  }

  static ActionRequest request(DashboardAction action, PlanRow row) {
    ActionParameter input = action.input();
    if (input == null) {
      return action.request(row);
    }
    return action.request(
        row,
        switch (input) {
          case COMMENT -> COMMENT;
          case PLAN_FILE -> PLAN_FILE;
          default -> PROMPT;
        });
  }

  static Arguments argv(ErkGeneration generation, DashboardAction action, String... expected) {
    return Arguments.of(generation, action, List.of(expected));
  }

  /** Every supported (generation, action) pair with its exact argv after {@code erk}. */
  static Stream<Arguments> supported() {
    return Stream.of(
        // HEAD 2656c0e1a: tui/actions/palette.py, tui/operations/workers.py
        argv(CURRENT, DashboardAction.CLOSE_PR, "exec", "close-pr", "42", "--comment=" + COMMENT),
        argv(CURRENT, DashboardAction.CLOSE_PLAN, "pr", "close", "42"),
        argv(CURRENT, DashboardAction.DISPATCH_TO_QUEUE, "pr", "dispatch", "42"),
        argv(
            CURRENT,
            DashboardAction.LAND_PR,
            "exec",
            "land-execute",
            "--pr-number=42",
            "--branch=plan-42",
            "-f",
            "--linked-pr-number=42"),
        argv(
            CURRENT,
            DashboardAction.UPDATE_OBJECTIVE_AFTER_LAND,
            "exec",
            "objective-update-after-land",
            "--objective=7000",
            "--pr=42",
            "--branch=plan-42"),
        argv(CURRENT, DashboardAction.ADDRESS_REMOTE, "launch", "pr-address", "--pr", "42"),
        argv(CURRENT, DashboardAction.REBASE_REMOTE, "launch", "pr-rebase", "--pr", "42"),
        argv(CURRENT, DashboardAction.REWRITE_REMOTE, "launch", "pr-rewrite", "--pr", "42"),
        argv(
            CURRENT,
            DashboardAction.INCREMENTAL_DISPATCH,
            "exec",
            "incremental-dispatch",
            "--plan-file=plan.md",
            "--pr",
            "42",
            "--format",
            "json"),
        argv(
            CURRENT,
            DashboardAction.CMUX_CHECKOUT,
            "exec",
            "cmux-open-pr",
            "--pr",
            "42",
            "--branch=plan-42",
            "--mode",
            "checkout"),
        argv(
            CURRENT,
            DashboardAction.CMUX_TELEPORT,
            "exec",
            "cmux-open-pr",
            "--pr",
            "42",
            "--branch=plan-42",
            "--mode",
            "teleport"),
        argv(CURRENT, DashboardAction.CHECK_OBJECTIVE, "objective", "check", "7000"),
        argv(CURRENT, DashboardAction.CLOSE_OBJECTIVE, "objective", "close", "7000", "--force"),
        argv(CURRENT, DashboardAction.ONE_SHOT_PLAN, "objective", "plan", "7000", "--one-shot"),
        argv(CURRENT, DashboardAction.ONE_SHOT_PROMPT, "one-shot", PROMPT),
        argv(CURRENT, DashboardAction.CANCEL_RUN, "workflow", "run", "cancel", "24681357"),
        argv(CURRENT, DashboardAction.RETRY_RUN, "workflow", "run", "retry", "24681357"),
        argv(
            CURRENT,
            DashboardAction.RETRY_FAILED_RUN,
            "workflow",
            "run",
            "retry",
            "24681357",
            "--failed"),

        // v0.9.11 (64194aa10): close-pr takes the int plan_id; land passes --plan-number.
        argv(V0_9_11, DashboardAction.CLOSE_PR, "exec", "close-pr", "42", "--comment=" + COMMENT),
        argv(V0_9_11, DashboardAction.CLOSE_PLAN, "pr", "close", "42"),
        argv(V0_9_11, DashboardAction.DISPATCH_TO_QUEUE, "pr", "dispatch", "42"),
        argv(
            V0_9_11,
            DashboardAction.LAND_PR,
            "exec",
            "land-execute",
            "--pr-number=42",
            "--branch=plan-42",
            "-f",
            "--plan-number=42"),
        argv(
            V0_9_11,
            DashboardAction.UPDATE_OBJECTIVE_AFTER_LAND,
            "exec",
            "objective-update-after-land",
            "--objective=7000",
            "--pr=42",
            "--branch=plan-42"),
        argv(V0_9_11, DashboardAction.ADDRESS_REMOTE, "launch", "pr-address", "--pr", "42"),
        argv(V0_9_11, DashboardAction.REBASE_REMOTE, "launch", "pr-rebase", "--pr", "42"),
        argv(V0_9_11, DashboardAction.REWRITE_REMOTE, "launch", "pr-rewrite", "--pr", "42"),
        argv(
            V0_9_11,
            DashboardAction.INCREMENTAL_DISPATCH,
            "exec",
            "incremental-dispatch",
            "--plan-file=plan.md",
            "--pr",
            "42",
            "--format",
            "json"),
        argv(
            V0_9_11,
            DashboardAction.CMUX_CHECKOUT,
            "exec",
            "cmux-open-pr",
            "--pr",
            "42",
            "--branch=plan-42",
            "--mode",
            "checkout"),
        argv(
            V0_9_11,
            DashboardAction.CMUX_TELEPORT,
            "exec",
            "cmux-open-pr",
            "--pr",
            "42",
            "--branch=plan-42",
            "--mode",
            "teleport"),
        argv(V0_9_11, DashboardAction.CHECK_OBJECTIVE, "objective", "check", "7000"),
        argv(V0_9_11, DashboardAction.CLOSE_OBJECTIVE, "objective", "close", "7000", "--force"),
        argv(V0_9_11, DashboardAction.ONE_SHOT_PLAN, "objective", "plan", "7000", "--one-shot"),
        argv(V0_9_11, DashboardAction.ONE_SHOT_PROMPT, "one-shot", PROMPT),

        // bfa7566 (0.9.0): pr-fix-conflicts; land passes --plan-number.
        argv(V0_9_0, DashboardAction.CLOSE_PR, "exec", "close-pr", "42", "--comment=" + COMMENT),
        argv(V0_9_0, DashboardAction.CLOSE_PLAN, "pr", "close", "42"),
        argv(V0_9_0, DashboardAction.DISPATCH_TO_QUEUE, "pr", "dispatch", "42"),
        argv(
            V0_9_0,
            DashboardAction.LAND_PR,
            "exec",
            "land-execute",
            "--pr-number=42",
            "--branch=plan-42",
            "-f",
            "--plan-number=42"),
        argv(
            V0_9_0,
            DashboardAction.UPDATE_OBJECTIVE_AFTER_LAND,
            "exec",
            "objective-update-after-land",
            "--objective=7000",
            "--pr=42",
            "--branch=plan-42"),
        argv(V0_9_0, DashboardAction.ADDRESS_REMOTE, "launch", "pr-address", "--pr", "42"),
        argv(V0_9_0, DashboardAction.REBASE_REMOTE, "launch", "pr-fix-conflicts", "--pr", "42"),
        argv(V0_9_0, DashboardAction.REWRITE_REMOTE, "launch", "pr-rewrite", "--pr", "42"),
        argv(V0_9_0, DashboardAction.CHECK_OBJECTIVE, "objective", "check", "7000"),
        argv(V0_9_0, DashboardAction.CLOSE_OBJECTIVE, "objective", "close", "7000", "--force"),
        argv(V0_9_0, DashboardAction.ONE_SHOT_PLAN, "objective", "plan", "7000", "--one-shot"),
        argv(V0_9_0, DashboardAction.ONE_SHOT_PROMPT, "one-shot", PROMPT),

        // 0025aec (0.7.2): plans are issues (#17); launch and land act on the linked PR (#42).
        // 0025aec exec/scripts/close_issue_with_comment.py; plan/close_cmd.py.
        argv(
            V0_7,
            DashboardAction.CLOSE_PR,
            "exec",
            "close-issue-with-comment",
            "17",
            "--comment=" + COMMENT),
        argv(V0_7, DashboardAction.CLOSE_PLAN, "plan", "close", "17"),
        argv(V0_7, DashboardAction.DISPATCH_TO_QUEUE, "plan", "submit", "17"),
        argv(
            V0_7,
            DashboardAction.LAND_PR,
            "exec",
            "land-execute",
            "--pr-number=42",
            "--branch=P17-add-retry",
            "-f"),
        argv(V0_7, DashboardAction.ADDRESS_REMOTE, "launch", "pr-address", "--pr", "42"),
        argv(V0_7, DashboardAction.REBASE_REMOTE, "launch", "pr-fix-conflicts", "--pr", "42"),
        argv(V0_7, DashboardAction.CHECK_OBJECTIVE, "objective", "check", "7000"),
        argv(V0_7, DashboardAction.CLOSE_OBJECTIVE, "objective", "close", "7000", "--force"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("supported")
  void argvPerGeneration(ErkGeneration generation, DashboardAction action, List<String> expected) {
    PlanRow row = rowFor(action, generation);
    assertTrue(action.isAvailable(row), action + " available on the " + generation + " row");
    assertEquals(expected, request(action, row).arguments(generation));
  }

  /** Every (generation, action) a generation lacks, with the version its message must name. */
  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(V0_9_11, DashboardAction.CANCEL_RUN, "after erk 0.9.11"),
        Arguments.of(V0_9_11, DashboardAction.RETRY_RUN, "after erk 0.9.11"),
        Arguments.of(V0_9_11, DashboardAction.RETRY_FAILED_RUN, "after erk 0.9.11"),
        Arguments.of(V0_9_0, DashboardAction.INCREMENTAL_DISPATCH, "added in erk 0.9.6"),
        Arguments.of(V0_9_0, DashboardAction.CMUX_CHECKOUT, "added in erk 0.9.10"),
        Arguments.of(V0_9_0, DashboardAction.CMUX_TELEPORT, "added in erk 0.9.10"),
        Arguments.of(V0_9_0, DashboardAction.CANCEL_RUN, "after erk 0.9.11"),
        Arguments.of(V0_9_0, DashboardAction.RETRY_RUN, "after erk 0.9.11"),
        Arguments.of(V0_9_0, DashboardAction.RETRY_FAILED_RUN, "after erk 0.9.11"),
        Arguments.of(V0_7, DashboardAction.UPDATE_OBJECTIVE_AFTER_LAND, "added in erk 0.8.0"),
        Arguments.of(V0_7, DashboardAction.REWRITE_REMOTE, "first released in 0.9.1"),
        Arguments.of(V0_7, DashboardAction.INCREMENTAL_DISPATCH, "added in erk 0.9.6"),
        Arguments.of(V0_7, DashboardAction.CMUX_CHECKOUT, "added in erk 0.9.10"),
        Arguments.of(V0_7, DashboardAction.CMUX_TELEPORT, "added in erk 0.9.10"),
        Arguments.of(V0_7, DashboardAction.ONE_SHOT_PLAN, "added in erk 0.8.0"),
        Arguments.of(V0_7, DashboardAction.ONE_SHOT_PROMPT, "added in erk 0.7.3"),
        Arguments.of(V0_7, DashboardAction.CANCEL_RUN, "after erk 0.9.11"),
        Arguments.of(V0_7, DashboardAction.RETRY_RUN, "after erk 0.9.11"),
        Arguments.of(V0_7, DashboardAction.RETRY_FAILED_RUN, "after erk 0.9.11"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("refused")
  void refusalNamesTheVersion(ErkGeneration generation, DashboardAction action, String version) {
    PlanRow row = rowFor(action, generation);
    ActionRequest request = request(action, row);
    ErkUnsupportedActionException e =
        assertThrows(ErkUnsupportedActionException.class, () -> request.arguments(generation));
    assertSame(action, e.action());
    assertSame(generation, e.generation());
    String message = String.valueOf(e.getMessage());
    assertTrue(
        message.startsWith(action.id() + " is not available in erk " + generation.label()),
        message);
    assertTrue(message.contains(version), message);
  }

  /** The two tables together cover every action exactly once per generation. */
  @ParameterizedTest
  @EnumSource(ErkGeneration.class)
  void tablesCoverTheCatalogue(ErkGeneration generation) {
    Set<DashboardAction> supported = actionsOf(supported(), generation);
    Set<DashboardAction> refused = actionsOf(refused(), generation);
    assertEquals(Set.of(), intersection(supported, refused));
    Set<DashboardAction> all = EnumSet.copyOf(supported);
    all.addAll(refused);
    assertEquals(EnumSet.allOf(DashboardAction.class), all);
    for (DashboardAction action : DashboardAction.values()) {
      assertEquals(
          refused.contains(action),
          CommandAvailability.missing(action, generation) != null,
          action + " " + generation);
    }
  }

  private static Set<DashboardAction> actionsOf(Stream<Arguments> table, ErkGeneration generation) {
    return table
        .map(Arguments::get)
        .filter(a -> a[0] == generation)
        .map(a -> (DashboardAction) a[1])
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DashboardAction.class)));
  }

  private static Set<DashboardAction> intersection(Set<DashboardAction> a, Set<DashboardAction> b) {
    Set<DashboardAction> both = EnumSet.noneOf(DashboardAction.class);
    both.addAll(a);
    both.retainAll(b);
    return both;
  }

  @ParameterizedTest
  @EnumSource(
      value = ErkGeneration.class,
      names = {"CURRENT", "V0_9_11", "V0_9_0"})
  void learnPlansLandWithoutALearnSource(ErkGeneration generation) {
    PlanRow learn = with(plan(generation), "isLearnPlan", true);
    assertEquals(
        List.of("exec", "land-execute", "--pr-number=42", "--branch=plan-42", "-f"),
        DashboardAction.LAND_PR.request(learn).arguments(generation));
  }

  @Test
  void olderPlansWithoutALinkedPrAreNotOfferedLaunchesOrLanding() {
    PlanRow issueOnly = with(plan(V0_7), "extras", linked(null, null));
    for (DashboardAction action :
        List.of(
            DashboardAction.ADDRESS_REMOTE,
            DashboardAction.REBASE_REMOTE,
            DashboardAction.LAND_PR)) {
      assertFalse(action.isAvailable(issueOnly), action.toString());
      assertThrows(IllegalStateException.class, () -> action.request(issueOnly));
    }
    ActionRequest explicit =
        ActionRequest.of(DashboardAction.ADDRESS_REMOTE, Map.of(ActionParameter.PR_NUMBER, "17"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> explicit.arguments(V0_7));
    assertTrue(String.valueOf(e.getMessage()).contains("linked PR"), e.getMessage());
    assertEquals(
        List.of("plan", "submit", "17"),
        DashboardAction.DISPATCH_TO_QUEUE.request(issueOnly).arguments(V0_7));
  }

  @Test
  void explicitRequestsSpeakEachGeneration() {
    ActionRequest rebase =
        ActionRequest.of(DashboardAction.REBASE_REMOTE, Map.of(ActionParameter.PR_NUMBER, "42"));
    assertEquals(List.of("launch", "pr-rebase", "--pr", "42"), rebase.arguments());
    assertEquals(List.of("launch", "pr-rebase", "--pr", "42"), rebase.arguments(V0_9_11));
    assertEquals(List.of("launch", "pr-fix-conflicts", "--pr", "42"), rebase.arguments(V0_9_0));
    assertEquals("erk launch pr-rebase --pr 42", rebase.display());
  }
}
