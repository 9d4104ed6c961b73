package dev.erk.client.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionPayload;
import dev.erk.client.ActionPayload.CmuxWorkspaceOpened;
import dev.erk.client.ActionPayload.IncrementalDispatched;
import dev.erk.client.ActionPayload.PlanClosed;
import dev.erk.client.ActionResult;
import dev.erk.client.cli.ErkJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * JSON actions' successes decode into their payloads, in the shapes erk's scripts print at each tag
 * ({@code src/erk/cli/commands/exec/scripts/}: {@code close_pr.py}, v0.7.2's {@code
 * close_issue_with_comment.py}, {@code incremental_dispatch.py}, {@code
 * cmux_checkout_workspace.py}).
 */
class PayloadsTest {
  private static final ErkJson JSON = ErkJson.create();

  @Test
  void closePrAtHeadGivesThePrAndTheCommentId() {
    assertEquals(
        Optional.of(new PlanClosed(42, "123456", Map.of())),
        payload(
            PlanClosed.class,
            "{\"success\": true, \"pr_number\": 42, \"comment_id\": \"123456\"}",
            "close-pr",
            "42"));
  }

  @Test
  void closePrBeforeHeadSaysPlanNumber() {
    assertEquals(
        Optional.of(new PlanClosed(42, "123456", Map.of())),
        payload(
            PlanClosed.class,
            "{\"success\": true, \"plan_number\": 42, \"comment_id\": \"123456\"}",
            "close-pr",
            "42"));
  }

  @Test
  void closeIssueWithCommentAtZeroSevenWritesTheCommentIdAsANumber() {
    assertEquals(
        Optional.of(new PlanClosed(42, "3000000042", Map.of())),
        payload(
            PlanClosed.class,
            "{\"success\": true, \"issue_number\": 42, \"comment_id\":" + " 3000000042}",
            "close-issue-with-comment",
            "42"));
  }

  @Test
  void incrementalDispatchGivesTheRunAndKeepsUnknownKeys() {
    IncrementalDispatched dispatched =
        payload(
                IncrementalDispatched.class,
                "{\"success\": true, \"pr_number\": 42, \"branch_name\": \"plan-42\","
                    + " \"workflow_run_id\": \"9042\", \"workflow_url\":"
                    + " \"https://github.com/acme/widgets/actions/runs/9042\", \"queued\": true}",
                "incremental-dispatch",
                "--pr",
                "42")
            .orElseThrow();
    assertEquals(42, dispatched.prNumber());
    assertEquals("plan-42", dispatched.branch());
    assertEquals("9042", dispatched.workflowRunId());
    assertEquals("https://github.com/acme/widgets/actions/runs/9042", dispatched.workflowUrl());
    assertEquals(Map.of("queued", true), dispatched.extras());
  }

  @Test
  void cmuxOpenPrMayNotKnowTheWorkspaceName() {
    assertEquals(
        Optional.of(new CmuxWorkspaceOpened(42, "plan-42", null, Map.of())),
        payload(
            CmuxWorkspaceOpened.class,
            "{\"success\": true, \"pr_number\": 42, \"branch\":"
                + " \"plan-42\", \"workspace_name\": null}",
            "cmux-open-pr",
            "--pr",
            "42"));
    assertEquals(
        Optional.of(new CmuxWorkspaceOpened(42, "plan-42", "plan-42", Map.of())),
        payload(
            CmuxWorkspaceOpened.class,
            "{\"success\": true, \"pr_number\": 42, \"branch\":"
                + " \"plan-42\", \"workspace_name\": \"plan-42\"}",
            "cmux-open-pr",
            "--pr",
            "42"));
  }

  @Test
  void anAnswerLackingAKeyHasNoPayloadButKeepsItsEnvelope() {
    ActionResult result = run("{\"success\": true, \"pr_number\": 42}", "close-pr", "42");
    assertTrue(result.success());
    assertEquals(Optional.empty(), result.payload(PlanClosed.class));
    assertEquals(42, result.json().orElseThrow().get("pr_number"));
  }

  @Test
  void otherCommandsAndFailuresHaveNoPayload() {
    assertEquals(
        null, run("{\"success\": true, \"pr_number\": \"42\"}", "get-pr-info", "42").payload());
    assertEquals(
        null,
        run("{\"success\": false, \"error\": \"Failed to close PR #42: x\"}", "close-pr", "42")
            .payload());
  }

  private static <T extends ActionPayload> Optional<T> payload(
      Class<T> type, String stdout, String... exec) {
    return run(stdout, exec).payload(type);
  }

  private static ActionResult run(String stdout, String... exec) {
    List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/erk", "exec"));
    command.addAll(List.of(exec));
    return ActionResults.of(
        command,
        stdout.contains("\"success\": false") ? 1 : 0,
        stdout + "\n",
        "",
        Duration.ZERO,
        JSON);
  }
}
