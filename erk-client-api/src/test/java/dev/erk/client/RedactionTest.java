package dev.erk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.internal.CommandLines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Free text stays out of what the SDK writes for humans; everything else stays in. */
class RedactionTest {
  private static final String SECRET = "password=hunter2";

  @Nested
  class Argv {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "erk exec close-pr 42 --comment=SECRET | erk exec close-pr 42 --comment=<redacted>",
          "erk exec close-pr 42 --comment SECRET | erk exec close-pr 42 --comment <redacted>",
          "erk one-shot SECRET                   | erk one-shot <redacted>",
          "one-shot --model opus SECRET          | one-shot --model <redacted> <redacted>",
          "erk land 42 --branch=b                | erk land 42 --branch=b",
        })
    void freeTextValuesAreReplacedAndTheRestKept(String argv, String expected) {
      List<String> command = List.of(argv.replace("SECRET", SECRET).split(" "));
      assertEquals(List.of(expected.split(" ")), Redaction.redact(command));
    }

    @Test
    void anArgvWithoutFreeTextIsReturnedAsItIs() {
      List<String> command = List.of("erk", "exec", "dash-data");
      assertSame(command, Redaction.redact(command));
    }

    @Test
    void theCatalogueFreeTextParametersAreRedacted() {
      PlanRow row = TestRows.openPlan();
      ActionRequest close = DashboardAction.CLOSE_PR.request(row, "Done, " + SECRET);
      ActionRequest prompt =
          ActionRequest.of(
              DashboardAction.ONE_SHOT_PROMPT, Map.of(ActionParameter.PROMPT, "fix it " + SECRET));
      for (ErkGeneration generation : ErkGeneration.values()) {
        for (ActionRequest request : List.of(close, prompt)) {
          List<String> argv;
          try {
            argv = request.arguments(generation);
          } catch (ErkUnsupportedActionException e) {
            continue;
          }
          assertFalse(CommandLines.describe(argv).contains("hunter2"), argv.toString());
          assertTrue(argv.toString().contains("hunter2"), "the argv itself is never redacted");
        }
      }
    }
  }

  @Nested
  class Messages {
    @Test
    void exceptionMessagesNameTheCommandWithoutItsFreeText() {
      List<String> argv = List.of("erk", "exec", "close-pr", "42", "--comment=" + SECRET);
      ActionResult failed =
          ActionResult.failure(argv, 1, "", "Error: no\n", "Error: no", null, Duration.ofMillis(3));
      for (ErkException e :
          List.of(
              new ErkCommandFailedException(failed),
              new ErkTimeoutException(argv, Duration.ofSeconds(1)),
              new ErkCancelledException(argv),
              new ErkException("`" + CommandLines.describe(argv) + "` failed", argv, null))) {
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("close-pr 42 --comment=<redacted>"), e.getMessage());
        assertEquals(argv, e.command());
      }
    }
  }

  @Nested
  class ToString {
    @Test
    void anActionResultIsBoundedAndRedacted() {
      String huge = "x".repeat(5_000_000);
      ActionResult result =
          ActionResult.success(
              List.of("erk", "exec", "close-pr", "42", "--comment=" + SECRET),
              huge,
              huge,
              "",
              Map.<String, @Nullable Object>of("body", huge),
              null,
              Duration.ofMillis(3));
      String text = result.toString();
      assertTrue(text.length() < 2_000, "toString is " + text.length() + " chars");
      assertFalse(text.contains("hunter2"), text);
      assertTrue(text.contains("exitCode=0"), text);
      assertTrue(text.contains("(5000000 chars)"), text);
    }

    @Test
    void aPlanRowShowsItsBodyOnlyBySize() {
      PlanRow row = TestRows.with(TestRows.openPlan(), "prBody", "# Plan\n" + SECRET);
      String text = row.toString();
      assertFalse(text.contains("hunter2"), text);
      assertTrue(text.startsWith("PlanRow[prNumber=42, "), text);
      assertTrue(text.contains("prBody=<23 chars, #"), text);
      PlanRow other = TestRows.with(row, "prBody", "# Plan\n" + "password=hunter3");
      assertFalse(text.equals(other.toString()), "different bodies must show differently");
    }

    @Test
    void aPlanRowCutsLongComponents() {
      PlanRow row = TestRows.with(TestRows.openPlan(), "fullTitle", "t".repeat(10_000));
      String text = row.toString();
      assertTrue(text.length() < 4_000, "toString is " + text.length() + " chars");
      assertTrue(text.contains("(10000 chars)"), text);
    }
  }

  @Nested
  class TurnedOff {
    @Test
    void theSystemPropertyKeepsFreeTextInMessagesAndToString() {
      List<String> argv = List.of("erk", "exec", "close-pr", "42", "--comment=" + SECRET);
      String before = System.getProperty(Redaction.PROPERTY);
      System.setProperty(Redaction.PROPERTY, "false");
      try {
        ActionResult failed =
            ActionResult.failure(argv, 1, "", "Error: no\n", "Error: no", null, Duration.ZERO);
        assertTrue(new ErkCommandFailedException(failed).getMessage().contains(SECRET));
        assertTrue(failed.toString().contains(SECRET), failed.toString());
      } finally {
        if (before == null) {
          System.clearProperty(Redaction.PROPERTY);
        } else {
          System.setProperty(Redaction.PROPERTY, before);
        }
      }
      assertFalse(CommandLines.describe(argv).contains(SECRET));
    }
  }
}
