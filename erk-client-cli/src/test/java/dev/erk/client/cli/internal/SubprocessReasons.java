package dev.erk.client.cli.internal;

import static dev.erk.client.cli.internal.ErkReasonsTest.ALL;
import static dev.erk.client.cli.internal.ErkReasonsTest.failure;
import static dev.erk.client.cli.internal.ErkReasonsTest.traceback;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.erk.client.cli.internal.ErkReasonsTest.Case;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * erk's {@code RuntimeError}s from {@code run_subprocess_with_context} ({@code
 * packages/erk-shared/src/erk_shared/subprocess_utils.py}): {@code Failed to <what>}, {@code
 * Command:}, {@code Exit code:}, {@code stdout:}, {@code stderr:}; {@code Command not found while
 * trying to <what>: <exe>} then {@code Full command:}; {@code Timed out after <n>s trying to
 * <what>} then {@code Command:} (not at v0.7.2).
 */
final class SubprocessReasons {
  private static final String SUBPROCESS = "subprocess_utils.py run_subprocess_with_context";
  private static final String CHAIN =
      "Traceback (most recent call last):\n"
          + "  File \"/usr/lib/python3.11/subprocess.py\", line 571, in run\n"
          + "    raise CalledProcessError(retcode, process.args,\n"
          + "subprocess.CalledProcessError: Command '['gh', 'auth', 'token']' returned non-zero exit"
          + " status 1.\n\nThe above exception was the direct cause of the following exception:\n\n";

  private SubprocessReasons() {}

  static List<Case> cases() {
    return List.of(
        failure(
            SUBPROCESS + ", auth.py fetch_github_token (dash-data without a gh token)",
            "v0.7.2",
            1,
            "",
            CHAIN
                + traceback(
                    "erk_shared/subprocess_utils.py",
                    "run_subprocess_with_context",
                    """
                    RuntimeError: Failed to fetch GitHub token for github.com
                    Command: gh auth token --hostname github.com
                    Exit code: 1
                    stderr: no oauth token found for github.com\
                    """),
            "RuntimeError: Failed to fetch GitHub token for github.com \u2014 no oauth token"
                + " found for github.com"),
        failure(
            SUBPROCESS + ", FileNotFoundError (recorded: dash-data with no gh on PATH)",
            "HEAD (recorded); the shape at " + ALL,
            1,
            "",
            reference("dash-data-crash-gh-missing.stderr"),
            "RuntimeError: Command not found while trying to fetch GitHub token for github.com:"
                + " gh"),
        failure(
            SUBPROCESS + ", github/real.py cancel_workflow_run (erk workflow run cancel)",
            "HEAD",
            1,
            "",
            traceback(
                "erk_shared/subprocess_utils.py",
                "run_subprocess_with_context",
                "RuntimeError: Failed to execute gh command 'gh api --method POST"
                    + " repos/{owner}/{repo}/actions/runs/123/cancel'\n"
                    + "Command: gh api --method POST repos/{owner}/{repo}/actions/runs/123/cancel\n"
                    + "Exit code: 1\n"
                    + "stderr: gh: Cannot cancel a workflow run that is completed. (HTTP 409)"),
            "RuntimeError: Failed to execute gh command 'gh api --method POST"
                + " repos/{owner}/{repo}/actions/runs/123/cancel' \u2014 gh: Cannot cancel a"
                + " workflow run that is completed. (HTTP 409)"),
        failure(
            SUBPROCESS + ", git/remote_ops/real.py fetch_branch (incremental-dispatch)",
            "HEAD, v0.9.11",
            1,
            "",
            "Syncing branch: plan-42\n"
                + traceback(
                    "erk_shared/subprocess_utils.py",
                    "run_subprocess_with_context",
                    """
                    RuntimeError: Failed to fetch branch 'plan-42' from remote 'origin'
                    Command: git fetch origin plan-42
                    Exit code: 128
                    stderr: fatal: 'origin' does not appear to be a git repository
                    fatal: Could not read from remote repository.

                    Please make sure you have the correct access rights
                    and the repository exists.\
                    """),
            "RuntimeError: Failed to fetch branch 'plan-42' from remote 'origin' \u2014 fatal:"
                + " 'origin' does not appear to be a git repository \u2014 fatal: Could not read"
                + " from remote repository. \u2014 Please make sure you have the correct access"
                + " rights \u2014 and the repository exists."),
        failure(
            SUBPROCESS + ", stdout and stderr both captured: stderr is the reason",
            ALL,
            1,
            "",
            traceback(
                "erk_shared/subprocess_utils.py",
                "run_subprocess_with_context",
                """
                RuntimeError: Failed to list workflow runs
                Command: gh run list --json databaseId
                Exit code: 1
                stdout: []
                stderr: HTTP 401: Bad credentials\
                """),
            "RuntimeError: Failed to list workflow runs \u2014 HTTP 401: Bad credentials"),
        failure(
            SUBPROCESS + ", TimeoutExpired with a multi-line GraphQL query on Command:",
            "HEAD, v0.9.11, v0.9.0",
            1,
            "",
            traceback(
                "erk_shared/subprocess_utils.py",
                "run_subprocess_with_context",
                "RuntimeError: Timed out after 60s trying to execute gh command 'gh api graphql"
                    + " -f query=<28 chars>'\n"
                    + "Command: gh api graphql -f query=query {\n"
                    + "  viewer { login }\n"
                    + "}"),
            "RuntimeError: Timed out after 60s trying to execute gh command 'gh api graphql -f"
                + " query=<28 chars>'"));
  }

  static String reference(String name) {
    try (InputStream in =
        Objects.requireNonNull(
            SubprocessReasons.class.getResourceAsStream("/reference/" + name), name)) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
