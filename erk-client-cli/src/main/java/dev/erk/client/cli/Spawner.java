package dev.erk.client.cli;

import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkException;
import dev.erk.client.ErkStartException;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.internal.BoundedCollector;
import dev.erk.client.cli.internal.Execution;
import dev.erk.client.cli.internal.LineDelivery;
import dev.erk.client.cli.internal.LineStream;
import dev.erk.client.cli.internal.ProcessOutput;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Starts erk processes for one client and wires their output to collectors or listeners. */
final class Spawner {
  private static final int TAIL_CHARS = 64 * 1024;
  private static final int MAX_LINE_CHARS = 1024 * 1024;

  private final ClientConfig config;
  private final Set<Execution> running = ConcurrentHashMap.newKeySet();

  Spawner(ClientConfig config) {
    this.config = config;
  }

  /** Runs a command to its end, keeping its output up to the client's limit. */
  CompletableFuture<Collected> collect(List<String> command, Duration timeout) {
    Execution execution = newExecution(command, timeout);
    CallFuture<Collected> result = new CallFuture<>(execution::cancel);
    Runnable overflow = () -> execution.terminate(tooMuchOutput(command));
    BoundedCollector out = new BoundedCollector(config.outputLimit(), overflow);
    BoundedCollector err = new BoundedCollector(config.outputLimit(), overflow);
    if (!start(execution, out, err, result)) {
      return result;
    }
    execution.exit().whenComplete((exit, error) -> {
      log(command, exit, error);
      if (error != null) {
        result.completeExceptionally(Blocking.unwrap(error, command));
      } else {
        String stderr = new String(err.bytes(), 0, err.size(), StandardCharsets.UTF_8);
        result.complete(new Collected(command, exit.exitCode(), out.bytes(), out.size(), stderr,
            exit.duration()));
      }
    });
    return result;
  }

  /** Starts a command whose lines go to the listener; returns at once. */
  StreamHandle stream(ActionRequest request, List<String> command, Duration timeout,
      LineListener listener) {
    Execution execution = newExecution(command, timeout);
    CallFuture<ActionResult> completion = new CallFuture<>(execution::cancel);
    LineDelivery delivery = new LineDelivery(listener, config.callbackExecutor(),
        config.outputLimit(), () -> execution.terminate(listenerTooSlow(command)),
        config.logger(), ErkException.describe(command));
    LineStream out = new LineStream(OutputLine.Source.STDOUT, delivery, MAX_LINE_CHARS, TAIL_CHARS);
    LineStream err = new LineStream(OutputLine.Source.STDERR, delivery, MAX_LINE_CHARS, TAIL_CHARS);
    CliStreamHandle handle = new CliStreamHandle(request, execution, completion);
    if (!start(execution, out, err, completion)) {
      return handle;
    }
    execution.exit().whenComplete((exit, error) -> {
      log(command, exit, error);
      delivery.close(() -> {
        if (error != null) {
          completion.completeExceptionally(Blocking.unwrap(error, command));
        } else {
          byte[] stdout = out.tail().getBytes(StandardCharsets.UTF_8);
          Collected collected = new Collected(command, exit.exitCode(), stdout, stdout.length,
              err.tail(), exit.duration());
          completion.complete(collected.toResult(config.json()));
        }
      });
    });
    return handle;
  }

  /** Cancels everything still running. */
  void cancelAll() {
    running.forEach(Execution::cancel);
  }

  private Execution newExecution(List<String> command, Duration timeout) {
    return new Execution(new Execution.Spec(command, config.workingDirectory(),
        config.environment(), timeout, config.killGrace(), config.callbackExecutor()));
  }

  /** Starts the execution, or fails {@code result} at once if the executable cannot run. */
  private boolean start(Execution execution, ProcessOutput out, ProcessOutput err,
      CompletableFuture<?> result) {
    try {
      Executables.checkRunnable(config.executable(), execution.command());
    } catch (ErkStartException e) {
      result.completeExceptionally(e);
      return false;
    }
    running.add(execution);
    execution.exit().whenComplete((exit, error) -> running.remove(execution));
    execution.start(out, err);
    return true;
  }

  private ErkUnreadableOutputException tooMuchOutput(List<String> command) {
    return new ErkUnreadableOutputException("`" + ErkException.describe(command)
        + "` printed more than the output limit of " + config.outputLimit()
        + " bytes; it was killed", command, "", config.outputLimit(), null);
  }

  private ErkUnreadableOutputException listenerTooSlow(List<String> command) {
    return new ErkUnreadableOutputException("the line listener of `"
        + ErkException.describe(command) + "` fell more than " + config.outputLimit()
        + " characters behind; the command was killed", command, "", -1, null);
  }

  private void log(List<String> command, Execution.Exit exit, Throwable error) {
    System.Logger logger = config.logger();
    if (!logger.isLoggable(Level.DEBUG)) {
      return;
    }
    String outcome = error != null ? "failed: " + error.getMessage()
        : "exited with " + exit.exitCode() + " after " + exit.duration().toMillis() + " ms";
    logger.log(Level.DEBUG, "erk command {0} in {1} {2}", command, config.workingDirectory(),
        outcome);
  }
}
