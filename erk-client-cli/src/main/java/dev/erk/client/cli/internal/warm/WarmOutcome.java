package dev.erk.client.cli.internal.warm;

import dev.erk.client.cli.internal.Execution;

/** How a warm call ended, when it was not cancelled, timed out or killed for its output. */
public sealed interface WarmOutcome {

  /** The call ran and exited: its exit code as a spawned erk's would have been. */
  record Exited(Execution.Exit exit) implements WarmOutcome {}

  /**
   * The worker itself died while running the call (crash, OOM kill): the exit code is the worker's,
   * the output is what had arrived. Nothing says whether the call had done its work.
   */
  record WorkerDied(Execution.Exit exit) implements WarmOutcome {}

  /** No worker ran the call (erk is not a Python console script, protocol error …): spawn it. */
  record Unavailable(String reason) implements WarmOutcome {}
}
