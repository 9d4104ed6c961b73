package dev.erk.client.cli;

import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkException;
import dev.erk.client.cli.internal.Contained;
import dev.erk.client.cli.internal.Execution;
import dev.erk.client.cli.internal.ProcessOutput;
import dev.erk.client.cli.internal.warm.WarmOutcome;
import dev.erk.client.cli.internal.warm.WarmPool;
import dev.erk.client.cli.internal.warm.WarmRun;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A streaming action on a warm worker ({@code warmStreams(true)}). The worker's output
 * notifications reach the stream's outputs as they arrive, so lines are split and delivered as for
 * a spawned erk, and the call ends with the exit code a spawned erk would have had. The worker is
 * taken out of the pool for the whole run. Ending the call (cancel, timeout, client close, a
 * listener too far behind) kills the worker's whole tree, and {@link #exit()} fails once the worker
 * is gone; the pool starts a fresh worker for later calls. A worker that dies under the call ends
 * it with the worker's exit code: streams are actions, never retried. A call no worker can take
 * (erk is no Python console script, a protocol error) is spawned.
 */
final class WarmStream implements RunningCall {
  private final WarmPool pool;
  private final List<String> command;
  private final Duration timeout;
  private final Supplier<Execution> spawn;
  private final BiConsumer<Execution.@Nullable Exit, @Nullable Throwable> log;
  private final CompletableFuture<Execution.Exit> exit = new CompletableFuture<>();
  private @Nullable WarmRun run;
  private @Nullable Execution spawned;
  private @Nullable ErkException stopped;

  /**
   * @param spawn creates the execution (not started) that runs the call if no worker can
   * @param log told how a call that ran warm ended
   */
  WarmStream(
      WarmPool pool,
      List<String> command,
      Duration timeout,
      Supplier<Execution> spawn,
      BiConsumer<Execution.@Nullable Exit, @Nullable Throwable> log) {
    this.pool = pool;
    this.command = List.copyOf(command);
    this.timeout = timeout;
    this.spawn = spawn;
    this.log = log;
  }

  @Override
  public List<String> command() {
    return command;
  }

  @Override
  public void start(ProcessOutput stdout, ProcessOutput stderr) {
    synchronized (this) {
      if (stopped != null || run != null) {
        return;
      }
    }
    WarmRun started = pool.stream(command, timeout, stdout, stderr);
    ErkException early;
    synchronized (this) {
      run = started;
      early = stopped;
    }
    if (early != null) {
      started.terminate(early);
    }
    Contained.whenDone(
        started.settled(),
        (settled, never) ->
            Contained.whenDone(
                started.outcome(),
                (outcome, error) -> {
                  try {
                    ended(outcome, error, stdout, stderr);
                  } catch (Throwable e) {
                    exit.completeExceptionally(Futures.typed(e, command));
                  }
                }));
  }

  private void ended(
      @Nullable WarmOutcome outcome,
      @Nullable Throwable error,
      ProcessOutput stdout,
      ProcessOutput stderr) {
    if (error != null || outcome == null) {
      Throwable cause =
          error != null ? Futures.unwrap(error) : new IllegalStateException("no outcome");
      log.accept(null, cause);
      exit.completeExceptionally(cause);
    } else if (outcome instanceof WarmOutcome.Exited exited) {
      log.accept(exited.exit(), null);
      exit.complete(exited.exit());
    } else if (outcome instanceof WarmOutcome.WorkerDied died) {
      log.accept(died.exit(), null);
      exit.complete(died.exit());
    } else {
      fallBack(stdout, stderr);
    }
  }

  /** No worker took the call: it is spawned, with the same outputs (nothing reached them yet). */
  private void fallBack(ProcessOutput stdout, ProcessOutput stderr) {
    Execution execution;
    ErkException early;
    synchronized (this) {
      early = stopped;
      execution = early == null ? spawn.get() : null;
      spawned = execution;
    }
    if (execution == null) {
      exit.completeExceptionally(
          early != null ? early : new IllegalStateException("neither spawned nor stopped"));
      return;
    }
    Contained.whenDone(
        execution.exit(),
        (value, error) -> {
          if (error != null) {
            exit.completeExceptionally(Futures.unwrap(error));
          } else {
            exit.complete(value);
          }
        });
    execution.start(stdout, stderr);
  }

  @Override
  public CompletableFuture<Execution.Exit> exit() {
    return exit;
  }

  @Override
  public OptionalLong pid() {
    // Read under the lock, asked outside it: output arrives under the run's or execution's lock
    // and may end this call (terminate takes this lock).
    Execution fallback;
    WarmRun warm;
    synchronized (this) {
      fallback = spawned;
      warm = run;
    }
    if (fallback != null) {
      long pid = fallback.pid();
      return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    }
    return warm == null ? OptionalLong.empty() : warm.workerPid();
  }

  @Override
  public boolean isRunning() {
    return !exit.isDone();
  }

  @Override
  public void terminate(ErkException reason) {
    WarmRun warm;
    Execution fallback;
    synchronized (this) {
      if (stopped != null) {
        return;
      }
      stopped = reason;
      warm = run;
      fallback = spawned;
    }
    if (fallback != null) {
      fallback.terminate(reason);
    } else if (warm != null) {
      warm.terminate(reason);
    } else {
      exit.completeExceptionally(reason);
    }
  }

  @Override
  public void cancel() {
    terminate(new ErkCancelledException(command));
  }
}
