package dev.erk.client.cli;

import dev.erk.client.cli.internal.BoundedCollector;
import dev.erk.client.cli.internal.Contained;
import dev.erk.client.cli.internal.Execution;
import dev.erk.client.cli.internal.warm.WarmOutcome;
import dev.erk.client.cli.internal.warm.WarmPool;
import dev.erk.client.cli.internal.warm.WarmRun;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs collected calls on the client's warm workers ({@code keepWarm(true)}): the same {@link
 * Collected} a spawned erk gives. A call no worker can take is spawned; a read-only call whose
 * worker died is retried once on a fresh worker, an action never. Streaming actions go to a {@link
 * WarmStream} instead ({@code warmStreams(true)}).
 */
final class WarmCollector {
  private final ClientConfig config;
  private final WarmPool pool;

  WarmCollector(ClientConfig config) {
    this.config = config;
    this.pool =
        WarmPool.create(
            config.executable(),
            config.workingDirectory(),
            config.environment(),
            config.warm(),
            config.killGrace(),
            config.logger());
  }

  /**
   * @param stdin written to the call's standard input, which then ends; null to end it at once
   */
  CompletableFuture<Collected> collect(
      List<String> command,
      @Nullable String stdin,
      @Nullable Duration timeout,
      boolean readOnly,
      Supplier<CompletableFuture<Collected>> spawn) {
    AtomicReference<Runnable> stop = new AtomicReference<>(() -> {});
    CallFuture<Collected> result =
        new CallFuture<>(
            () -> {
              Runnable current = stop.get();
              if (current != null) {
                current.run();
              }
            });
    attempt(command, stdin, timeout, readOnly, spawn, result, stop);
    return result;
  }

  /** A streaming action on a worker taken out of the pool; see {@link WarmStream}. */
  RunningCall stream(
      List<String> command,
      Duration timeout,
      Supplier<Execution> spawn,
      BiConsumer<Execution.@Nullable Exit, @Nullable Throwable> log) {
    return new WarmStream(pool, command, timeout, spawn, log);
  }

  boolean close(Duration wait) {
    return pool.close(wait);
  }

  private void attempt(
      List<String> command,
      @Nullable String stdin,
      @Nullable Duration timeout,
      boolean retry,
      Supplier<CompletableFuture<Collected>> spawn,
      CallFuture<Collected> result,
      AtomicReference<Runnable> stop) {
    AtomicReference<@Nullable WarmRun> self = new AtomicReference<>();
    Runnable overflow =
        () -> {
          WarmRun run = self.get();
          if (run != null) {
            run.terminate(Spawner.tooMuchOutput(config, command));
          }
        };
    BoundedCollector out = new BoundedCollector(config.outputLimit(), overflow);
    BoundedCollector err = new BoundedCollector(config.outputLimit(), overflow);
    WarmRun run = pool.run(command, stdin, timeout, out, err);
    self.set(run);
    stop.set(run::cancel);
    if (result.isDone()) {
      run.cancel();
    }
    Contained.whenDone(
        run.outcome(),
        (outcome, error) -> {
          try {
            if (error != null) {
              log(command, "failed: " + error);
              result.completeExceptionally(Futures.unwrap(error));
            } else if (outcome instanceof WarmOutcome.Exited exited) {
              result.complete(collected(command, exited.exit(), out, err));
            } else if (outcome instanceof WarmOutcome.WorkerDied died && retry) {
              log(command, "lost its worker (exit " + died.exit().exitCode() + "); retrying once");
              attempt(command, stdin, timeout, false, spawn, result, stop);
            } else if (outcome instanceof WarmOutcome.WorkerDied died) {
              result.complete(collected(command, died.exit(), out, err));
            } else {
              CompletableFuture<Collected> spawned = spawn.get();
              stop.set(() -> spawned.cancel(true));
              if (result.isDone()) {
                spawned.cancel(true);
              }
              Contained.whenDone(
                  spawned,
                  (value, failure) -> {
                    if (failure != null) {
                      result.completeExceptionally(Futures.unwrap(failure));
                    } else {
                      result.complete(value);
                    }
                  });
            }
          } catch (Throwable e) {
            result.completeExceptionally(Futures.typed(e, command));
          }
        });
  }

  private Collected collected(
      List<String> command, Execution.Exit exit, BoundedCollector out, BoundedCollector err) {
    log(command, "exited with " + exit.exitCode() + " after " + exit.duration().toMillis() + " ms");
    String stderr = new String(err.bytes(), 0, err.size(), StandardCharsets.UTF_8);
    return new Collected(
        command, exit.exitCode(), out.bytes(), out.size(), stderr, exit.duration());
  }

  private void log(List<String> command, String outcome) {
    System.Logger logger = config.logger();
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(
          Level.DEBUG,
          "erk command {0} in {1} (warm) {2}",
          config.observation().shown(command),
          config.workingDirectory(),
          outcome);
    }
  }
}
