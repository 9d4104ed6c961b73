package dev.erk.client;

import static dev.erk.client.ErkGeneration.CURRENT;
import static dev.erk.client.ErkGeneration.V0_7;
import static dev.erk.client.ErkGeneration.V0_9_11;

import org.jspecify.annotations.Nullable;

/**
 * Which erk generation lacks which catalogue action (docs/erk-generations.md, "Command facts"),
 * checked against the click registrations in erk's source. Versions named are the first release tag
 * that contains the command. A generation is a row schema, so it spans several releases: {@link
 * ErkGeneration#V0_7} is 0.7.0–0.7.4, {@link ErkGeneration#V0_9_0} is 0.9.0 and its development
 * builds, {@link ErkGeneration#V0_9_11} is 0.9.1–0.9.11. An action is offered when the revision the
 * contract verified for the generation (0025aec, bfa7566, v0.9.11, 2656c0e1a) has the command.
 */
final class CommandAvailability {
  private CommandAvailability() {}

  /** Why the generation lacks the action, or null if it has it. */
  static @Nullable String missing(DashboardAction action, ErkGeneration generation) {
    return switch (action) {
      // exec/group.py registers close-pr from bfa7566 on; 0025aec registers
      // close-issue-with-comment, which the catalogue uses there. `pr close` / `plan close`
      // exist at every revision.
      case CLOSE_PR, CLOSE_PLAN -> null;
      // constants.py WORKFLOW_COMMAND_MAP: no "pr-rewrite" at 0025aec; present at bfa7566
      // (a 0.9.0 development build); first release tag containing it is v0.9.1.
      case REWRITE_REMOTE ->
          generation == V0_7
              ? "`erk launch pr-rewrite` was added in erk 0.9 (first released in 0.9.1)"
              : null;
      // exec/group.py registers incremental-dispatch at v0.9.11, not at bfa7566; the script was
      // added in 1f0003c46 (first release 0.9.6).
      case INCREMENTAL_DISPATCH ->
          generation.isOlderThan(V0_9_11)
              ? "`erk exec incremental-dispatch` was added in erk 0.9.6"
              : null;
      // exec/group.py registers cmux-open-pr (with --mode) at v0.9.11; 7065d4546 (first
      // release 0.9.10) renamed it from cmux-checkout-workspace, which had no --mode.
      case CMUX_CHECKOUT, CMUX_TELEPORT ->
          generation.isOlderThan(V0_9_11)
              ? "`erk exec cmux-open-pr` was added in erk 0.9.10"
              : null;
      // 0025aec objective/__init__.py registers check and close (added in 0.7.1 and 0.7.0);
      // they take the same OBJECTIVE_REF / ISSUE_REF [-f] at every revision.
      case CHECK_OBJECTIVE, CLOSE_OBJECTIVE -> null;
      // 0025aec has only the interactive `objective next-plan`; objective/plan_cmd.py with
      // --one-shot came in 04bb89312 (first release 0.8.0).
      case ONE_SHOT_PLAN ->
          generation == V0_7
              ? "`erk objective plan --one-shot` was added in erk 0.8.0"
                  + " (0.7.x has only the interactive `erk objective next-plan`)"
              : null;
      // exec/scripts/objective_update_after_land.py: absent at 0025aec, added in 4228c0986
      // (first release 0.8.0).
      case UPDATE_OBJECTIVE_AFTER_LAND ->
          generation == V0_7
              ? "`erk exec objective-update-after-land` was added in erk 0.8.0"
              : null;
      // cli.py registers one_shot from bfa7566 on, not at 0025aec (0.7.2); one_shot.py was
      // added in 934ac33b8 (first release 0.7.3, hidden until after 0.9.0).
      case ONE_SHOT_PROMPT ->
          generation == V0_7
              ? "`erk one-shot` was added in erk 0.7.3 (this contract covers 0.7.2)"
              : null;
      // run/__init__.py registers cancel and retry only at 2656c0e1a (9261f93b1, untagged).
      case CANCEL_RUN, RETRY_RUN, RETRY_FAILED_RUN ->
          generation != CURRENT
              ? "`erk workflow run cancel/retry` were added after erk 0.9.11 (not in any release)"
              : null;
      case DISPATCH_TO_QUEUE, LAND_PR, ADDRESS_REMOTE, REBASE_REMOTE -> null;
    };
  }
}
