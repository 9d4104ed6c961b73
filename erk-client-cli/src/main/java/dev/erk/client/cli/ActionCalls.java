package dev.erk.client.cli;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCall;
import dev.erk.client.ErkGeneration;
import dev.erk.client.LineListener;
import dev.erk.client.StreamHandle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a {@link CliErkClient}'s actions: {@code run} collects the output (on a warm worker unless
 * the action streams), {@code stream} hands each line to a listener. An action whose command line
 * depends on erk's generation waits for the generation first.
 */
final class ActionCalls {
  private final ClientConfig config;
  private final CallStarter starter;
  private final Spawner spawner;
  private final GenerationDetector detector;

  ActionCalls(
      ClientConfig config, CallStarter starter, Spawner spawner, GenerationDetector detector) {
    this.config = config;
    this.starter = starter;
    this.spawner = spawner;
    this.detector = detector;
  }

  ActionResult run(ActionRequest request) {
    // Until the generation is known, the current generation's argv is the best real argv.
    AtomicReference<List<String>> argv =
        new AtomicReference<>(starter.command(request.arguments()));
    return Blocking.await(runAsync(request, argv::set), argv::get);
  }

  CompletableFuture<ActionResult> runAsync(
      ActionRequest request, Consumer<List<String>> argvKnown) {
    starter.checkOpen();
    List<String> display = starter.command(List.of(request.display()));
    CallEvents events = config.observation().start(ErkCall.Kind.RUN, request, config.executable());
    return events.track(
        starter.async(
            display,
            () ->
                Futures.compose(
                    detector.forRequest(request),
                    display,
                    generation -> {
                      List<String> command = starter.command(request.arguments(generation));
                      argvKnown.accept(command);
                      CompletableFuture<Collected> collected =
                          request.kind() == ActionKind.STREAMING
                              ? spawner.collect(command, timeoutFor(request), events)
                              : spawner.collectWarm(command, timeoutFor(request), false, events);
                      return Futures.chain(collected, command, c -> c.toResult(config.json()));
                    })));
  }

  StreamHandle stream(ActionRequest request, LineListener listener) {
    starter.checkOpen();
    CompletableFuture<ErkGeneration> generation = detector.forRequest(request);
    CompletableFuture<List<String>> command;
    if (generation.isDone() && !generation.isCompletedExceptionally()) {
      command =
          CompletableFuture.completedFuture(starter.command(request.arguments(generation.join())));
    } else {
      command = generation.thenApply(g -> starter.command(request.arguments(g)));
    }
    CallEvents events =
        config.observation().start(ErkCall.Kind.STREAM, request, config.executable());
    StreamHandle handle = spawner.stream(request, command, timeoutFor(request), listener, events);
    // track returns the future it is given, which the handle already holds.
    CompletableFuture<ActionResult> unused = events.track(handle.completion());
    return handle;
  }

  CompletableFuture<ActionResult> streamAsync(ActionRequest request, LineListener listener) {
    starter.checkOpen();
    List<String> display = starter.command(List.of(request.display()));
    return starter.async(display, () -> stream(request, listener).completion());
  }

  private Duration timeoutFor(ActionRequest request) {
    Duration timeout = request.timeout();
    if (timeout != null) {
      return timeout;
    }
    return request.kind() == ActionKind.STREAMING ? config.streamTimeout() : config.actionTimeout();
  }
}
