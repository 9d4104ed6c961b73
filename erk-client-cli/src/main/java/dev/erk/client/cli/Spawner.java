package dev.erk.client.cli;

import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkOutputTooLargeException;
import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.internal.BoundedCollector;
import dev.erk.client.cli.internal.Contained;
import dev.erk.client.cli.internal.Execution;
import dev.erk.client.cli.internal.ExecutionSpec;
import dev.erk.client.internal.CommandLines;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** Starts erk processes for one client and wires their output to collectors or listeners. */
final class Spawner {
  private final ClientConfig config;
  private final CallRegistry calls;
  private final @Nullable WarmCollector warm;

  Spawner(ClientConfig config, CallRegistry calls) {
    this.config = config;
    this.calls = calls;
    this.warm = config.warm().enabled() ? new WarmCollector(config) : null;
  }

  /**
   * Like {@link #collect}, but on a warm worker when the client keeps erk warm.
   *
   * @param readOnly whether the call may be run again if its worker dies under it
   */
  CompletableFuture<Collected> collectWarm(
      List<String> command, @Nullable Duration timeout, boolean readOnly, CallEvents events) {
    return collectWarm(command, null, timeout, readOnly, events);
  }

  /**
   * {@link #collectWarm(List, Duration, boolean, CallEvents)} for a command that may read a request
   * on standard input (an {@code erk json …} detail query).
   *
   * @param stdin written to the call's standard input, which then ends; null to end it at once
   */
  CompletableFuture<Collected> collectWarm(
      List<String> command,
      @Nullable String stdin,
      @Nullable Duration timeout,
      boolean readOnly,
      CallEvents events) {
    WarmCollector route = warm;
    return route == null
        ? collect(command, stdin, timeout, events)
        : route.collect(
            command, stdin, timeout, readOnly, () -> collect(command, stdin, timeout, events));
  }

  /** Ends the warm workers, if any; true if they were gone within {@code wait}. */
  boolean closeWarm(Duration wait) {
    WarmCollector route = warm;
    return route == null || route.close(wait);
  }

  /**
   * Runs a command to its end, keeping its output up to the client's limit.
   *
   * @param timeout how long it may run; null for no limit (the caller ends it)
   */
  CompletableFuture<Collected> collect(List<String> command, @Nullable Duration timeout) {
    return collect(command, null, timeout, CallEvents.NONE);
  }

  /** {@link #collect(List, Duration)}, telling the call's events about its process. */
  CompletableFuture<Collected> collect(
      List<String> command, @Nullable Duration timeout, CallEvents events) {
    return collect(command, null, timeout, events);
  }

  /**
   * {@link #collect(List, Duration, CallEvents)} for a command that may read a request on standard
   * input.
   *
   * @param stdin written to the child's standard input, which is then closed; null to close it at
   *     once
   */
  CompletableFuture<Collected> collect(
      List<String> command, @Nullable String stdin, @Nullable Duration timeout, CallEvents events) {
    Execution execution = newExecution(command, stdin, timeout);
    CallFuture<Collected> result = new CallFuture<>(execution::cancel);
    Runnable overflow = () -> execution.terminate(tooMuchOutput(config, command));
    BoundedCollector out = new BoundedCollector(config.outputLimit(), overflow);
    BoundedCollector err = new BoundedCollector(config.outputLimit(), overflow);
    Contained.whenDone(
        execution.exit(),
        (exit, error) -> {
          try {
            log(command, exit, error);
          } finally {
            try {
              if (error != null) {
                result.completeExceptionally(Futures.unwrap(error));
              } else {
                String stderr = new String(err.bytes(), 0, err.size(), StandardCharsets.UTF_8);
                result.complete(
                    new Collected(
                        command,
                        exit.exitCode(),
                        out.bytes(),
                        out.size(),
                        stderr,
                        exit.duration()));
              }
            } catch (Throwable e) {
              result.completeExceptionally(Futures.typed(e, command));
            }
          }
        });
    events.spawned(execution);
    calls.add(execution);
    execution.start(
        events.observe(out, OutputLine.Source.STDOUT),
        events.observe(err, OutputLine.Source.STDERR));
    return result;
  }

  /**
   * Starts a stream once its command line is known; returns its handle at once.
   *
   * @param command completes with the argv (after generation detection, if needed)
   */
  StreamHandle stream(
      ActionRequest request,
      CompletableFuture<List<String>> command,
      Duration timeout,
      LineListener listener,
      CallEvents events) {
    CliStreamHandle handle = new CliStreamHandle(request, config, timeout, listener);
    // track returns the future it is given, which the handle already holds.
    CompletableFuture<ActionResult> unused = calls.track(handle.completion());
    Contained.whenDone(
        command,
        (argv, error) -> {
          if (error != null) {
            handle.failBeforeStart(Futures.typed(Futures.unwrap(error), request.arguments()));
            return;
          }
          RunningCall call = null;
          try {
            WarmCollector route = config.warm().warmStreams() ? warm : null;
            call =
                route == null
                    ? RunningCall.spawned(spawned(argv, timeout, events))
                    : route.stream(
                        argv,
                        timeout,
                        () -> spawned(argv, timeout, events),
                        (exit, failure) -> log(argv, exit, failure));
            handle.start(call, events);
          } catch (Throwable e) {
            if (call != null) {
              call.cancel();
            }
            handle.failBeforeStart(Futures.typed(e, argv));
          }
        });
    return handle;
  }

  /** A stream's execution, logged, observed and known to the client; not started. */
  private Execution spawned(List<String> argv, Duration timeout, CallEvents events) {
    Execution execution = newExecution(argv, null, timeout);
    Contained.whenDone(execution.exit(), (exit, failure) -> log(argv, exit, failure));
    events.spawned(execution);
    calls.add(execution);
    return execution;
  }

  private Execution newExecution(
      List<String> command, @Nullable String stdin, @Nullable Duration timeout) {
    return new Execution(
        new ExecutionSpec(
            command,
            config.workingDirectory(),
            config.environment(),
            timeout,
            config.killGrace(),
            stdin));
  }

  /** The failure of a call whose output passed the client's limit, spawned or warm. */
  static ErkOutputTooLargeException tooMuchOutput(ClientConfig config, List<String> command) {
    return new ErkOutputTooLargeException(
        "`"
            + CommandLines.describe(command)
            + "` printed more than the output limit of "
            + config.outputLimit()
            + " bytes; it was killed",
        command,
        config.outputLimit());
  }

  private void log(List<String> command, Execution.@Nullable Exit exit, @Nullable Throwable error) {
    System.Logger logger = config.logger();
    if (!logger.isLoggable(Level.DEBUG)) {
      return;
    }
    String outcome =
        error != null || exit == null
            ? "failed: " + error
            : "exited with " + exit.exitCode() + " after " + exit.duration().toMillis() + " ms";
    logger.log(
        Level.DEBUG,
        "erk command {0} in {1} {2}",
        config.observation().shown(command),
        config.workingDirectory(),
        outcome);
  }
}
