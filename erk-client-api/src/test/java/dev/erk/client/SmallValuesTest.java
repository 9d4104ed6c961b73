package dev.erk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmallValuesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "erk, version 0.9.11|0|9|11|0.9.11",
        "python -m erk, version 0.7.2|0|7|2|0.7.2",
        "erk, version 0.10.0.dev3|0|10|0|0.10.0.dev3",
        "erk, version 1.2|1|2|0|1.2"
      })
  void versionParsesClicksFormat(String text, int major, int minor, int patch, String printed) {
    ErkVersion version = ErkVersion.parse(text);
    assertEquals(
        List.of(major, minor, patch), List.of(version.major(), version.minor(), version.patch()));
    assertEquals(printed, version.toString());
  }

  @Test
  void versionRefusesTextWithoutOne() {
    assertThrows(IllegalArgumentException.class, () -> ErkVersion.parse("Usage: erk"));
    assertTrue(ErkVersion.parse("erk, version 0.9.11").isAtLeast(0, 9, 0));
    assertFalse(ErkVersion.parse("erk, version 0.7.2").isAtLeast(0, 9, 0));
  }

  @Test
  void generationIsDetectedFromRowKeys() {
    assertEquals(
        Optional.of(ErkGeneration.CURRENT), ErkGeneration.detect(Set.of("pr_number", "pr_body")));
    assertEquals(
        Optional.of(ErkGeneration.V0_9_11),
        ErkGeneration.detect(Set.of("plan_id", "objective_deps_plans")));
    assertEquals(
        Optional.of(ErkGeneration.V0_9_0),
        ErkGeneration.detect(Set.of("plan_id", "objective_head_plans")));
    assertEquals(Optional.of(ErkGeneration.V0_7), ErkGeneration.detect(Set.of("issue_number")));
    assertEquals(Optional.empty(), ErkGeneration.detect(Set.of("foo")));
  }

  @Test
  void richMarkupKeepsLiteralBrackets() {
    assertEquals("impl", RichMarkup.strip("[yellow]impl[/yellow]"));
    assertEquals("closed", RichMarkup.strip("[dim red]closed[/dim red]"));
    assertEquals("[erk-pr] title [1/2]", RichMarkup.strip("[erk-pr] title [1/2]"));
    assertEquals("x", RichMarkup.strip("[bold]x[/]"));
  }

  @Test
  void actionResultOrThrowCarriesTheResult() {
    ActionResult failed =
        ActionResult.failure(
            List.of("/usr/bin/erk", "pr", "dispatch", "42"),
            1,
            "",
            "Error: boom\n",
            "Error: boom",
            null,
            Duration.ofMillis(5));
    ErkCommandFailedException error =
        assertThrows(ErkCommandFailedException.class, failed::orThrow);
    assertEquals(failed, error.result());
    assertEquals("Error: boom (`/usr/bin/erk pr dispatch 42` exited with 1)", error.getMessage());
    assertEquals(Optional.empty(), failed.json());
  }

  @Test
  void customCommandsRefuseControlCharacters() {
    assertEquals(
        List.of("exec", "get-pr-info", "42"),
        ActionRequest.custom(ActionKind.JSON, "exec", "get-pr-info", "42").arguments());
    assertThrows(IllegalArgumentException.class, () -> ActionRequest.custom(ActionKind.JSON));
    assertThrows(
        IllegalArgumentException.class,
        () -> ActionRequest.custom(ActionKind.TEXT, "exec", "a\0b"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ActionRequest.of(DashboardAction.LAND_PR, Map.of(ActionParameter.PR_NUMBER, "1")));
  }

  @Test
  void timeoutsMustBePositive() {
    ActionRequest request = ActionRequest.custom(ActionKind.TEXT, "--version");
    assertEquals(Duration.ofSeconds(3), request.withTimeout(Duration.ofSeconds(3)).timeout());
    assertThrows(IllegalArgumentException.class, () -> request.withTimeout(Duration.ofSeconds(-1)));
  }
}
