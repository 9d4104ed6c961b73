package dev.erk.client;

import static dev.erk.client.TestRows.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every action, generation and generated sample row: when the action is available on the row,
 * its request builds, and its argv either parses in that generation's click tree or is refused with
 * {@link ErkUnsupportedActionException} because the generation lacks the command; when it is not
 * available, the request is refused with {@link IllegalStateException}. Nothing else is ever
 * thrown. The rows include erk 0.7.x plan issues without a linked PR.
 */
class AvailabilityAgreesWithArgvTest {

  static Stream<Arguments> cases() {
    return Arrays.stream(ErkGeneration.values())
        .flatMap(
            generation ->
                Arrays.stream(DashboardAction.values())
                    .map(action -> Arguments.of(action, generation)));
  }

  private static final Map<ErkGeneration, List<PlanRow>> ROWS = new ConcurrentHashMap<>();

  /**
   * Every combination of the row features the availability rules read, in the generation's shape.
   */
  static List<PlanRow> sampleRows(ErkGeneration generation) {
    return ROWS.computeIfAbsent(generation, AvailabilityAgreesWithArgvTest::generate);
  }

  private static List<PlanRow> generate(ErkGeneration generation) {
    List<PlanRow> rows = new ArrayList<>();
    PlanRow base = GenerationActionsTest.plan(generation);
    List<@Nullable Integer> linkedPrs =
        generation == ErkGeneration.CURRENT
            ? Arrays.asList((Integer) null)
            : Arrays.asList(42, null);
    for (String state : new String[] {"OPEN", "CLOSED", ""}) {
      for (boolean branch : new boolean[] {true, false}) {
        for (boolean url : new boolean[] {true, false}) {
          for (boolean learn : new boolean[] {false, true}) {
            for (Integer objective : Arrays.asList(null, 7000, base.prNumber())) {
              for (String[] run : RUNS) {
                for (Integer linked : linkedPrs) {
                  PlanRow row =
                      with(
                          base,
                          "prState",
                          state.isEmpty() ? null : state,
                          "prHeadBranch",
                          branch ? base.prHeadBranch() : null,
                          "prUrl",
                          url ? base.prUrl() : null,
                          "isLearnPlan",
                          learn,
                          "objectiveIssue",
                          objective,
                          "runId",
                          run[0],
                          "runStatus",
                          run[1],
                          "runConclusion",
                          run[2]);
                  if (generation != ErkGeneration.CURRENT) {
                    row =
                        with(
                            row,
                            "extras",
                            GenerationActionsTest.linked(
                                linked,
                                linked == null ? null : "https://github.com/acme/widgets/pull/42"));
                  }
                  rows.add(row);
                }
              }
            }
          }
        }
      }
    }
    return List.copyOf(rows);
  }

  private static final String[][] RUNS = {
    {null, null, null}, {"24681357", "in_progress", null},
    {"24681357", "completed", "cancelled"}, {"24681357", "completed", "success"},
  };

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("cases")
  void availabilityAndArgvNeverDisagree(DashboardAction action, ErkGeneration generation) {
    boolean supported = CommandAvailability.missing(action, generation) == null;
    int available = 0;
    for (PlanRow row : sampleRows(generation)) {
      Supplier<String> where = () -> action + " at " + generation + " on " + describe(row);
      if (!action.isAvailable(row)) {
        assertRefusedAsUnavailable(action, row, where);
        continue;
      }
      available++;
      ActionRequest request = GenerationActionsTest.request(action, row);
      if (supported) {
        List<String> argv = request.arguments(generation);
        try {
          ClickTree.parse(generation, argv);
        } catch (AssertionError e) {
          throw new AssertionError(where.get() + ": " + e.getMessage(), e);
        }
      } else {
        try {
          request.arguments(generation);
          throw new AssertionError(where.get() + ": built an argv for a command erk lacks");
        } catch (ErkUnsupportedActionException expected) {
          assertEquals(action, expected.action());
        }
      }
    }
    assertTrue(available > 0, action + " is available on no sample row at " + generation);
  }

  private static void assertRefusedAsUnavailable(
      DashboardAction action, PlanRow row, Supplier<String> where) {
    try {
      GenerationActionsTest.request(action, row);
      throw new AssertionError(where.get() + ": a request was built for an unavailable action");
    } catch (IllegalStateException expected) {
      assertFalse(String.valueOf(expected.getMessage()).isEmpty(), where);
    }
  }

  private static String describe(PlanRow row) {
    Map<String, @Nullable Object> extras = row.extras();
    return "#"
        + row.prNumber()
        + " state="
        + row.prState()
        + " branch="
        + row.prHeadBranch()
        + " url="
        + (row.prUrl() != null)
        + " learn="
        + row.isLearnPlan()
        + " objective="
        + row.objectiveIssue()
        + " run="
        + row.runStatus()
        + "/"
        + row.runConclusion()
        + " extras="
        + extras;
  }
}
