package dev.erk.client.cli;

import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkException;
import dev.erk.client.ErkOutputTooLargeException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.internal.Contained;
import dev.erk.client.cli.internal.Execution;
import dev.erk.client.cli.internal.LineDelivery;
import dev.erk.client.cli.internal.LineStream;
import dev.erk.client.cli.internal.SdkThreads;
import dev.erk.client.internal.CommandLines;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The {@link StreamHandle} of one streaming erk call, spawned or on a warm worker (see {@link
 * RunningCall}). It exists before the call does: a stream whose command line waits for generation
 * detection is started when that completes.
 *
 * <p>{@link #completion()} completes normally once the process has exited and the listener has
 * returned from the last line; exceptionally as soon as the process is gone after a cancel, a
 * timeout or a failure, without waiting for the listener. The call's timeout covers the delivery: a
 * listener still busy when it expires does not hold the completion.
 */
final class CliStreamHandle implements StreamHandle {
  private static final int TAIL_CHARS = 64 * 1024;
  private static final int MAX_LINE_CHARS = 1024 * 1024;

  private final ActionRequest request;
  private final ClientConfig config;
  private final Duration timeout;
  private final long startNanos = System.nanoTime();
  private final LineDelivery delivery;
  private final LineStream out;
  private final LineStream err;
  private final CallFuture<ActionResult> completion = new CallFuture<>(this::cancel);
  private volatile @Nullable RunningCall running;

  CliStreamHandle(
      ActionRequest request, ClientConfig config, Duration timeout, LineListener listener) {
    this.request = request;
    this.config = config;
    this.timeout = timeout;
    String command = CommandLines.describe(request.arguments());
    this.delivery =
        new LineDelivery(
            listener,
            config.callbackExecutor(),
            config.outputLimit(),
            this::listenerTooSlow,
            config.logger(),
            command);
    this.out = new LineStream(OutputLine.Source.STDOUT, delivery, MAX_LINE_CHARS, TAIL_CHARS);
    this.err = new LineStream(OutputLine.Source.STDERR, delivery, MAX_LINE_CHARS, TAIL_CHARS);
  }

  void start(RunningCall started, CallEvents events) {
    running = started;
    if (completion.isDone()) {
      started.cancel();
      return;
    }
    Contained.whenDone(
        started.exit(),
        (exit, error) -> {
          try {
            if (error != null) {
              delivery.abort();
              completion.completeExceptionally(Futures.unwrap(error));
            } else {
              awaitDelivery(started, exit);
            }
          } catch (Throwable e) {
            completion.completeExceptionally(Futures.typed(e, started.command()));
          }
        });
    started.start(
        events.observe(out, OutputLine.Source.STDOUT),
        events.observe(err, OutputLine.Source.STDERR));
  }

  void failBeforeStart(ErkException error) {
    delivery.abort();
    completion.completeExceptionally(error);
  }

  private void awaitDelivery(RunningCall finished, Execution.Exit exit) {
    long remaining = timeout.toNanos() - (System.nanoTime() - startNanos);
    ScheduledFuture<?> deadline =
        SdkThreads.scheduler()
            .schedule(
                () -> {
                  delivery.abort();
                  completion.completeExceptionally(
                      new ErkTimeoutException(finished.command(), timeout));
                },
                Math.max(0, remaining),
                TimeUnit.NANOSECONDS);
    delivery.finish(
        () -> {
          deadline.cancel(false);
          try {
            byte[] stdout = out.tail().getBytes(StandardCharsets.UTF_8);
            Collected collected =
                new Collected(
                    finished.command(),
                    exit.exitCode(),
                    stdout,
                    stdout.length,
                    err.tail(),
                    exit.duration());
            completion.complete(collected.toResult(config.json()));
          } catch (Throwable e) {
            completion.completeExceptionally(Futures.typed(e, finished.command()));
          }
        });
  }

  private void listenerTooSlow() {
    RunningCall call = running;
    if (call != null) {
      List<String> command = call.command();
      call.terminate(
          new ErkOutputTooLargeException(
              "the line listener of `"
                  + CommandLines.describe(command)
                  + "` fell more than "
                  + config.outputLimit()
                  + " bytes behind (each pending line counts "
                  + LineDelivery.LINE_OVERHEAD
                  + " bytes plus 2 per character; see outputLimit); the command was killed",
              command,
              config.outputLimit()));
    }
  }

  @Override
  public ActionRequest request() {
    return request;
  }

  @Override
  public OptionalLong pid() {
    RunningCall call = running;
    return call == null ? OptionalLong.empty() : call.pid();
  }

  @Override
  public boolean isRunning() {
    return !completion.isDone();
  }

  @Override
  public void cancel() {
    RunningCall call = running;
    if (call != null && call.isRunning()) {
      call.cancel();
    } else {
      delivery.abort();
      completion.completeExceptionally(new ErkCancelledException(argv()));
    }
  }

  /**
   * Like the interface's default, but an exception names the argv that ran (the executable first),
   * or would have run if the action had started, not only erk's arguments.
   */
  @Override
  public Optional<ActionResult> await(Duration wait) {
    try {
      return Optional.of(completion.get(wait.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      cancel();
      Thread.currentThread().interrupt();
      throw new ErkCancelledException(argv());
    } catch (CancellationException e) {
      throw new ErkCancelledException(argv());
    } catch (ExecutionException e) {
      throw Futures.typed(e.getCause() != null ? e.getCause() : e, argv());
    }
  }

  /** The command line that ran, else the one this client would run with erk's current names. */
  private List<String> argv() {
    RunningCall call = running;
    if (call != null) {
      return call.command();
    }
    List<String> argv = new ArrayList<>();
    argv.add(config.executable().toString());
    argv.addAll(request.arguments());
    return List.copyOf(argv);
  }

  @Override
  public java.util.concurrent.CompletableFuture<ActionResult> completion() {
    return completion;
  }

  @Override
  public void close() {
    if (isRunning()) {
      cancel();
    }
  }

  @Override
  public String toString() {
    return "StreamHandle[pid=" + pid() + ", " + request.display() + "]";
  }
}
