package dev.erk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionPayload.PlanClosed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionResultTest {
  private static final List<String> ARGV = List.of("/usr/bin/erk", "exec", "get-pr-info", "42");
  private static final Duration TOOK = Duration.ofMillis(5);

  @Test
  void successIsDerivedSoAFailedExitCannotClaimIt() {
    ActionResult failed = new ActionResult(ARGV, 1, "", "", "", null, null, TOOK);
    assertFalse(failed.success());
    assertThrows(
        IllegalArgumentException.class,
        () -> ActionResult.failure(ARGV, 0, "", "", "", null, TOOK));
    assertThrows(
        IllegalArgumentException.class,
        () -> ActionResult.success(ARGV, "", "", "", Map.of("success", false), null, TOOK));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ActionResult(ARGV, -1, "", "", "", null, null, TOOK));
  }

  @Test
  void aFailedResultHasNoPayload() {
    PlanClosed closed = new PlanClosed(42, "123", Map.of());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ActionResult(ARGV, 1, "", "", "", null, closed, TOOK));
    ActionResult ok = ActionResult.success(ARGV, "", "", "", null, closed, TOOK);
    assertEquals(Optional.of(closed), ok.payload(PlanClosed.class));
    assertEquals(Optional.empty(), ok.payload(ActionPayload.CmuxWorkspaceOpened.class));
  }

  @Test
  void anEnvelopeSayingFalseFailsEvenWithExitZero() {
    ActionResult result =
        ActionResult.failure(
            ARGV,
            0,
            "",
            "",
            "Unknown field: x",
            Map.of(
                "success", false, "error_type", "invalid_request", "message", "Unknown field: x"),
            TOOK);
    assertFalse(result.success());
    assertEquals(Optional.of("invalid_request"), result.errorType());
  }

  @Test
  void errorTypeIsTheCodeBesideAMessageNeverTheText() {
    assertEquals(
        Optional.of("pr_not_found"),
        failed(Map.of("success", false, "error", "pr_not_found", "message", "PR #42 not found"))
            .errorType());
    assertEquals(
        Optional.empty(),
        failed(Map.of("success", false, "error", "Could not determine repository owner/name"))
            .errorType());
    assertEquals(
        Optional.empty(),
        ActionResult.success(ARGV, "", "", "", Map.of("error_type", "x"), null, TOOK).errorType());
  }

  @Test
  void theExceptionCarriesTheReasonTheCodeAndTheCommand() {
    ActionResult result =
        failed(Map.of("success", false, "error", "pr_not_found", "message", "PR #42 not found"));
    ErkCommandFailedException e = assertThrows(ErkCommandFailedException.class, result::orThrow);
    assertSame(result, e.result());
    assertEquals(Optional.of("pr_not_found"), e.errorType());
    assertEquals("PR #42 not found", e.erkMessage());
    assertEquals(
        "PR #42 not found (pr_not_found; `/usr/bin/erk exec get-pr-info 42` exited with" + " 1)",
        e.getMessage());
    assertTrue(ActionResult.success(ARGV, "", "", "", null, null, TOOK).orThrow().success());
  }

  @Test
  void unreadableOutputHasAnOffsetOnlyWhenThereIsOne() {
    assertEquals(7, new ErkUnreadableOutputException("m", ARGV, "s", 7, null).offset().getAsLong());
    assertTrue(new ErkUnreadableOutputException("m", ARGV, "", null).offset().isEmpty());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ErkUnreadableOutputException("m", ARGV, "", -1, null));
    ErkOutputTooLargeException large = new ErkOutputTooLargeException("m", ARGV, 1024);
    assertEquals(1024, large.limit());
    assertTrue(large.offset().isEmpty());
  }

  private static ActionResult failed(Map<String, Object> envelope) {
    return ActionResult.failure(
        ARGV, 1, "", "", String.valueOf(envelope.get("message")), envelope, TOOK);
  }
}
