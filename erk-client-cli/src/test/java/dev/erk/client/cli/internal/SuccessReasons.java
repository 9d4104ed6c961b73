package dev.erk.client.cli.internal;

import static dev.erk.client.cli.internal.ErkReasonsTest.ALL;
import static dev.erk.client.cli.internal.ErkReasonsTest.success;

import dev.erk.client.cli.internal.ErkReasonsTest.Case;
import java.util.List;

/**
 * Successes: a JSON action's message is erk's human text on stderr, never its JSON line ({@code
 * exec/scripts/close_pr.py}, {@code cmux_checkout_workspace.py}, {@code incremental_dispatch.py});
 * a warning that spans lines after a success reads as one reason.
 */
final class SuccessReasons {
  private static final String PROGRESS =
      """
      Syncing branch: plan-42
      Committing PR to branch...
      \u2713 Branch pushed to remote
      Dispatching workflow: plan-implement.yml
      \u2713 Workflow dispatched
      """;
  private static final String DISPATCHED =
      "{\"success\": true, \"pr_number\": 42,"
          + " \"branch_name\": \"plan-42\", \"workflow_run_id\": \"9042\", \"workflow_url\":"
          + " \"https://github.com/acme/widgets/actions/runs/9042\"}\n";

  private SuccessReasons() {}

  static List<Case> cases() {
    return List.of(
        success(
            "exec/scripts/close_pr.py",
            "HEAD",
            "{\"success\": true, \"pr_number\": 42, \"comment_id\": \"123456\"}\n",
            "",
            ""),
        success(
            "exec/scripts/close_pr.py (plan_number)",
            "v0.9.11, v0.9.0",
            "{\"success\": true, \"plan_number\": 42, \"comment_id\": \"123456\"}\n",
            "",
            ""),
        success(
            "exec/scripts/cmux_checkout_workspace.py (cmux-open-pr)",
            "HEAD, v0.9.11",
            "{\"success\": true, \"pr_number\": 42, \"branch\": \"plan-42\", \"workspace_name\":"
                + " \"plan-42\"}\n",
            "",
            ""),
        success(
            "exec/scripts/incremental_dispatch.py, progress on stderr",
            "HEAD, v0.9.11",
            DISPATCHED,
            PROGRESS + "\u2713 Dispatch metadata written\n",
            "\u2713 Dispatch metadata written"),
        success(
            "exec/scripts/incremental_dispatch.py, metadata warning holding a"
                + " subprocess_utils.py RuntimeError",
            "HEAD, v0.9.11",
            DISPATCHED,
            PROGRESS
                + "Warning: Failed to update dispatch metadata: Failed to execute gh command"
                + " 'gh api repos/{owner}/{repo}/issues/42'\n"
                + "Command: gh api repos/{owner}/{repo}/issues/42\n"
                + "Exit code: 1\n"
                + "stderr: gh: Bad Gateway (HTTP 502)\n",
            "Warning: Failed to update dispatch metadata: Failed to execute gh command 'gh api"
                + " repos/{owner}/{repo}/issues/42' \u2014 gh: Bad Gateway (HTTP 502)"),
        success(
            "run/cancel_cmd.py (text on stderr)",
            "HEAD",
            "",
            "Cancelled workflow run 123\n",
            "Cancelled workflow run 123"),
        success(
            "click version_option (stdout)",
            ALL,
            "erk, version 0.9.11\n",
            "",
            "erk, version 0.9.11"));
  }
}
