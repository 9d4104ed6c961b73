package dev.erk.client.cli.internal;

import static dev.erk.client.cli.internal.ErkReasonsTest.ALL;
import static dev.erk.client.cli.internal.ErkReasonsTest.coded;
import static dev.erk.client.cli.internal.ErkReasonsTest.failure;

import dev.erk.client.cli.internal.ErkReasonsTest.Case;
import java.util.List;

/**
 * erk's JSON failures: {@code {"error": code, "message": text}} ({@code exec get-pr-info}, older
 * {@code get-plan-info}, on stderr), {@code exit_with_error}'s {@code {"success": false,
 * "error_type", "message"}} ({@code src/erk/cli/script_output.py}, exit 0), the {@code erk json}
 * envelope ({@code erk_shared/agentclick/machine_command.py} and {@code dataclass_json.py} {@code
 * emit_json_error}), and the exec scripts' {@code {"success": false, "error": text}}.
 */
final class EnvelopeReasons {
  private static final String CLOSE_PR_GH_FAILED =
      "Failed to add comment to PR #42: Failed to"
          + " execute gh command 'gh api repos/{owner}/{repo}/issues/42/comments -X POST -f"
          + " body=Done --jq .id'\\nCommand: gh api repos/{owner}/{repo}/issues/42/comments -X POST"
          + " -f body=Done --jq .id\\nExit code: 1\\nstderr: gh: Not Found (HTTP 404)";

  private EnvelopeReasons() {}

  static List<Case> cases() {
    return List.of(
        coded(
            "exec/scripts/get_pr_info.py, not found, on stderr",
            "HEAD",
            1,
            "",
            "{\"success\": false, \"error\": \"pr_not_found\", \"message\": \"PR #42 not"
                + " found\"}\n",
            "PR #42 not found",
            "pr_not_found"),
        coded(
            "exec/scripts/get_plan_info.py, not found, on stderr",
            "v0.9.11, v0.9.0",
            1,
            "",
            "{\"success\": false, \"error\": \"plan_not_found\", \"message\": \"Plan #42 not"
                + " found\"}\n",
            "Plan #42 not found",
            "plan_not_found"),
        coded(
            "script_output.py exit_with_error, non_ideal_state.py NoPRForBranch (exit 0)",
            ALL,
            0,
            """
            {
              "success": false,
              "error_type": "no-pr-for-branch",
              "message": "No PR found for branch 'feat'"
            }
            """,
            "",
            "No PR found for branch 'feat'",
            "no-pr-for-branch"),
        coded(
            "agentclick/machine_command.py, invalid_request (erk json pr list)",
            "HEAD",
            1,
            """
            {
              "success": false,
              "error_type": "invalid_request",
              "message": "Unknown field: x"
            }
            """,
            "",
            "Unknown field: x",
            "invalid_request"),
        coded(
            "agentclick/machine_command.py, a ClickException with error_type (cli_error)",
            "HEAD",
            1,
            """
            {
              "success": false,
              "error_type": "cli_error",
              "message": "Not a GitHub repository"
            }
            """,
            "",
            "Not a GitHub repository",
            "cli_error"),
        failure(
            "exec/scripts/dash_data.py, no origin",
            ALL,
            1,
            "{\"success\": false, \"error\": \"Could not determine repository owner/name\"}\n",
            "",
            "Could not determine repository owner/name"),
        failure(
            "exec/scripts/close_pr.py with a subprocess_utils.py RuntimeError inside",
            "HEAD",
            1,
            "{\"success\": false, \"error\": \"" + CLOSE_PR_GH_FAILED + "\"}\n",
            "",
            "Failed to add comment to PR #42: Failed to execute gh command 'gh api"
                + " repos/{owner}/{repo}/issues/42/comments -X POST -f body=Done --jq .id'"
                + " \u2014 gh: Not Found (HTTP 404)"),
        failure(
            "exec/scripts/close_issue_with_comment.py, close failed after commenting",
            "v0.7.2",
            1,
            "{\"success\": false, \"error\": \"Failed to close issue #42: issue is"
                + " locked\", \"comment_id\": 123456}\n",
            "",
            "Failed to close issue #42: issue is locked"),
        failure(
            "exec/scripts/incremental_dispatch.py _output_error after progress",
            "HEAD, v0.9.11",
            1,
            "{\"success\": false, \"error\": \"PR #42 is CLOSED, must be" + " OPEN\"}\n",
            "",
            "PR #42 is CLOSED, must be OPEN"));
  }
}
