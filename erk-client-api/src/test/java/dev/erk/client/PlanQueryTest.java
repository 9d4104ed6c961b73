package dev.erk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanQueryTest {
  @Test
  void defaultsLeaveEveryFilterToErk() {
    assertEquals(List.of("exec", "dash-data"), PlanQuery.defaults().arguments());
  }

  @Test
  void everyFilterMapsToItsOption() {
    PlanQuery query =
        PlanQuery.builder()
            .state(PlanState.CLOSED)
            .labels("erk-pr", "erk-learn")
            .limit(50)
            .showPrs(false)
            .showRuns(true)
            .runState("in_progress")
            .creator("alice-1")
            .timeout(Duration.ofSeconds(5))
            .build();
    assertEquals(
        List.of(
            "exec",
            "dash-data",
            "--state",
            "closed",
            "--label",
            "erk-pr",
            "--label",
            "erk-learn",
            "--limit",
            "50",
            "--no-show-prs",
            "--show-runs",
            "--run-state",
            "in_progress",
            "--creator",
            "alice-1"),
        query.arguments());
    assertEquals(Duration.ofSeconds(5), query.timeout());
  }

  @Test
  void newBuilderDerivesACopy() {
    PlanQuery base = PlanQuery.builder().showRuns(true).build();
    PlanQuery derived = base.newBuilder().limit(3).build();
    assertEquals(List.of("exec", "dash-data", "--limit", "3", "--show-runs"), derived.arguments());
    assertEquals(List.of("exec", "dash-data", "--show-runs"), base.arguments());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-x", "--state", "a,b", "new\nline", "nul\0", " "})
  void refusesLabelsThatAreNotSafeArguments(String label) {
    assertThrows(IllegalArgumentException.class, () -> PlanQuery.builder().labels(label).build());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-alice",
        "a b",
        "alice;rm",
        "a\u0007",
        "toolong-toolong-toolong-toolong-toolong1"
      })
  void refusesCreatorsThatAreNotGithubLogins(String creator) {
    assertThrows(
        IllegalArgumentException.class, () -> PlanQuery.builder().creator(creator).build());
  }

  @Test
  void refusesNonPositiveLimitsAndTimeouts() {
    assertThrows(IllegalArgumentException.class, () -> PlanQuery.builder().limit(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> PlanQuery.builder().timeout(Duration.ZERO).build());
    assertThrows(
        IllegalArgumentException.class, () -> PlanQuery.builder().runState("--all").build());
  }
}
