package dev.erk.client.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkUnsupportedActionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query's argv parses as erk's click tree expects, per generation. The signatures below are
 * transcribed from the click decorators in erk's source (docs/dashboard-details.md); the parser
 * applies click's rules for them: the command path, then options (flags take no value, others one;
 * an INT value must be an integer), and exactly the positional arguments declared.
 */
class DetailQueryArgvTest {
  private static final ErkGeneration C = ErkGeneration.CURRENT;
  private static final ErkGeneration R = ErkGeneration.V0_9_11;
  private static final ErkGeneration Z = ErkGeneration.V0_9_0;
  private static final ErkGeneration S = ErkGeneration.V0_7;

  /** A click command: its path, positional argument types, and options (INT, TEXT or FLAG). */
  record Click(String path, List<String> arguments, Map<String, String> options) {
    static Click of(String path, String arguments, Map<String, String> options) {
      return new Click(
          path, arguments.isEmpty() ? List.of() : List.of(arguments.split(" ")), options);
    }

    void parse(List<String> argv) {
      List<String> words = List.of(path.split(" "));
      assertEquals(words, argv.subList(0, words.size()), "command path");
      List<String> positional = new ArrayList<>();
      for (int i = words.size(); i < argv.size(); i++) {
        String token = argv.get(i);
        if (token.startsWith("--")) {
          String type = options.get(token);
          if (type == null) {
            throw new AssertionError("No such option: " + token + " for " + path);
          }
          if (!type.equals("FLAG")) {
            check(type, argv.get(++i), token);
          }
        } else {
          positional.add(token);
        }
      }
      assertEquals(arguments.size(), positional.size(), "positional arguments of " + path);
      for (int i = 0; i < arguments.size(); i++) {
        check(arguments.get(i), positional.get(i), "argument " + (i + 1));
      }
    }

    private static void check(String type, String value, String what) {
      if (type.equals("INT")) {
        assertTrue(value.matches("-?[0-9]+"), what + " is not a valid integer: " + value);
      }
    }
  }

  static Stream<Arguments> queries() {
    Map<String, String> prInt = Map.of("--pr", "INT", "--include-resolved", "FLAG");
    Click reviews = Click.of("exec get-pr-review-comments", "", prInt);
    Click feedback = Click.of("exec get-pr-feedback", "", prInt);
    Click discussion = Click.of("exec get-pr-discussion-comments", "", Map.of("--pr", "INT"));
    Click viewHead = Click.of("exec get-pr-view", "TEXT", Map.of("--branch", "TEXT"));
    Click viewOld = Click.of("exec get-pr-view", "INT", Map.of("--branch", "TEXT"));
    Click prInfo = Click.of("exec get-pr-info", "TEXT", Map.of("--include-body", "FLAG"));
    Click planInfo = Click.of("exec get-plan-info", "INT", Map.of("--include-body", "FLAG"));
    Click prMeta = Click.of("exec get-pr-metadata", "TEXT TEXT", Map.of());
    Click planMeta = Click.of("exec get-plan-metadata", "INT TEXT", Map.of());
    Click ci = Click.of("exec ci-fetch-summaries", "", Map.of("--pr-number", "INT"));
    Click prLog = Click.of("pr log", "TEXT", Map.of("--json", "FLAG", "--repo", "TEXT"));
    Click prLog090 = Click.of("pr log", "TEXT", Map.of("--json", "FLAG"));
    Click planLog = Click.of("plan log", "TEXT", Map.of("--json", "FLAG"));
    Click jsonView = Click.of("json objective view", "", Map.of("--schema", "FLAG"));
    Click jsonCheck = Click.of("json objective check", "", Map.of("--schema", "FLAG"));
    Click view =
        Click.of("objective view", "TEXT", Map.of("--json-output", "FLAG", "--repo", "TEXT"));
    Click check =
        Click.of("objective check", "TEXT", Map.of("--json-output", "FLAG", "--repo", "TEXT"));
    Click prsFor = Click.of("exec get-prs-for-objective", "INT", Map.of());
    Click plansFor = Click.of("exec get-plans-for-objective", "INT", Map.of());
    Click issue = Click.of("exec get-issue-body", "INT", Map.of());
    return Stream.of(
        row(DetailQuery.reviewThreads(42, false), reviews, C, R, Z, S),
        row(DetailQuery.reviewThreads(42, true), reviews, C, R, Z, S),
        row(DetailQuery.feedback(42, true), feedback, C, R, Z),
        row(DetailQuery.discussion(42), discussion, C, R, Z, S),
        row(DetailQuery.pullRequest(42), viewHead, C),
        row(DetailQuery.pullRequest(42), viewOld, R, Z),
        row(DetailQuery.planInfo(42), prInfo, C),
        row(DetailQuery.planInfo(42), planInfo, R, Z),
        row(DetailQuery.planHeaderField(42, "objective_id"), prMeta, C),
        row(DetailQuery.planHeaderField(42, "objective_id"), planMeta, R, Z, S),
        row(DetailQuery.ciSummaries(42), ci, C, R),
        row(DetailQuery.planLog(42), prLog, C, R),
        row(DetailQuery.planLog(42), prLog090, Z),
        row(DetailQuery.planLog(42), planLog, S),
        row(DetailQuery.objective(7), jsonView, C),
        row(DetailQuery.objective(7), view, R, Z),
        row(DetailQuery.objectiveChecks(7), jsonCheck, C),
        row(DetailQuery.objectiveChecks(7), check, R, Z, S),
        row(DetailQuery.plansForObjective(7), prsFor, C),
        row(DetailQuery.plansForObjective(7), plansFor, R, Z, S),
        row(DetailQuery.issueBody(7), issue, C, R, Z, S));
  }

