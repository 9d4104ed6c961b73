package dev.erk.client;

import static dev.erk.client.ActionParameter.BRANCH;
import static dev.erk.client.ActionParameter.COMMENT;
import static dev.erk.client.ActionParameter.LEARN_SOURCE_NUMBER;
import static dev.erk.client.ActionParameter.LINKED_PR_NUMBER;
import static dev.erk.client.ActionParameter.OBJECTIVE_NUMBER;
import static dev.erk.client.ActionParameter.PLAN_FILE;
import static dev.erk.client.ActionParameter.PROMPT;
import static dev.erk.client.ActionParameter.PR_NUMBER;
import static dev.erk.client.ActionParameter.RUN_ID;
import static dev.erk.client.ErkGeneration.CURRENT;
import static dev.erk.client.ErkGeneration.V0_7;
import static dev.erk.client.ErkGeneration.V0_9_11;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of each catalogue action in each erk generation (docs/erk-generations.md,
 * "Command facts"), and the text erk's dashboard displays for it.
 */
final class ActionCommands {
  private ActionCommands() {}

  static List<String> arguments(
      DashboardAction action, Map<ActionParameter, String> p, ErkGeneration generation) {
    requireSupported(action, generation);
    String pr = p.getOrDefault(PR_NUMBER, "");
    return switch (action) {
      // close_pr.py: bfa7566 and v0.9.11 take an int PLAN_NUMBER (the row's plan_id), 2656c0e1a
      // a PR number or URL; --comment is required at all three.
      // 0025aec exec/scripts/close_issue_with_comment.py: int ISSUE_NUMBER, --comment required.
      case CLOSE_PR ->
          generation == V0_7
              ? List.of("exec", "close-issue-with-comment", pr, "--comment=" + p.get(COMMENT))
              : List.of("exec", "close-pr", pr, "--comment=" + p.get(COMMENT));
      // pr/close_cmd.py IDENTIFIER (0025aec: plan/close_cmd.py), no options the SDK passes.
      case CLOSE_PLAN ->
          generation == V0_7 ? List.of("plan", "close", pr) : List.of("pr", "close", pr);
      // 0025aec submit.py `plan submit ISSUE_NUMBERS...` takes the plan issue's number (the TUI
      // ran it without -f: tui/app.py); `pr dispatch` was added in 0.9.0 (pr/dispatch_cmd.py).
      case DISPATCH_TO_QUEUE ->
          generation == V0_7 ? List.of("plan", "submit", pr) : List.of("pr", "dispatch", pr);
      case LAND_PR -> land(p, generation);
      case UPDATE_OBJECTIVE_AFTER_LAND ->
          List.of(
              "exec",
              "objective-update-after-land",
              "--objective=" + p.get(OBJECTIVE_NUMBER),
              "--pr=" + pr,
              "--branch=" + p.get(BRANCH));
      case ADDRESS_REMOTE -> launch("pr-address", linkedPr(p, generation));
      // constants.py WORKFLOW_COMMAND_MAP: "pr-fix-conflicts" at 0025aec and bfa7566,
      // "pr-rebase" from v0.9.1 on (d26ac8d2c).
      case REBASE_REMOTE ->
          launch(
              generation.isOlderThan(V0_9_11) ? "pr-fix-conflicts" : "pr-rebase",
              linkedPr(p, generation));
      case REWRITE_REMOTE -> launch("pr-rewrite", linkedPr(p, generation));
      case INCREMENTAL_DISPATCH ->
          List.of(
              "exec",
              "incremental-dispatch",
              "--plan-file=" + p.get(PLAN_FILE),
              "--pr",
              linkedPr(p, generation),
              "--format",
              "json");
      case CMUX_CHECKOUT -> cmux(linkedPr(p, generation), p, "checkout");
      case CMUX_TELEPORT -> cmux(linkedPr(p, generation), p, "teleport");
      case CHECK_OBJECTIVE -> List.of("objective", "check", objective(p));
      case CLOSE_OBJECTIVE -> List.of("objective", "close", objective(p), "--force");
      case ONE_SHOT_PLAN -> List.of("objective", "plan", objective(p), "--one-shot");
      case ONE_SHOT_PROMPT -> List.of("one-shot", String.valueOf(p.get(PROMPT)));
      case CANCEL_RUN -> List.of("workflow", "run", "cancel", runId(p));
      case RETRY_RUN -> List.of("workflow", "run", "retry", runId(p));
      case RETRY_FAILED_RUN -> List.of("workflow", "run", "retry", runId(p), "--failed");
    };
  }

