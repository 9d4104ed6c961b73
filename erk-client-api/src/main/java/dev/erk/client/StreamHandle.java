package dev.erk.client;

import dev.erk.client.internal.CommandLines;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running streaming action, returned at once by {@link ErkClient#stream}.
 *
 * <p>{@link #completion()} completes normally, with the {@link ActionResult} (also for a non-zero
 * exit), once the process has exited and the listener has returned from the last line. It completes
 * exceptionally with {@link ErkCancelledException}, {@link ErkTimeoutException} or {@link
 * ErkStartException} as soon as the process tree is gone, without waiting for the listener; lines
 * not delivered by then are dropped. The action's timeout covers the delivery too: a listener still
 * busy with the output of an erk that has exited makes the completion fail with {@link
 * ErkTimeoutException} when the timeout expires, so it completes even if the listener never
 * returns.
 *
 * <p>Cancelling freezes the whole process tree (so no part of it takes another step), then ends it:
 * SIGTERM, then SIGKILL after a short grace. No line is delivered after the cancel takes effect.
 * {@code completion().cancel(true)} does the same.
 *
 * <pre>{@code
 * ErkClient client = CliErkClient.builder().build();
 * ActionRequest request = DashboardAction.ADDRESS_REMOTE.request(client.listPlans().plans().get(0));
 * try (StreamHandle run = client.stream(request, line -> System.out.println(line.text()))) {
 *   ActionResult result = run.completion().join();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} cancels the action if it is still running.
 */
public interface StreamHandle extends AutoCloseable {
  /** The action's request. */
  ActionRequest request();

  /**
   * The process id of the erk process; empty while it has not started (a stream may wait for the
   * client to detect erk's generation), if it never did, or when no process runs at all (an
   * in-memory client).
   */
  OptionalLong pid();

  /** True until the process has exited and every line has been delivered. */
  boolean isRunning();

  /** Kills the process tree if it is still running; {@link #completion()} fails as cancelled. */
  void cancel();

  /** Completes after the process exits and its last line has been delivered. */
  CompletableFuture<ActionResult> completion();

  /**
   * Waits at most {@code timeout} for the action to finish. Does not cancel it, unless the waiting
   * thread is interrupted.
   *
   * @return the result, or empty if the action is still running after {@code timeout}
   * @throws ErkCancelledException if the action was cancelled
   * @throws ErkTimeoutException if the action ran past its own timeout and was killed
   * @throws ErkStartException if erk could not be started
   */
  default Optional<ActionResult> await(Duration timeout) {
    List<String> command = request().arguments();
    try {
      return Optional.of(completion().get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      cancel();
      Thread.currentThread().interrupt();
      throw new ErkCancelledException(command);
    } catch (CancellationException e) {
      throw new ErkCancelledException(command);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ErkException erk) {
        throw erk;
      }
      throw new ErkException(
          "`" + CommandLines.describe(command) + "` failed: " + cause, command, cause);
    }
  }

  /** Cancels the action if it is still running. */
  @Override
  void close();
}
