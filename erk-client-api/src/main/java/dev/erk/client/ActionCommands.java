package dev.erk.client;

import static dev.erk.client.ActionParameter.BRANCH;
import static dev.erk.client.ActionParameter.COMMENT;
import static dev.erk.client.ActionParameter.LINKED_PR_NUMBER;
import static dev.erk.client.ActionParameter.OBJECTIVE_NUMBER;
import static dev.erk.client.ActionParameter.PLAN_FILE;
import static dev.erk.client.ActionParameter.PROMPT;
import static dev.erk.client.ActionParameter.PR_NUMBER;
import static dev.erk.client.ActionParameter.RUN_ID;
import static dev.erk.client.ErkGeneration.CURRENT;
import static dev.erk.client.ErkGeneration.V0_7;
import static dev.erk.client.ErkGeneration.V0_9_0;

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
      case CLOSE_PR -> List.of("exec", "close-pr", pr, "--comment=" + p.get(COMMENT));
      // 0025aec submit.py `plan submit ISSUE_NUMBERS...` takes the plan issue's number (the TUI
      // ran it without -f: tui/app.py); `pr dispatch` was added in 0.9.0 (pr/dispatch_cmd.py).
      case DISPATCH_TO_QUEUE ->
          generation == V0_7 ? List.of("plan", "submit", pr) : List.of("pr", "dispatch", pr);
      case LAND_PR -> land(p, generation);
      case UPDATE_OBJECTIVE_AFTER_LAND -> List.of("exec", "objective-update-after-land",
          "--objective=" + p.get(OBJECTIVE_NUMBER), "--pr=" + pr, "--branch=" + p.get(BRANCH));
      case ADDRESS_REMOTE -> launch("pr-address", linkedPr(p, generation));
      // constants.py WORKFLOW_COMMAND_MAP: "pr-fix-conflicts" at 0025aec and bfa7566,
      // "pr-rebase" from v0.9.1 on (d26ac8d2c).
      case REBASE_REMOTE -> launch(
          generation.compareTo(V0_9_0) >= 0 ? "pr-fix-conflicts" : "pr-rebase",
          linkedPr(p, generation));
      case REWRITE_REMOTE -> launch("pr-rewrite", pr);
      case INCREMENTAL_DISPATCH -> List.of("exec", "incremental-dispatch",
          "--plan-file=" + p.get(PLAN_FILE), "--pr", pr, "--format", "json");
      case CMUX_CHECKOUT -> cmux(pr, p, "checkout");
      case CMUX_TELEPORT -> cmux(pr, p, "teleport");
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
      case CLOSE_PR -> "erk pr close " + pr;
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
   * exec/scripts/land_execute.py: --pr-number and --branch at every revision; the learn-plan
   * source is --plan-number at bfa7566 and v0.9.11 and --linked-pr-number at 2656c0e1a; 0025aec
   * has neither. The v0.9.11 TUI (tui/actions/palette.py) passes --plan-number=plan_id unless
   * the plan is a learn plan; bfa7566's TUI omitted it, but its `erk land` (land_cmd.py) passes
   * it, so it is passed for 0.9.0 too.
   */
  private static List<String> land(Map<ActionParameter, String> p, ErkGeneration generation) {
    List<String> args = new ArrayList<>(List.of("exec", "land-execute",
        "--pr-number=" + linkedPr(p, generation), "--branch=" + p.get(BRANCH), "-f"));
    String linked = p.get(LINKED_PR_NUMBER);
    if (linked != null && generation == CURRENT) {
      args.add("--linked-pr-number=" + linked);
    } else if (linked != null && generation != V0_7) {
      args.add("--plan-number=" + p.get(PR_NUMBER));
    }
    return List.copyOf(args);
  }

  /**
   * The PR a launch or land acts on: the plan itself, except for 0.7.x issue-backed plans, where
   * the 0025aec TUI (tui/app.py) passes the linked implementation PR's {@code pr_number}, not
   * the issue number, to {@code launch --pr} and {@code land-execute --pr-number}.
   */
  private static String linkedPr(Map<ActionParameter, String> p, ErkGeneration generation) {
    if (generation == V0_7) {
      String linked = p.get(LINKED_PR_NUMBER);
      if (linked == null) {
        throw new IllegalArgumentException(
            "erk 0.7.x launches act on the plan's linked PR, and this plan has none");
      }
      return linked;
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