  static String display(
      DashboardAction action, Map<ActionParameter, String> p, ErkGeneration generation) {
    String pr = p.getOrDefault(PR_NUMBER, "");
    return switch (action) {
      case CLOSE_PR, CLOSE_PLAN -> "erk pr close " + pr;
      case LAND_PR -> "erk land " + pr;
      case INCREMENTAL_DISPATCH -> "erk exec incremental-dispatch --pr " + pr;
      case CMUX_CHECKOUT -> "erk pr checkout " + pr + " --script";
      case CMUX_TELEPORT -> "erk slot teleport " + pr + " --new-slot --script --sync";
      case ONE_SHOT_PROMPT -> "erk one-shot";
      default -> "erk " + String.join(" ", arguments(action, p, generation));
    };
  }

  private static void requireSupported(DashboardAction action, ErkGeneration generation) {
    String missing = CommandAvailability.missing(action, generation);
    if (missing != null) {
      throw new ErkUnsupportedActionException(action, generation, missing);
    }
  }

  /**
   * exec/scripts/land_execute.py: --pr-number and --branch at every revision; the learn-plan source
   * is --plan-number at bfa7566 and v0.9.11 and --linked-pr-number at 2656c0e1a; 0025aec has
   * neither. The v0.9.11 TUI (tui/actions/palette.py) passes --plan-number=plan_id unless the plan
   * is a learn plan; bfa7566's TUI omitted it, but its `erk land` (land_cmd.py) passes it, so it is
   * passed for 0.9.0 too.
   */
  private static List<String> land(Map<ActionParameter, String> p, ErkGeneration generation) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "exec",
                "land-execute",
                "--pr-number=" + linkedPr(p, generation),
                "--branch=" + p.get(BRANCH),
                "-f"));
    String learnSource = p.get(LEARN_SOURCE_NUMBER);
    if (learnSource != null && generation == CURRENT) {
      args.add("--linked-pr-number=" + learnSource);
    } else if (learnSource != null && generation != V0_7) {
      args.add("--plan-number=" + learnSource);
    }
    return List.copyOf(args);
  }

  /**
   * The PR a launch, land, incremental dispatch or cmux action acts on: the row's {@code
   * pr_number}, which the SDK keeps as the linked PR (the 0025aec, bfa7566 and v0.9.11 TUIs pass
   * {@code row.pr_number} there, not the plan's own number). Without one it is the plan itself,
   * except at 0.7.x, where the plan is an issue and a PR must be linked: the catalogue does not
   * offer these actions then, and an explicit request without a linked PR is refused.
   */
  private static String linkedPr(Map<ActionParameter, String> p, ErkGeneration generation) {
    String linked = p.get(LINKED_PR_NUMBER);
    if (linked != null) {
      return linked;
    }
    if (generation == V0_7) {
      throw new IllegalArgumentException(
          "erk 0.7.x acts on the plan issue's linked PR, and this request names none"
              + " (set "
              + LINKED_PR_NUMBER
              + ")");
    }
    return p.getOrDefault(PR_NUMBER, "");
  }

  private static List<String> launch(String workflow, String pr) {
    return List.of("launch", workflow, "--pr", pr);
  }

  private static List<String> cmux(String pr, Map<ActionParameter, String> p, String mode) {
    return List.of("exec", "cmux-open-pr", "--pr", pr, "--branch=" + p.get(BRANCH), "--mode", mode);
  }

  private static String objective(Map<ActionParameter, String> p) {
    return String.valueOf(p.get(OBJECTIVE_NUMBER));
  }

  private static String runId(Map<ActionParameter, String> p) {
    return String.valueOf(p.get(RUN_ID));
  }
}
