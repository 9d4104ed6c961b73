package dev.erk.client.cli.internal.warm;

import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.cli.internal.Contained;
import dev.erk.client.cli.internal.Execution;
import dev.erk.client.cli.internal.ProcessOutput;
import dev.erk.client.cli.internal.SdkThreads;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One call given to a {@link WarmPool}: waits for a worker, receives its output, and ends with a
 * {@link WarmOutcome}, or exceptionally with the reason it was ended ({@link
 * ErkCancelledException}, {@link ErkTimeoutException}, or what {@link #terminate} was given).
 * Ending it kills the worker running it, whose pool then starts a fresh one when needed.
 */
public final class WarmRun {
  private final List<String> command;
  private final byte[] stdin;
  private final ProcessOutput stdout;
  private final ProcessOutput stderr;
  private final CompletableFuture<WarmOutcome> outcome = new CompletableFuture<>();
  private final CompletableFuture<@Nullable Void> settled = new CompletableFuture<>();
  private final long startNanos = System.nanoTime();
  private @Nullable Worker worker;
  private boolean over;

  WarmRun(
      List<String> command,
      @Nullable String stdin,
      @Nullable Duration timeout,
      ProcessOutput stdout,
      ProcessOutput stderr) {
    this.command = List.copyOf(command);
    this.stdin = stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8);
    this.stdout = stdout;
    this.stderr = stderr;
    if (timeout != null) {
      ScheduledFuture<?> expiry =
          SdkThreads.scheduler()
              .schedule(
                  () -> terminate(new ErkTimeoutException(this.command, timeout)),
                  timeout.toNanos(),
                  TimeUnit.NANOSECONDS);
      Contained.whenDone(outcome, (o, e) -> expiry.cancel(false));
    }
  }

  /** What the call reads on its standard input before it ends (UTF-8); empty for none. */
  byte[] stdin() {
    return stdin;
  }

  /** Completes once the call is over; see the class description. */
  public CompletableFuture<WarmOutcome> outcome() {
    return outcome;
  }

  /**
   * Completes, always normally, once {@link #outcome()} has and its pool has taken its worker back,
   * or, if ending the call killed the worker, once the worker has exited (what the worker started
   * gets the kill grace to end).
   */
  public CompletableFuture<@Nullable Void> settled() {
    return settled;
  }

  /** The pid of the worker running the call, once one took it. */
  public synchronized OptionalLong workerPid() {
    Worker bound = worker;
    return bound == null ? OptionalLong.empty() : OptionalLong.of(bound.pid());
  }

  List<String> command() {
    return command;
  }

  /** Cancels: kills the worker running the call; the outcome fails with ErkCancelledException. */
  public void cancel() {
    terminate(new ErkCancelledException(command));
  }

  /** Ends the call with {@code reason} and kills its worker, if it is not over. Idempotent. */
  public void terminate(ErkException reason) {
    Worker running;
    synchronized (this) {
      if (!end()) {
        return;
      }
      stdout.abort();
      stderr.abort();
      running = worker;
    }
    // Completed outside the lock: dependents (the caller's own among them) never run under it.
    outcome.completeExceptionally(reason);
    if (running != null) {
      running.kill();
      Contained.whenDone(running.gone(), (code, error) -> settled.complete(null));
    } else {
      settled.complete(null);
    }
  }

  /** Binds the call to its worker; false if the call is already over. */
  synchronized boolean bind(Worker worker) {
    if (over) {
      return false;
    }
    this.worker = worker;
    return true;
  }

  synchronized void output(boolean toStdout, byte[] data) {
    if (!over) {
      (toStdout ? stdout : stderr).accept(ByteBuffer.wrap(data));
    }
  }

  void exited(int exitCode, long pid) {
    if (finish()) {
      outcome.complete(new WarmOutcome.Exited(new Execution.Exit(exitCode, elapsed(), pid)));
      settled.complete(null);
    }
  }

  void workerDied(int exitCode, long pid) {
    if (finish()) {
      outcome.complete(new WarmOutcome.WorkerDied(new Execution.Exit(exitCode, elapsed(), pid)));
      settled.complete(null);
    }
  }

  private synchronized boolean finish() {
    if (!end()) {
      return false;
    }
    stdout.finish();
    stderr.finish();
    return true;
  }

  /** Under the lock: true for the one caller that ends the call. */
  private boolean end() {
    if (over) {
      return false;
    }
    over = true;
    return true;
  }

  void unavailable(String reason) {
    synchronized (this) {
      if (!end()) {
        return;
      }
    }
    outcome.complete(new WarmOutcome.Unavailable(reason));
    settled.complete(null);
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
