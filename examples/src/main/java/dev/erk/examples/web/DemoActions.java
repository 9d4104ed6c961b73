package dev.erk.examples.web;

import static dev.erk.examples.web.DemoScenario.seconds;

import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.Reply;
import java.time.Duration;

/**
 * The demo's actions, answering with the lines erk prints (on stderr, as erk's {@code user_output}
 * does) at a human pace. Texts follow erk's sources: {@code erk launch}, {@code land-execute},
 * {@code erk workflow run cancel|retry} and the error of a failed {@code gh api} call (see
 * docs/web-dashboard.md).
 */
final class DemoActions {
  /** Long enough that only a Cancel ends the rewrite. */
  private static final Duration FOREVER = Duration.ofHours(1);

  private DemoActions() {}

  static void script(FakeErk erk) {
    erk.stubFor(ArgvPattern.prefix("launch", "pr-address"))
        .willReturn(launch("pr-address").stderr("✓ Updated dispatch metadata on PR").exitCode(0));
    erk.stubFor(ArgvPattern.prefix("launch", "pr-rebase"))
        .willReturn(
            Reply.timeline()
                .stderr("Checking PR status...")
                .pause(seconds(0.8))
                .stderr("Error: Cannot rebase CLOSED PR - only OPEN PRs can be rebased")
                .exitCode(1));
    erk.stubFor(ArgvPattern.prefix("launch", "pr-rewrite"))
        .willReturn(
            launch("pr-rewrite")
                .stderr("Waiting for the workflow to pick up the run...")
                .pause(FOREVER)
                .exitCode(0));
    erk.stubFor(ArgvPattern.prefix("pr", "dispatch"))
        .willReturn(
            Reply.timeline()
                .stderr("Checking GitHub authentication...")
                .pause(seconds(0.5))
                .stderr("Syncing trunk...")
                .pause(seconds(1))
                .stderr("Dispatching plan-implement workflow...")
                .pause(seconds(1.5))
                .stderr("✓ 1 PR(s) dispatched successfully!")
                .stderr("  Workflow: https://github.com/acme/widgets/actions/runs/24682200")
                .exitCode(0));
    erk.stubFor(ArgvPattern.prefix("exec", "land-execute"))
        .willReturn(
            Reply.timeline()
                .stderr("  ✓ PR is open")
                .pause(seconds(0.4))
                .stderr("  ✓ PR base targets trunk")
                .pause(seconds(0.4))
                .stderr("Merging PR...")
                .pause(seconds(1.5))
                .stderr("✓ Merged PR")
                .pause(seconds(0.5))
                .stderr("Deleting the worktree and branch...")
                .pause(seconds(0.8))
                .stderr("✓ Cleanup complete")
                .exitCode(0));
    erk.stubFor(ArgvPattern.prefix("exec", "close-pr"))
        .willReturn(
            Reply.stdout("{\"success\": true, \"pr_number\": 7911, \"comment_id\": \"2201\"}"));
    erk.stubFor(ArgvPattern.prefix("workflow", "run", "retry"))
        .willReturn(Reply.stderr("Retried workflow run 24681357"));
    erk.stubFor(ArgvPattern.prefix("workflow", "run", "cancel"))
        .willReturn(Reply.stderr(CANCEL_REFUSED).withExitCode(1));
  }

  /** The first lines of every {@code erk launch}, after the workflow's name. */
  private static Reply.Timeline launch(String workflow) {
    return Reply.timeline()
        .stderr("Checking PR status...")
        .pause(seconds(0.6))
        .stderr("PR #7911: Add retry with exponential backoff to the webhook sender (OPEN)")
        .pause(seconds(0.5))
        .stderr("Dispatching " + workflow + " workflow...")
        .pause(seconds(1.5))
        .stderr("✓ Workflow dispatched")
        .pause(seconds(0.3))
        .stderr("Run URL: https://github.com/acme/widgets/actions/runs/24682107")
        .pause(seconds(0.3));
  }

  /** What erk prints when GitHub refuses to cancel a run that finished meanwhile. */
  static final String CANCEL_REFUSED =
      """
      Traceback (most recent call last):
        File "erk/cli/commands/run/cancel_cmd.py", line 19, in cancel_run
          ctx.github.cancel_workflow_run(repo.root, run_id)
      RuntimeError: Failed to execute gh command
      Command: gh api --method POST repos/{owner}/{repo}/actions/runs/24679990/cancel
      Exit code: 1
      stderr: gh: Cannot cancel a workflow run that is completed. (HTTP 409)
      """;
}
