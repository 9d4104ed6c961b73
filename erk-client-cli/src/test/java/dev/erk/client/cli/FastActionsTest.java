package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionPayload;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkClient;
import dev.erk.client.ErkCommandFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fast actions: the JSON envelope on stdout or stderr, or the human message otherwise. */
class FastActionsTest {
  @TempDir Path dir;

  private ErkClient replaying(String stdout, String stderr, int exit) throws IOException {
    Files.writeString(dir.resolve("answer.stdout"), stdout);
    Files.writeString(dir.resolve("answer.stderr"), stderr);
    Files.writeString(dir.resolve("answer.exit"), exit + "\n");
    return CliErkClient.builder()
        .executable(TestScripts.install(dir, "replay.sh"))
        .environment("REPLAY_DIR", dir.toString())
        .environment("REPLAY_NAME", "answer")
        .build();
  }

  @Test
  void closePrReturnsItsEnvelope() throws IOException {
    try (ErkClient client =
        replaying("{\"success\": true, \"pr_number\": 42, \"comment_id\": \"123456\"}\n", "", 0)) {
      ActionResult result =
          client.run(DashboardAction.CLOSE_PR.request(new PlanRowsForTests().open(), "bye"));
      assertTrue(result.success());
      assertEquals("123456", result.json().orElseThrow().get("comment_id"));
      assertEquals(42, result.json().orElseThrow().get("pr_number"));
    }
  }

  @Test
  void anEnvelopeThatSaysFailureIsAFailedResultWithErksError() throws IOException {
    try (ErkClient client =
        replaying("{\"success\": false, \"error\": \"Failed to close PR #42: 404\"}\n", "", 1)) {
      ActionRequest request = ActionRequest.custom(ActionKind.JSON, "exec", "close-pr", "42");
      ActionResult result = client.run(request);
      assertFalse(result.success());
      assertEquals("Failed to close PR #42: 404", result.message());
      ErkCommandFailedException error =
          assertThrows(ErkCommandFailedException.class, () -> client.runOrThrow(request));
      assertTrue(
          error.getMessage().startsWith("Failed to close PR #42: 404 (`"), error.getMessage());
    }
  }

  @Test
  void getPrInfoWritesItsErrorEnvelopeToStderr() throws IOException {
    try (ErkClient client =
        replaying(
            "",
            "{\"success\": false, \"error\": \"pr_not_found\", "
                + "\"message\": \"PR #42 not found\"}\n",
            1)) {
      ActionResult result =
          client.run(ActionRequest.custom(ActionKind.JSON, "exec", "get-pr-info", "42"));
      assertFalse(result.success());
      assertEquals("pr_not_found", result.json().orElseThrow().get("error"));
      assertEquals("PR #42 not found", result.message());
      assertEquals(java.util.Optional.of("pr_not_found"), result.errorType());
    }
  }

  @Test
  void incrementalDispatchPrintsJsonAfterProgressLines() throws IOException {
    try (ErkClient client =
        replaying(
            "{\"success\": true, \"pr_number\": 7, \"branch_name\": "
                + "\"b\", \"workflow_run_id\": \"9\", \"workflow_url\": \"u\"}\n",
            "Syncing branch...\n\u2713 Dispatch metadata written\n",
            0)) {
      ActionResult result =
          client.run(
              ActionRequest.custom(ActionKind.JSON, "exec", "incremental-dispatch", "--pr", "7"));
      assertTrue(result.success());
      assertEquals("9", result.json().orElseThrow().get("workflow_run_id"));
      assertEquals("\u2713 Dispatch metadata written", result.message());
      ActionPayload.IncrementalDispatched dispatched =
          result.payload(ActionPayload.IncrementalDispatched.class).orElseThrow();
      assertEquals(new ActionPayload.IncrementalDispatched(7, "b", "9", "u", Map.of()), dispatched);
    }
  }

  @Test
  void aTextCommandsMessageIsItsLastStderrLine() throws IOException {
    try (ErkClient client = replaying("", "Checking...\n\u2713 Closed objective #7: url\n\n", 0)) {
      ActionResult result =
          client.run(ActionRequest.custom(ActionKind.TEXT, "objective", "close", "7", "--force"));
      assertTrue(result.success());
      assertEquals("\u2713 Closed objective #7: url", result.message());
    }
  }
}
