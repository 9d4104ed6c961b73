package dev.erk.client.testkit;

import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.ErkJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** Plays a {@link Reply} as a stream of {@link OutputLine}s on a scheduler: no process. */
final class InMemoryStream implements StreamHandle {

  private static final ErkJson JSON = ErkJson.create();

  private final ActionRequest request;
  private final Reply reply;
  private final LineListener listener;
  private final ScheduledExecutorService scheduler;
  private final List<String> command = new ArrayList<>();
  private final StringBuilder stdout = new StringBuilder();
  private final StringBuilder stderr = new StringBuilder();
  private final CompletableFuture<ActionResult> completion = new CompletableFuture<>();
  private final Instant started = Instant.now();
  private long sequence;

  InMemoryStream(ActionRequest request, Reply reply, LineListener listener,
      ScheduledExecutorService scheduler) {
    this.request = request;
    this.reply = reply;
    this.listener = listener;
    this.scheduler = scheduler;
    command.add("erk");
    command.addAll(request.arguments());
  }

  void start() {
    Duration timeout = request.timeout();
    if (timeout != null) {
      scheduler.schedule(() -> completion.completeExceptionally(
          new ErkTimeoutException(command, timeout)), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    scheduler.execute(() -> play(0));
  }

  private void play(int from) {
    List<Reply.Step> steps = reply.steps();
    for (int i = from; i < steps.size() && !completion.isDone(); i++) {
      Reply.Step step = steps.get(i);
      byte[] bytes = step.bytes();
      if (bytes == null) {
        int next = i + 1;
        scheduler.schedule(() -> play(next), step.pause().toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      boolean out = step.fd() == 1;
      (out ? stdout : stderr).append(text);
      for (String line : text.split("\r\n|\r|\n")) {
        if (!line.isEmpty()) {
          OutputLine.Source source = out ? OutputLine.Source.STDOUT : OutputLine.Source.STDERR;
          listener.onLine(new OutputLine(source, line, sequence++, Instant.now()));
        }
      }
    }
    Reply.Ending ending = reply.ending();
    switch (ending.kind()) {
      case EXIT -> completion.complete(result(ending.code()));
      case SIGNAL -> completion.complete(result(128 + ending.code()));
      case HANG -> {} // until cancelled or timed out
    }
  }

  private ActionResult result(int exitCode) {
    Map<String, @Nullable Object> envelope = JSON.decodeObject(stdout.toString());
    boolean success = exitCode == 0 && (envelope == null || !Boolean.FALSE.equals(envelope.get("success")));
    String message = "";
    Object said = envelope == null ? null
        : envelope.get("error") != null ? envelope.get("error") : envelope.get("message");
    if (said != null) {
      message = said.toString();
    } else {
      String[] lines = stderr.toString().strip().split("\n");
      message = lines[lines.length - 1].strip();
      if (message.isEmpty() && exitCode != 0) {
        message = "erk exited with code " + exitCode;
      }
    }
    return new ActionResult(command, exitCode, stdout.toString(), stderr.toString(), success,
        message, envelope, Duration.between(started, Instant.now()));
  }

  @Override
  public ActionRequest request() {
    return request;
  }

  @Override
  public long pid() {
    return -1;
  }

  @Override
  public boolean isRunning() {
    return !completion.isDone();
  }

  @Override
  public void cancel() {
    completion.completeExceptionally(new ErkCancelledException(command));
  }

  @Override
  public CompletableFuture<ActionResult> completion() {
    return completion;
  }

  @Override
  public Optional<ActionResult> await(Duration timeout) {
    try {
      return Optional.of(completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ErkCancelledException(command);
    }
  }

  @Override
  public void close() {
    cancel();
  }
}
