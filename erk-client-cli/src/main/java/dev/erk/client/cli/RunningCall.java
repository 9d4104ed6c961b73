package dev.erk.client.cli;

import dev.erk.client.ErkException;
import dev.erk.client.cli.internal.Execution;
import dev.erk.client.cli.internal.ProcessOutput;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * One call a {@link CliStreamHandle} runs: a spawned erk process ({@link #spawned}) or a call on a
 * warm worker ({@link WarmStream}). Both end the same way: {@link #exit()} completes with the exit
 * code whatever it is, or fails with the reason the call was ended, once what ran it is gone.
 */
interface RunningCall {

  /** A call run by a spawned process. */
  static RunningCall spawned(Execution execution) {
    return new Spawned(execution);
  }

  /** The argv the call runs, the executable first. */
  List<String> command();

  /** Starts the call; its output goes to the given outputs, as {@link Execution#start} says. */
  void start(ProcessOutput stdout, ProcessOutput stderr);

  /** See the type's description; completed on an SDK thread. */
  CompletableFuture<Execution.Exit> exit();

  /** The process whose tree ending the call kills, once there is one. */
  OptionalLong pid();

  /** True until the call is over. */
  boolean isRunning();

  /** Ends the call's process tree; {@link #exit()} then fails with {@code reason}. Idempotent. */
  void terminate(ErkException reason);

  /** Ends the call; {@link #exit()} fails with {@link dev.erk.client.ErkCancelledException}. */
  void cancel();

  /** {@link RunningCall} of an {@link Execution}. */
  record Spawned(Execution execution) implements RunningCall {
    @Override
    public List<String> command() {
      return execution.command();
    }

    @Override
    public void start(ProcessOutput stdout, ProcessOutput stderr) {
      execution.start(stdout, stderr);
    }

    @Override
    public CompletableFuture<Execution.Exit> exit() {
      return execution.exit();
    }

    @Override
    public OptionalLong pid() {
      long pid = execution.pid();
      return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    @Override
    public boolean isRunning() {
      return execution.isRunning();
    }

    @Override
    public void terminate(ErkException reason) {
      execution.terminate(reason);
    }

    @Override
    public void cancel() {
      execution.cancel();
    }
  }
}
