package dev.erk.client.cli;

import static dev.erk.client.cli.ErkJsonFixtures.CURRENT_KEYS;
import static dev.erk.client.cli.ErkJsonFixtures.V0_7_KEYS;
import static dev.erk.client.cli.ErkJsonFixtures.V0_9_0_KEYS;
import static dev.erk.client.cli.ErkJsonFixtures.V0_9_11_KEYS;
import static dev.erk.client.cli.ErkJsonFixtures.envelope;
import static dev.erk.client.cli.ErkJsonFixtures.row;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.CheckCounts;
import dev.erk.client.DependencyPlan;
import dev.erk.client.ErkGeneration;
import dev.erk.client.PlanList;
import dev.erk.client.PlanRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErkJsonGenerationsTest {
  static final String REPO = "https://github.com/acme/widgets";
  final ErkJson json = ErkJson.create();

  PlanList decode(List<Map<String, @Nullable Object>> rows) {
    byte[] bytes = envelope(rows).getBytes(UTF_8);
    ErkJson.DashData answer = json.decodeDashData(bytes, bytes.length, List.of("erk"));
    return assertInstanceOf(ErkJson.DashData.Plans.class, answer).plans();
  }

  PlanRow only(Map<String, @Nullable Object> row) {
    return decode(List.of(row)).plans().get(0);
  }

  @Test
  void theContractsKeyListsHaveTheGenerationsKeyCounts() {
    assertAll(
        () -> assertEquals(ErkGeneration.CURRENT.rowKeyCount(), CURRENT_KEYS.size()),
        () -> assertEquals(ErkGeneration.V0_9_11.rowKeyCount(), V0_9_11_KEYS.size()),
        () -> assertEquals(ErkGeneration.V0_9_0.rowKeyCount(), V0_9_0_KEYS.size()),
        () -> assertEquals(ErkGeneration.V0_7.rowKeyCount(), V0_7_KEYS.size()));
  }

  @Nested
  class Current {
    @Test
    void aCurrentRowDecodesWithoutExtras() {
      PlanList list = decode(List.of(row(CURRENT_KEYS)));
      PlanRow row = list.plans().get(0);
      assertAll(
          () -> assertEquals(ErkGeneration.CURRENT, list.generation()),
          () -> assertEquals(7911, row.prNumber()),
          () -> assertEquals(7911, row.linkedPrNumber()),
          () -> assertEquals("the plan", row.prBody()),
          () ->
              assertEquals(
                  List.of(new DependencyPlan("#7912", REPO + "/pull/7912")),
                  row.objectiveDepsPlans()),
          () -> assertEquals(Map.of(), row.extras()));
    }
  }

  @Nested
  class V0_9_11 {
    @Test
    void planIdPlanUrlAndPlanBodyBecomeTheRowsOwnFields() {
      PlanList list =
          decode(
              List.of(
                  row(
                      V0_9_11_KEYS,
                      "plan_id",
                      8001,
                      "plan_url",
                      REPO + "/pull/8001",
                      "pr_number",
                      8001,
                      "pr_url",
                      "https://app.graphite.com/github/pr/acme/widgets/8001")));
      PlanRow row = list.plans().get(0);
      assertAll(
          () -> assertEquals(ErkGeneration.V0_9_11, list.generation()),
          () -> assertEquals(8001, row.prNumber()),
          () -> assertEquals(REPO + "/pull/8001", row.prUrl()),
          () -> assertEquals("the plan", row.prBody()),
          () -> assertEquals(3000000042L, row.ciSummaryCommentId()),
          () ->
              assertEquals(
                  "\u2713\u2713\u2713\u25b6\u25b6\u25cb\u25cb\u25cb\u25cb",
                  row.objectiveFrontierDisplay()),
          () -> assertEquals("in progress", row.objectiveDepsDisplay()),
          () -> assertEquals(1, row.objectiveDepsPlans().size()),
          () -> assertEquals(8001, row.linkedPrNumber()),
          () ->
              assertEquals(
                  List.of(PlanRow.LINKED_PR_NUMBER, "linked_pr_url"),
                  new ArrayList<>(row.extras().keySet())),
          () ->
              assertEquals(
                  "https://app.graphite.com/github/pr/acme/widgets/8001",
                  row.extras().get("linked_pr_url")));
    }

    @Test
    void aNullPrNumberIsANullLinkedPrNotAMissingRowNumber() {
      PlanRow row =
          only(
              row(
                  V0_9_11_KEYS,
                  "pr_number",
                  null,
                  "pr_url",
                  null,
                  "pr_display",
                  "-",
                  "pr_state",
                  null));
      assertAll(
          () -> assertEquals(7911, row.prNumber()),
          () -> assertEquals(REPO + "/pull/7911", row.prUrl()),
          () -> assertNull(row.linkedPrNumber()),
          () -> assertTrue(row.extras().containsKey(PlanRow.LINKED_PR_NUMBER)),
          () -> assertTrue(row.extras().containsKey("linked_pr_url")),
          () -> assertNull(row.extras().get("linked_pr_url")));
    }

    @Test
    void keyOrderDoesNotMatter() {
      Map<String, @Nullable Object> erksOrder = row(V0_9_11_KEYS);
      List<String> reversed = new ArrayList<>(V0_9_11_KEYS);
      Collections.reverse(reversed);
      Map<String, @Nullable Object> prNumberFirst = new LinkedHashMap<>();
      prNumberFirst.put("pr_number", 7911);
      prNumberFirst.putAll(row(reversed));
      assertEquals(only(erksOrder), only(prNumberFirst));
      assertEquals(only(erksOrder), only(row(reversed)));
    }
  }

  @Nested
  class V0_9_0 {
    @Test
    void objectiveHeadKeysBecomeTheDepsFields() {
      PlanList list = decode(List.of(row(V0_9_0_KEYS)));
      PlanRow row = list.plans().get(0);
      assertAll(
          () -> assertEquals(ErkGeneration.V0_9_0, list.generation()),
          () -> assertEquals(7911, row.prNumber()),
          () -> assertEquals("in progress", row.objectiveDepsDisplay()),
          () ->
              assertEquals(
                  List.of(new DependencyPlan("#7912", REPO + "/pull/7912")),
                  row.objectiveDepsPlans()),
          () ->
              assertEquals(
                  "\u2713\u2713\u2713\u25b6\u25b6\u25cb\u25cb\u25cb\u25cb",
                  row.objectiveFrontierDisplay()),
          () -> assertNull(row.ciSummaryCommentId()),
          () -> assertEquals(7911, row.linkedPrNumber()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "in-progress, in progress",
      "planning, planning",
      "ready, ready",
      "-, -",
      "pending-review-x, pending review x"
    })
    void headStatesUseTodaysSpacesButKeepALoneDash(String old, String now) {
      assertEquals(now, only(row(V0_9_0_KEYS, "objective_head_state", old)).objectiveDepsDisplay());
    }
  }

  @Nested
  class V0_7 {
    final Map<String, @Nullable Object> issueRow =
        row(V0_7_KEYS, "pr_number", 7950, "pr_url", REPO + "/pull/7950");

    @Test
    void theIssueIsTheRowAndTheLinkedPrGoesToExtras() {
      PlanList list = decode(List.of(issueRow));
      PlanRow row = list.plans().get(0);
      assertAll(
          () -> assertEquals(ErkGeneration.V0_7, list.generation()),
          () -> assertEquals(512, row.prNumber()),
          () -> assertEquals(REPO + "/issues/512", row.prUrl()),
          () -> assertEquals("raw issue body", row.prBody()),
          () -> assertEquals(7950, row.linkedPrNumber()),
          () ->
              assertEquals(
                  List.of("title", PlanRow.LINKED_PR_NUMBER, "linked_pr_url"),
                  new ArrayList<>(row.extras().keySet())),
          () -> assertEquals("Add retry to uploads", row.extras().get("title")),
          () -> assertEquals(REPO + "/pull/7950", row.extras().get("linked_pr_url")));
    }

    @Test
    void keysThatDidNotExistYetTakeTheirNothingValues() {
      PlanRow row = only(issueRow);
      assertAll(
          () -> assertNull(row.checksPassing()),
          () -> assertNull(row.checksCounts()),
          () -> assertNull(row.ciSummaryCommentId()),
          () -> assertNull(row.objectiveUrl()),
          () -> assertEquals(0, row.objectiveDoneNodes()),
          () -> assertEquals(0, row.objectiveTotalNodes()),
          () -> assertEquals("-", row.objectiveProgressDisplay()),
          () -> assertEquals("-", row.objectiveSlugDisplay()),
          () -> assertEquals("-", row.objectiveFrontierDisplay()),
          () -> assertEquals("-", row.objectiveDepsDisplay()),
          () -> assertEquals(List.of(), row.objectiveDepsPlans()),
          () -> assertEquals("-", row.objectiveNextNodeDisplay()),
          () -> assertNull(row.updatedAt()),
          () -> assertEquals("-", row.updatedDisplay()),
          () -> assertNull(row.createdAt()),
          () -> assertEquals("-", row.createdDisplay()),
          () -> assertEquals("", row.author()),
          () -> assertFalse(row.isLearnPlan()),
          () -> assertEquals("-", row.lifecycleDisplay()),
          () -> assertEquals("-", row.statusDisplay()),
          () ->
              assertEquals(
                  OffsetDateTime.parse("2026-04-10T08:15:30.123456Z"), row.lastLocalImplAt()),
          () -> assertEquals(false, row.learnPlanIssueClosed()));
    }

    @Test
    void aPlanWithoutALinkedPrKeepsNullEntries() {
      PlanRow row = only(row(V0_7_KEYS, "pr_number", null, "pr_url", null));
      assertNull(row.linkedPrNumber());
      assertTrue(row.extras().containsKey(PlanRow.LINKED_PR_NUMBER));
      assertNull(row.extras().get("linked_pr_url"));
    }
  }

  @Test
  void theGenerationComesFromTheFirstRow() {
    PlanList list = decode(List.of(row(V0_7_KEYS), row(CURRENT_KEYS)));
    assertEquals(ErkGeneration.V0_7, list.generation());
    assertEquals(List.of(512, 7911), list.plans().stream().map(PlanRow::prNumber).toList());
  }

  @Test
  void aCurrentRowWithoutPrBodyIsStillCurrent() {
    PlanList list = decode(List.of(row(List.of("pr_number", "checks_counts"))));
    assertEquals(ErkGeneration.CURRENT, list.generation());
    assertEquals(new CheckCounts(4, 4), list.plans().get(0).checksCounts());
  }

  @Test
  void anOldNameBesideItsCurrentNameIsKeptInExtras() {
    PlanRow row =
        only(
            row(
                CURRENT_KEYS,
                "objective_head_plans",
                List.of(List.of("#1", "u")),
                "plan_body",
                "older text"));
    assertEquals("the plan", row.prBody());
    assertEquals(
        Map.of("objective_head_plans", List.of(List.of("#1", "u")), "plan_body", "older text"),
        row.extras());
  }
}
