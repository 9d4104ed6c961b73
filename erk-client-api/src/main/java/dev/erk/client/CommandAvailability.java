package dev.erk.client;

import static dev.erk.client.ErkGeneration.V0_7;
import static dev.erk.client.ErkGeneration.V0_9_11;

import org.jspecify.annotations.Nullable;

/** Which erk generation lacks which catalogue action (contract §4.8). */
final class CommandAvailability {
  private CommandAvailability() {}

  /** Why the generation lacks the action, or null if it has it. */
  static @Nullable String missing(DashboardAction action, ErkGeneration generation) {
    return switch (action) {
      case CLOSE_PR -> generation == V0_7
          ? "`erk exec close-pr` was added in erk 0.9.0 (0.7.x has only `erk plan close`)"
          : null;
      case REWRITE_REMOTE -> generation == V0_7
          ? "`erk launch pr-rewrite` was added in erk 0.9.0"
          : null;
      case INCREMENTAL_DISPATCH -> olderThan(V0_9_11, generation)
          ? "`erk exec incremental-dispatch` was added in erk v0.9.11"
          : null;
      case CMUX_CHECKOUT, CMUX_TELEPORT -> olderThan(V0_9_11, generation)
          ? "`erk exec cmux-open-pr` was added in erk v0.9.11"
          : null;
      case CHECK_OBJECTIVE, CLOSE_OBJECTIVE, ONE_SHOT_PLAN, UPDATE_OBJECTIVE_AFTER_LAND,
          ONE_SHOT_PROMPT -> generation == V0_7
          ? "objectives and one-shot plans came with erk 0.9.0"
          : null;
      case CANCEL_RUN, RETRY_RUN, RETRY_FAILED_RUN -> generation != ErkGeneration.CURRENT
          ? "`erk workflow run cancel/retry` were added after erk v0.9.11"
          : null;
      case DISPATCH_TO_QUEUE, LAND_PR, ADDRESS_REMOTE, REBASE_REMOTE -> null;
    };
  }

  /** True when {@code generation} is older than {@code than} (enum order runs newest first). */
  private static boolean olderThan(ErkGeneration than, ErkGeneration generation) {
    return generation.compareTo(than) > 0;
  }

}
