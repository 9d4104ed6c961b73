package dev.erk.client.testkit;

import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.ErkJson;
import java.io.ByteArrayOutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Plays a {@link Reply} as a stream of {@link OutputLine}s on a scheduler: no process.
 *
 * <p>Lines are cut as the CLI client cuts them: per stream, on LF, CRLF or a bare CR, across step
 * boundaries (a step need not end a line), empty lines included, a final unterminated line
 * delivered at the end, ANSI escape sequences removed. A listener that throws is logged and the
 * next line is delivered. All state is touched on the scheduler's one thread only.
 */
final class InMemoryStream implements StreamHandle {

  private static final ErkJson JSON = ErkJson.create();
  private static final System.Logger LOGGER = System.getLogger(InMemoryStream.class.getName());
  private static final Pattern ANSI = Pattern.compile(
      "\\u001B\\[[0-?]*[ -/]*[@-~]|\\u001B[\\]PX^_][^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)?"
          + "|\\u001B[ -/]*[0-~]");

  private final ActionRequest request;
  private final Reply reply;
  private final LineListener listener;
  private final ScheduledExecutorService scheduler;
  private final List<String> command = new ArrayList<>();
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final ByteArrayOutputStream[] pending = {new ByteArrayOutputStream(),
      new ByteArrayOutputStream()};
  private final boolean[] afterCr = new boolean[2];
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
      Future<?> t = scheduler.schedule(() -> completion.completeExceptionally(
          new ErkTimeoutException(command, timeout)), timeout.toMillis(), TimeUnit.MILLISECONDS);
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
      int fd = step.fd() == 1 ? 0 : 1;
      (fd == 0 ? stdout : stderr).writeBytes(bytes);
      for (byte b : bytes) {
        if (b == '\n' && afterCr[fd]) {
          afterCr[fd] = false;
        } else if (b == '\n' || b == '\r') {
          afterCr[fd] = b == '\r';
          deliver(fd, pending[fd].toString(StandardCharsets.UTF_8), true);
          pending[fd].reset();
        } else {
          afterCr[fd] = false;
          pending[fd].write(b);
        }
      }
    }
    if (completion.isDone()) {
      return;
    }
    for (int fd = 0; fd < 2; fd++) {
      if (pending[fd].size() > 0) {
        deliver(fd, pending[fd].toString(StandardCharsets.UTF_8), false);
        pending[fd].reset();
      }
    }
    Reply.Ending ending = reply.ending();
    switch (ending.kind()) {
      case EXIT -> completion.complete(result(ending.code()));
      case SIGNAL -> completion.complete(result(128 + ending.code()));
      case HANG -> {} // until cancelled or timed out
    }
  }

  private void deliver(int fd, String raw, boolean terminated) {
    String text = ANSI.matcher(raw).replaceAll("");
    if (text.isEmpty() && !terminated) {
      return;
    }
    OutputLine.Source source = fd == 0 ? OutputLine.Source.STDOUT : OutputLine.Source.STDERR;
    try {
      listener.onLine(new OutputLine(source, text, sequence++, Instant.now()));
    } catch (RuntimeException | LinkageError | AssertionError e) {
      LOGGER.log(Level.WARNING, "line listener of `" + String.join(" ", command)
          + "` threw; the stream goes on", e);
    }
  }

  private ActionResult result(int exitCode) {
    String out = stdout.toString(StandardCharsets.UTF_8);
    String err = stderr.toString(StandardCharsets.UTF_8);
    Map<String, @Nullable Object> envelope = JSON.decodeObject(out);
    boolean success =
        exitCode == 0 && (envelope == null || !Boolean.FALSE.equals(envelope.get("success")));
    String message = "";
    Object said = envelope == null ? null
        : envelope.get("error") != null ? envelope.get("error") : envelope.get("message");
    if (said != null) {
      message = said.toString();
    } else {
      message = lastLine(err.isBlank() ? out : err);
      if (message.isEmpty() && exitCode != 0) {
        message = "erk exited with code " + exitCode;
      }
    }
    return new ActionResult(command, exitCode, out, err, success, message, envelope,
        Duration.between(started, Instant.now()));
  }

  private static String lastLine(String text) {
    String[] lines = ANSI.matcher(text).replaceAll("").strip().split("\r\n|\r|\n", -1);
    return lines[lines.length - 1].strip();
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
  public void close() {
    cancel();
  }
}
