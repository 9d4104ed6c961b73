package dev.erk.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlansHandlerTest {
  @Test
  void emptyFiltersAreLeftToErk() {
    assertEquals(
        List.of("exec", "dash-data", "--show-runs"),
        PlansHandler.query(Map.of("state", "", "label", " ", "creator", "")).arguments());
  }

  @Test
  void everyFilterBecomesAnOption() {
    assertEquals(
        List.of(
            "exec",
            "dash-data",
            "--state",
            "closed",
            "--label",
            "erk-pr",
            "--label",
            "infra",
            "--show-runs",
            "--creator",
            "alice"),
        PlansHandler.query(Map.of("state", "closed", "label", "erk-pr, infra", "creator", "alice"))
            .arguments());
  }

  @ParameterizedTest
  @ValueSource(strings = {"state=merged", "label=--all", "creator=-x", "creator=a b"})
  void refusesAFilterErkCouldMistakeForAnOption(String filter) {
    String[] pair = filter.split("=", 2);
    assertThrows(
        IllegalArgumentException.class, () -> PlansHandler.query(Map.of(pair[0], pair[1])));
  }
}
