package dev.erk.client.cli.internal;

import static dev.erk.client.cli.internal.ErkReasonsTest.ALL;
import static dev.erk.client.cli.internal.ErkReasonsTest.failure;
import static dev.erk.client.cli.internal.SubprocessReasons.reference;

import dev.erk.client.cli.internal.ErkReasonsTest.Case;
import java.util.List;

/**
 * Click's {@code Error: <message>} ({@code ClickException.show} and {@code UsageError.show} in
 * click 8.3.1's {@code src/click/exceptions.py}, the click every tag's {@code uv.lock} pins), erk's
 * {@code UserFacingCliError.show} ({@code src/erk/cli/ensure.py}), and erk's own {@code
 * user_output("Error: " …)} followed by hints after a blank line.
 */
final class ClickReasons {
  private ClickReasons() {}

  static List<Case> cases() {
    return List.of(
        failure(
            "click UsageError.show, NoSuchOption (erk pr dispatch 1 -f)",
            "HEAD, v0.9.11, v0.9.0",
            2,
            "",
            """
            Usage: erk pr dispatch [OPTIONS] [PRS]...
            Try 'erk pr dispatch -h' for help.

            Error: No such option: -f
            """,
            "Error: No such option: -f"),
        failure(
            "click UsageError.show, No such command (recorded)",
            "HEAD (recorded); " + ALL,
            2,
            "",
            reference("usage-error-unknown-command.stderr"),
            "Error: No such command 'frobnicate'."),
        failure(
            "ensure.py UserFacingCliError via Ensure.invariant, land_cmd.py (PR not open)",
            ALL,
            1,
            "",
            """
            Error: Pull request #42 is not open (state: MERGED).
            PR #42 has already been merged.
            """,
            "Error: Pull request #42 is not open (state: MERGED). \u2014 PR #42 has already"
                + " been merged."),
        failure(
            "ensure.py UserFacingCliError, land_cmd.py (base diverged) with hints",
            "HEAD",
            1,
            "",
            """
            Error: PR #42 targets 'feature' but should target 'master'.

            The GitHub PR's base branch has diverged from your local stack.
            Run: gt restack && gt submit
            Then retry: erk land plan-42
            """,
            "Error: PR #42 targets 'feature' but should target 'master'."),
        failure(
            "pr/dispatch_helpers.py ensure_trunk_synced, trunk diverged (v0.7.2:"
                + " submit_helpers.py)",
            ALL,
            1,
            "",
            """
            Error: Local master has diverged from origin/master.

            To fix, sync your local branch:
              git fetch origin && git reset --hard origin/master

            Warning: This will discard any local commits on master.
            """,
            "Error: Local master has diverged from origin/master."),
        failure(
            "pr/dispatch_helpers.py ensure_trunk_synced, trunk ahead",
            "HEAD, v0.9.11",
            1,
            "",
            """
            Error: Local master has commits not pushed to origin/master.

            Please push your local commits before running erk pr dispatch:
              git push origin master
            """,
            "Error: Local master has commits not pushed to origin/master."),
        failure(
            "ensure.py UserFacingCliError.show styled red, on a terminal (erk pr close)",
            "HEAD",
            1,
            "",
            "\u001B[31mError: \u001B[0mPR #42 not found\n",
            "Error: PR #42 not found"),
        failure(
            "click core.py main: Abort on a prompt at end of input",
            ALL,
            1,
            "",
            "Aborted!\n",
            "Aborted!"),
        failure(
            "a process killed by SIGKILL, nothing printed", ALL, 137, "", "", "killed by signal 9"),
        failure("a silent exit 3", ALL, 3, "", "", "exited with 3"));
  }
}