  private static Arguments row(DetailQuery<?> query, Click click, ErkGeneration... generations) {
    return Arguments.of(query, click, Arrays.asList(generations));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("queries")
  void argvParsesAsErksClickCommand(
      DetailQuery<?> query, Click click, List<ErkGeneration> generations) {
    for (ErkGeneration generation : generations) {
      click.parse(query.command(generation).arguments());
    }
  }

  @Test
  void erkJsonCommandsCarryTheirRequestOnStdinAndOthersNone() {
    assertEquals("{\"identifier\": \"7\"}", DetailQuery.objective(7).command(C).stdin());
    assertEquals("{\"identifier\": \"7\"}", DetailQuery.objectiveChecks(7).command(C).stdin());
    assertNull(DetailQuery.objective(7).command(R).stdin());
    assertNull(DetailQuery.reviewThreads(42).command(C).stdin());
  }

  static Stream<Arguments> missing() {
    return Stream.of(
        Arguments.of(DetailQuery.feedback(42), S, "0.9.0"),
        Arguments.of(DetailQuery.pullRequest(42), S, "0.8.0"),
        Arguments.of(DetailQuery.planInfo(42), S, "0.8.0"),
        Arguments.of(DetailQuery.ciSummaries(42), Z, "0.9.1"),
        Arguments.of(DetailQuery.ciSummaries(42), S, "0.9.1"),
        Arguments.of(DetailQuery.objective(7), S, "0.8.0"));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("missing")
  void aGenerationWithoutTheCommandIsRefusedNamingTheVersionThatHasIt(
      DetailQuery<?> query, ErkGeneration generation, String version) {
    ErkUnsupportedActionException e =
        assertThrows(ErkUnsupportedActionException.class, () -> query.command(generation));
    assertTrue(e.getMessage().contains("erk " + version), e.getMessage());
    assertEquals(generation, e.generation());
    assertNull(e.action());
  }

  @Test
  void valuesThatWouldBecomeOptionsOrBadNumbersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> DetailQuery.reviewThreads(0, false));
    assertThrows(IllegalArgumentException.class, () -> DetailQuery.objective(-7));
    assertThrows(
        IllegalArgumentException.class, () -> DetailQuery.planHeaderField(42, "--include-body"));
    assertThrows(IllegalArgumentException.class, () -> DetailQuery.planHeaderField(42, ""));
  }

  @Test
  void queriesThatRunTheSameCommandEverywhereSaySo() {
    assertTrue(DetailQuery.reviewThreads(1).sameInEveryGeneration());
    assertTrue(DetailQuery.issueBody(1).sameInEveryGeneration());
    assertEquals(List.of("exec", "get-pr-view", "42"), DetailQuery.pullRequest(42).display());
    assertEquals(
        "planHeaderField(42, objective_id)",
        DetailQuery.planHeaderField(42, "objective_id").toString());
  }
}
