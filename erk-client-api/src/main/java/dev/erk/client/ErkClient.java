package dev.erk.client;

import dev.erk.client.details.DetailQuery;
import java.util.concurrent.CompletableFuture;

/**
 * Reads erk's dashboard data and runs erk's dashboard actions.
 *
 * <p>The implementation that drives the real {@code erk} executable is {@code
 * dev.erk.client.cli.CliErkClient}; the testkit offers a scripted fake. Code against this interface
 * so either can be plugged in.
 *
 * <pre>{@code
 * Path repo = Path.of("/home/me/widgets");           // a clone with a GitHub origin
 * try (ErkClient erk = CliErkClient.builder().workingDirectory(repo).build()) {
 *   List<PlanRow> plans = erk.listPlans(PlanQuery.defaults()).plans();
 *   for (PlanRow plan : plans) {
 *     System.out.println(plan.prNumber() + " " + plan.fullTitle());
 *   }
 *   PlanRow row = plans.get(0);
 *   ActionResult closed = erk.run(DashboardAction.CLOSE_PR.request(row, "Superseded"));
 *   StreamHandle landing = erk.stream(DashboardAction.LAND_PR.request(row),
 *       line -> System.out.println(line.text()));
 *   landing.completion().join();
 * }
 * }</pre>
 *
 * <p><b>Blocking and asynchronous forms.</b> Every operation has a blocking form and a {@link
 * CompletableFuture} form. The blocking form waits on the calling thread; the asynchronous form
 * never blocks and never throws (but for invalid arguments and a closed client): every failure,
 * whatever its kind, completes its future exceptionally. The future is completed by the client's
 * internal threads, so do not run long work in a non-async stage chained to it (use {@code
 * thenApplyAsync} with your executor). Interrupting or cancelling one caller never cancels work
 * other callers share.
 *
 * <p><b>Cancellation and timeouts.</b> {@code cancel(true)} (or {@code cancel(false)}) on any
 * future this client returns kills the erk process tree behind it: descendants first, SIGTERM, then
 * SIGKILL after a short grace. Interrupting a thread blocked in a blocking call does the same and
 * throws {@link ErkCancelledException} with the interrupt flag set. Every call has a timeout (per
 * kind in the client's configuration, or per call via {@link PlanQuery#timeout()} and {@link
 * ActionRequest#timeout()}); when it expires the tree is killed and the call fails with {@link
 * ErkTimeoutException}.
 *
 * <p><b>Failures.</b> Every exception is an unchecked {@link ErkException} whose message names the
 * command. Asynchronous forms complete exceptionally with the same exceptions.
 *
 * <p><b>Threading.</b> Implementations are thread-safe; one client serves a whole application.
 * {@link #close()} cancels everything still running.
 */
public interface ErkClient extends AutoCloseable {

  /**
   * Fetches the plans erk's dashboard shows: {@code erk exec dash-data} with the query's filters.
   *
   * @throws ErkCommandFailedException if erk reported an error (its JSON {@code error}, a crash, or
   *     a usage error)
   * @throws ErkUnreadableOutputException if erk's output could not be decoded
   * @throws ErkStartException if erk could not be started
   * @throws ErkTimeoutException if erk ran past the timeout
   * @throws ErkCancelledException if the calling thread was interrupted
   */
  PlanList listPlans(PlanQuery query);

  /** {@link #listPlans(PlanQuery)} with {@link PlanQuery#defaults()}. */
  default PlanList listPlans() {
    return listPlans(PlanQuery.defaults());
  }

  /** The asynchronous form of {@link #listPlans(PlanQuery)}. */
  CompletableFuture<PlanList> listPlansAsync(PlanQuery query);

  /**
   * Runs a command to its end and returns what it did. A non-zero exit is a failed result, not an
   * exception.
   *
   * @throws ErkUnsupportedActionException if the client's erk generation lacks the action
   * @throws ErkStartException if erk could not be started
   * @throws ErkTimeoutException if erk ran past the timeout
   * @throws ErkCancelledException if the calling thread was interrupted
   */
  ActionResult run(ActionRequest request);

  /**
   * Runs a command and throws if it failed.
   *
   * @throws ErkCommandFailedException if the command failed; it carries the result
   * @see #run(ActionRequest)
   */
  default ActionResult runOrThrow(ActionRequest request) {
    return run(request).orThrow();
  }

  /** The asynchronous form of {@link #run(ActionRequest)}. */
  CompletableFuture<ActionResult> runAsync(ActionRequest request);

  /**
   * Starts a command and returns at once; the listener receives its lines as they are printed.
   *
   * @param listener receives every line of stdout and stderr in order; see {@link LineListener} for
   *     the threading rules
   * @throws ErkUnsupportedActionException if the client's erk generation lacks the action
   */
  StreamHandle stream(ActionRequest request, LineListener listener);

  /**
   * Starts a command and returns a future of its result; {@code cancel(true)} on it kills the
   * process tree.
   */
  default CompletableFuture<ActionResult> streamAsync(
      ActionRequest request, LineListener listener) {
    return stream(request, listener).completion();
  }

  /**
   * Fetches one piece of dashboard data (a PR's review threads, an objective's roadmap, …); see
   * {@link DetailQuery} for the queries. erk's answer is decoded into the query's record.
   *
   * @throws ErkUnsupportedActionException if the user's erk lacks the command; nothing is spawned
   * @throws ErkCommandFailedException if erk reported an error (also the JSON errors some of these
   *     commands print with exit code 0); {@link ErkCommandFailedException#errorType()} has erk's
   *     code and the message erk's text
   * @throws ErkUnreadableOutputException if erk's output could not be decoded
   * @throws ErkStartException if erk could not be started
   * @throws ErkTimeoutException if erk ran past the timeout
   * @throws ErkCancelledException if the calling thread was interrupted
   */
  <T> T fetch(DetailQuery<T> query);

  /** The asynchronous form of {@link #fetch(DetailQuery)}. */
  <T> CompletableFuture<T> fetchAsync(DetailQuery<T> query);

  /**
   * The installed erk's version, from {@code erk --version} (needs no GitHub access).
   *
   * @throws ErkUnreadableOutputException if the output holds no version
   * @throws ErkStartException if erk could not be started
   */
  ErkVersion version();

  /**
   * Lands a plan as erk's dashboard does: the land, then the objective update when the land
   * succeeded and the plan has an objective ({@link LandSequence}).
   *
   * @throws IllegalStateException if landing is not available on the row
   * @throws ErkException as {@link #stream} would for either command
   */
  default LandOutcome land(PlanRow row, LineListener listener) {
    return LandSequence.of(row).run(this, listener);
  }

  /** The asynchronous form of {@link #land(PlanRow, LineListener)}. */
  default CompletableFuture<LandOutcome> landAsync(PlanRow row, LineListener listener) {
    return LandSequence.of(row).runAsync(this, listener);
  }

  /** The asynchronous form of {@link #version()}. */
  CompletableFuture<ErkVersion> versionAsync();

  /** Cancels every call still running. The client must not be used afterwards. */
  @Override
  void close();
}
