package dev.erk.client;

import static dev.erk.client.TestRows.openPlan;
import static dev.erk.client.TestRows.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DashboardActionTest {
  static final PlanRow PLAN = openPlan();
  static final PlanRow LEARN_PLAN = with(PLAN, "isLearnPlan", true);
  static final PlanRow OBJECTIVE = with(PLAN, "prNumber", 7000, "objectiveIssue", 7000);
  static final PlanRow RUNNING = with(PLAN, "runId", "24681357", "runStatus", "in_progress");
  static final PlanRow FAILED_RUN =
      with(PLAN, "runId", "24681357", "runStatus", "completed", "runConclusion", "failure");
  static final PlanRow CLOSED = with(PLAN, "prState", "CLOSED");
  static final PlanRow NO_URL = with(PLAN, "prUrl", null);
  static final PlanRow NO_BRANCH = with(PLAN, "prHeadBranch", null);
  static final PlanRow WITH_OBJECTIVE = with(PLAN, "objectiveIssue", 50);

  /** An erk 0.7.x plan issue with no linked PR yet. */
  static final PlanRow NO_LINKED_PR =
      with(PLAN, "extras", GenerationActionsTest.linked(null, null));

  /**
   * action, a row it is available on, a row it is not (null: always available), input, argv,
   * display.
   */
  static Stream<Arguments> catalogue() {
    return Stream.of(
        row(
            DashboardAction.CLOSE_PR,
            PLAN,
            NO_URL,
            "Done: superseded",
            "exec close-pr 42 --comment=Done: superseded",
            "erk pr close 42"),
        row(DashboardAction.CLOSE_PLAN, PLAN, NO_URL, null, "pr close 42", "erk pr close 42"),
        row(
            DashboardAction.DISPATCH_TO_QUEUE,
            PLAN,
            NO_URL,
            null,
            "pr dispatch 42",
            "erk pr dispatch 42"),
        row(
            DashboardAction.LAND_PR,
            PLAN,
            CLOSED,
            null,
            "exec land-execute --pr-number=42 --branch=plan-42 -f --linked-pr-number=42",
            "erk land 42"),
        row(
            DashboardAction.UPDATE_OBJECTIVE_AFTER_LAND,
            WITH_OBJECTIVE,
            PLAN,
            null,
            "exec objective-update-after-land --objective=50 --pr=42 --branch=plan-42",
            "erk exec objective-update-after-land --objective=50 --pr=42 --branch=plan-42"),
        row(
            DashboardAction.ADDRESS_REMOTE,
            PLAN,
            NO_LINKED_PR,
            null,
            "launch pr-address --pr 42",
            "erk launch pr-address --pr 42"),
        row(
            DashboardAction.REBASE_REMOTE,
            PLAN,
            NO_LINKED_PR,
            null,
            "launch pr-rebase --pr 42",
            "erk launch pr-rebase --pr 42"),
        row(
            DashboardAction.REWRITE_REMOTE,
            PLAN,
            NO_LINKED_PR,
            null,
            "launch pr-rewrite --pr 42",
            "erk launch pr-rewrite --pr 42"),
        row(
            DashboardAction.INCREMENTAL_DISPATCH,
            PLAN,
            CLOSED,
            "/tmp/plan.md",
            "exec incremental-dispatch --plan-file=/tmp/plan.md --pr 42 --format json",
            "erk exec incremental-dispatch --pr 42"),
        row(
            DashboardAction.CMUX_CHECKOUT,
            PLAN,
            NO_BRANCH,
            null,
            "exec cmux-open-pr --pr 42 --branch=plan-42 --mode checkout",
            "erk pr checkout 42 --script"),
        row(
            DashboardAction.CMUX_TELEPORT,
            PLAN,
            NO_BRANCH,
            null,
            "exec cmux-open-pr --pr 42 --branch=plan-42 --mode teleport",
            "erk slot teleport 42 --new-slot --script --sync"),
        row(
            DashboardAction.CHECK_OBJECTIVE,
            OBJECTIVE,
            null,
            null,
            "objective check 7000",
            "erk objective check 7000"),
        row(
            DashboardAction.CLOSE_OBJECTIVE,
            OBJECTIVE,
            null,
            null,
            "objective close 7000 --force",
            "erk objective close 7000 --force"),
        row(
            DashboardAction.ONE_SHOT_PLAN,
            OBJECTIVE,
            null,
            null,
            "objective plan 7000 --one-shot",
            "erk objective plan 7000 --one-shot"),
        row(
            DashboardAction.ONE_SHOT_PROMPT,
            PLAN,
            null,
            "fix the flaky test; don't touch $(ci)",
            "one-shot|fix the flaky test; don't touch $(ci)",
            "erk one-shot"),
        row(
            DashboardAction.CANCEL_RUN,
            RUNNING,
            FAILED_RUN,
            null,
            "workflow run cancel 24681357",
            "erk workflow run cancel 24681357"),
        row(
            DashboardAction.RETRY_RUN,
            FAILED_RUN,
            RUNNING,
            null,
            "workflow run retry 24681357",
            "erk workflow run retry 24681357"),
        row(
            DashboardAction.RETRY_FAILED_RUN,
            FAILED_RUN,
            RUNNING,
            null,
            "workflow run retry 24681357 --failed",
            "erk workflow run retry 24681357 --failed"));
  }

  private static Arguments row(
      DashboardAction action,
      PlanRow available,
      @Nullable PlanRow unavailable,
      @Nullable String input,
      String argv,
      String display) {
    return Arguments.of(action, available, unavailable, input, argv, display);
  }

  @Test
  void theTableCoversEveryAction() {
    Set<DashboardAction> covered =
        catalogue()
            .map(arguments -> (DashboardAction) arguments.get()[0])
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(DashboardAction.class)));
    assertEquals(EnumSet.allOf(DashboardAction.class), covered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void availabilityFollowsTheDashboardsRule(
      DashboardAction action, PlanRow available, @Nullable PlanRow unavailable) {
    assertTrue(action.isAvailable(available));
    if (unavailable != null) {
      assertFalse(action.isAvailable(unavailable));
      assertThrows(IllegalStateException.class, () -> request(action, unavailable, "x"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void requestHasTheExactArgvAndDisplay(
      DashboardAction action,
      PlanRow available,
      @Nullable PlanRow unavailable,
      @Nullable String input,
      String argv,
      String display) {
    ActionRequest request = request(action, available, input);
    List<String> expected =
        argv.contains("|") ? Arrays.asList(argv.split("\\|")) : Arrays.asList(argv.split(" "));
    if (action == DashboardAction.CLOSE_PR) {
      expected = List.of("exec", "close-pr", "42", "--comment=Done: superseded");
    }
    assertEquals(expected, request.arguments());
    assertEquals(display, request.display());
    assertEquals(action.kind(), request.kind());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DashboardAction.class)
  void inputIsRequiredExactlyWhenTheActionTakesOne(DashboardAction action) {
    PlanRow row =
        action.view() == ActionView.OBJECTIVE
            ? OBJECTIVE
            : action.view() == ActionView.RUN
                ? (action == DashboardAction.CANCEL_RUN ? RUNNING : FAILED_RUN)
                : WITH_OBJECTIVE;
    if (action.input() == null) {
      assertThrows(IllegalArgumentException.class, () -> action.request(row, "extra"));
    } else {
      assertThrows(IllegalArgumentException.class, () -> action.request(row));
    }
  }

  @Test
  void aLearnPlanLandsWithoutTheLinkedPrFlag() {
    assertEquals(
        List.of("exec", "land-execute", "--pr-number=42", "--branch=plan-42", "-f"),
        DashboardAction.LAND_PR.request(LEARN_PLAN).arguments());
  }

  @Nested
  class BadValuesAreRefusedBeforeAnyArgvExists {
    @ParameterizedTest
    @MethodSource("dev.erk.client.DashboardActionTest#badBranches")
    void branch(String branch) {
      PlanRow row = with(PLAN, "prHeadBranch", branch);
      assertThrows(IllegalArgumentException.class, () -> DashboardAction.LAND_PR.request(row));
    }

    @ParameterizedTest
    @MethodSource("dev.erk.client.DashboardActionTest#badNumbers")
    void prNumber(int number) {
      PlanRow row = with(PLAN, "prNumber", number);
      assertThrows(
          IllegalArgumentException.class, () -> DashboardAction.ADDRESS_REMOTE.request(row));
    }

    @Test
    void runIdThatIsNotANumber() {
      PlanRow row = with(RUNNING, "runId", "12; rm -rf /");
      assertThrows(IllegalArgumentException.class, () -> DashboardAction.CANCEL_RUN.request(row));
    }

    @Test
    void commentWithNulOrEscape() {
      assertThrows(
          IllegalArgumentException.class, () -> DashboardAction.CLOSE_PR.request(PLAN, "a\0b"));
      assertThrows(
          IllegalArgumentException.class,
          () -> DashboardAction.CLOSE_PR.request(PLAN, "a\u001B[31mb"));
      assertThrows(
          IllegalArgumentException.class, () -> DashboardAction.CLOSE_PR.request(PLAN, " "));
    }

    @Test
    void promptOrPlanFileThatLooksLikeAnOption() {
      assertThrows(
          IllegalArgumentException.class,
          () -> DashboardAction.ONE_SHOT_PROMPT.request(PLAN, "--help"));
      assertThrows(
          IllegalArgumentException.class,
          () -> DashboardAction.INCREMENTAL_DISPATCH.request(PLAN, "-rf"));
    }

    @Test
    void objectiveActionsActOnTheObjectiveRowsOwnNumber() {
      PlanRow objectiveWithoutSelfLink = with(PLAN, "prNumber", 7001, "objectiveIssue", null);
      assertEquals(
          List.of("objective", "check", "7001"),
          DashboardAction.CHECK_OBJECTIVE.request(objectiveWithoutSelfLink).arguments());
      assertEquals(
          List.of(
              DashboardAction.CHECK_OBJECTIVE,
              DashboardAction.CLOSE_OBJECTIVE,
              DashboardAction.ONE_SHOT_PLAN,
              DashboardAction.ONE_SHOT_PROMPT),
          DashboardAction.available(ActionView.OBJECTIVE, objectiveWithoutSelfLink));
      assertFalse(
          DashboardAction.available(ActionView.PLAN, PLAN)
              .contains(DashboardAction.CHECK_OBJECTIVE));
    }

    @Test
    void aPromptIsStrippedAsErksDashboardStripsIt() {
      ActionRequest request = DashboardAction.ONE_SHOT_PROMPT.request(PLAN, " \n\u00A0fix it \n");
      assertEquals(List.of("one-shot", "fix it"), request.arguments());
    }

    @Test
    void aPromptThatIsAnOptionOnceStrippedIsRefusedWithoutRepeatingTheFreeText() {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> DashboardAction.ONE_SHOT_PROMPT.request(PLAN, "  --model opus please"));
      assertEquals(
          "prompt must not start with '-' (erk would read it as an option) (at character 1 of"
              + " 19; free text is not repeated in messages)",
          e.getMessage());
    }

    @Test
    void aLongOffendingValueIsShownTruncatedWithInvisibleCharactersEscaped() {
      String branch = "feature\u202E" + "x".repeat(100);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> DashboardAction.LAND_PR.request(with(PLAN, "prHeadBranch", branch)));
      String message = String.valueOf(e.getMessage());
      assertTrue(
          message.startsWith(
              "branch must not contain whitespace or format character"
                  + " U+202E: \"feature\\u202Exxx"),
          message);
      assertTrue(message.endsWith("\"… (108 characters)"), message);
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanSentAsAQuestionMark() {
      assertThrows(
          IllegalArgumentException.class,
          () -> DashboardAction.CLOSE_PR.request(PLAN, "broken \uD83D emoji"));
      assertThrows(
          IllegalArgumentException.class,
          () -> DashboardAction.ONE_SHOT_PROMPT.request(PLAN, "trailing \uDE00"));
      assertEquals(
          "--comment=ok \uD83D\uDE00",
          DashboardAction.CLOSE_PR.request(PLAN, "ok \uD83D\uDE00").arguments().get(3));
    }

    @Test
    void aCommentMaySpanLinesAndHoldShellCharacters() {
      ActionRequest request = DashboardAction.CLOSE_PR.request(PLAN, "line 1\nline 2 $(x) `y` 'z'");
      assertEquals("--comment=line 1\nline 2 $(x) `y` 'z'", request.arguments().get(3));
    }
  }

  static Stream<String> badBranches() {
    return Stream.of(
        "-f",
        "--delete",
        "a b",
        "tab\there",
        "new\nline",
        "nul\0",
        "esc\u001B[0m",
        "",
        "no\u00A0break",
        "zero\u200Bwidth",
        "rtl\u202Eoverride",
        "ideographic\u3000space",
        "bom\uFEFF",
        "lone\uD800surrogate",
        "low\uDC00first");
  }

  static Stream<Integer> badNumbers() {
    return Stream.of(0, -1, Integer.MIN_VALUE);
  }

  private static ActionRequest request(
      DashboardAction action, PlanRow row, @Nullable String input) {
    return action.input() == null
        ? action.request(row)
        : action.request(row, input == null ? "x" : input);
  }
}
