package dev.erk.client.testkit;

import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkException;
import dev.erk.client.ErkOutputTooLargeException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.ErkJson;
import dev.erk.client.cli.internal.ActionResults;
import dev.erk.client.cli.internal.LineDelivery;
import dev.erk.client.cli.internal.LineStream;
import dev.erk.client.internal.CommandLines;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays a {@link Reply} on a scheduler, with no process, through the client's own output path: each
 * stream's bytes go to a {@link LineStream} (lines cut and ANSI codes removed exactly as for a real
 * process), lines reach the listener through a {@link LineDelivery} (on the SDK's threads, in
 * order; a listener that throws is logged and the next line delivered), and the result is derived
 * by {@link ActionResults}, as {@code CliErkClient} derives it.
 *
 * <p>As with {@code CliErkClient}, a streamed call's stdout and stderr are the bounded tails of
 * their lines, a run's the raw output. A {@linkplain Reply#hang() hanging} reply keeps its last
 * unterminated line, as a process that keeps its pipes open does. Replies are played on the
 * scheduler's one thread only.
 */
final class InMemoryStream implements StreamHandle {

  private static final ErkJson JSON = ErkJson.create();
  private static final System.Logger LOGGER = System.getLogger(InMemoryStream.class.getName());
  // The client's defaults: CliErkClient.Builder's outputLimit, CliStreamHandle's line and tail.
  private static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;
  private static final int MAX_LINE_CHARS = 1024 * 1024;
  private static final int TAIL_CHARS = 64 * 1024;

  private final ActionRequest request;
  private final Reply reply;
  private final boolean streamed;
  private final ScheduledExecutorService scheduler;
  private final List<String> command = new ArrayList<>();
  private final LineDelivery delivery;
  private final LineStream stdoutLines;
  private final LineStream stderrLines;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final CompletableFuture<ActionResult> completion = new CompletableFuture<>();
  private final long startNanos = System.nanoTime();

  /**
   * @param streamed whether the result carries the lines' tails (a stream) or the raw output (a
   *     run)
   */
  InMemoryStream(
      ActionRequest request,
      Reply reply,
      LineListener listener,
      boolean streamed,
      ScheduledExecutorService scheduler) {
    this.request = request;
    this.reply = reply;
    this.streamed = streamed;
    this.scheduler = scheduler;
    command.add("erk");
    command.addAll(request.arguments());
    delivery =
        new LineDelivery(
            listener,
            null,
            MAX_PENDING_BYTES,
            this::listenerTooSlow,
            LOGGER,
            CommandLines.describe(request.arguments()));
    stdoutLines = new LineStream(OutputLine.Source.STDOUT, delivery, MAX_LINE_CHARS, TAIL_CHARS);
    stderrLines = new LineStream(OutputLine.Source.STDERR, delivery, MAX_LINE_CHARS, TAIL_CHARS);
  }

  void start() {
    Duration timeout = request.timeout();
    if (timeout != null) {
      Future<?> t =
          scheduler.schedule(
              () -> fail(new ErkTimeoutException(command, timeout)),
              timeout.toMillis(),
              TimeUnit.MILLISECONDS);
      // A finished stream must not keep its timer (and this stream) on the scheduler's queue.
      var unused = completion.whenComplete((r, e) -> t.cancel(false));
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
        var unused =
            scheduler.schedule(() -> play(next), step.pause().toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      (step.fd() == 1 ? stdout : stderr).writeBytes(bytes);
      (step.fd() == 1 ? stdoutLines : stderrLines).accept(ByteBuffer.wrap(bytes));
    }
    if (completion.isDone()) {
      return;
    }
    Reply.Ending ending = reply.ending();
    switch (ending.kind()) {
      case EXIT -> exit(ending.code());
      case SIGNAL -> exit(128 + ending.code());
      case HANG -> {} // until cancelled or timed out
    }
  }

  private void exit(int exitCode) {
    stdoutLines.finish();
    stderrLines.finish();
    ActionResult result =
        ActionResults.of(
            command,
            exitCode,
            streamed ? stdoutLines.tail() : stdout.toString(StandardCharsets.UTF_8),
            streamed ? stderrLines.tail() : stderr.toString(StandardCharsets.UTF_8),
            Duration.ofNanos(System.nanoTime() - startNanos),
            JSON);
    delivery.finish(() -> completion.complete(result));
  }

  private void fail(ErkException reason) {
    delivery.abort();
    completion.completeExceptionally(reason);
  }

  private void listenerTooSlow() {
    fail(
        new ErkOutputTooLargeException(
            "the line listener of `"
                + CommandLines.describe(request.arguments())
                + "` fell more than "
                + MAX_PENDING_BYTES
                + " bytes behind; the stream was ended",
            command,
            MAX_PENDING_BYTES));
  }

  @Override
  public ActionRequest request() {
    return request;
  }

  @Override
  public OptionalLong pid() {
    return OptionalLong.empty();
  }

  @Override
  public boolean isRunning() {
    return !completion.isDone();
  }

  @Override
  public void cancel() {
    fail(new ErkCancelledException(command));
  }

  @Override
  public CompletableFuture<ActionResult> completion() {
    return completion;
  }

  @Override
  public void close() {
    cancel();
  }
}
