package dev.erk.client;

import java.time.Duration;

/**
 * Observes the calls of a client, for metrics, tracing and timing: when each started, when its erk
 * process started and first printed, how it exited, and how the call ended. Every method does
 * nothing by default; override the ones you need. Set it with {@code
 * CliErkClient.builder().eventListener(…)}, or {@code eventListenerFactory(…)} for one listener per
 * call.
 *
 * <pre>{@code
 * import dev.erk.client.ErkCall;
 * import dev.erk.client.EventListener;
 * import java.time.Duration;
 * import java.util.Map;
 * import java.util.concurrent.ConcurrentHashMap;
 * import java.util.concurrent.atomic.LongAdder;
 *
 * class Timing implements EventListener {
 *   final Map<ErkCall.Kind, LongAdder> nanos = new ConcurrentHashMap<>();
 *
 *   @Override
 *   public void decoded(ErkCall call, Duration elapsed) {
 *     nanos.computeIfAbsent(call.kind(), kind -> new LongAdder()).add(elapsed.toNanos());
 *   }
 * }
 * }</pre>
 *
 * <p>Give it to the client with {@code CliErkClient.builder().eventListener(new Timing())}.
 *
 * <p><b>Order.</b> Each call sees {@link #callStart}; then, if its erk process starts, {@link
 * #processStarted}, at most one {@link #firstOutput} and, if the process exits by itself, {@link
 * #processExited}; and last exactly one of {@link #decoded}, {@link #callFailed}, {@link
 * #callCancelled} or {@link #callTimedOut}. Nothing follows the last event. A process killed by a
 * cancel or a timeout has no {@code processExited}. Processes the SDK runs for itself (the
 * generation detection's {@code erk --version}) belong to no call: their time shows between {@code
 * callStart} and {@code processStarted}. A {@code listPlans} call that joins an identical call in
 * flight (see {@code coalesceListPlans}) shares its process and sees no process events.
 *
 * <p><b>Threads.</b> A call's events are delivered in order, one at a time, on the client's
 * callback executor (by default the SDK's own threads); never on the thread that made the call,
 * never on the process I/O thread. Events of different calls may run at the same time, so a
 * listener shared by calls must be thread-safe. Since delivery is asynchronous, every event carries
 * {@code elapsed}, the time from the call's start to the moment the event happened, not to its
 * delivery.
 *
 * <p><b>The SDK never waits for a listener.</b> A call's future completes whatever its listener
 * does, so the last event may arrive after the future completed. A listener that blocks delays only
 * its own call's later events (and, with the default executor, holds one SDK thread); the call, its
 * timeout, cancellation and every other call go on. Whatever a listener or factory throws, an
 * {@link Error} included, is caught and logged (the client's first at WARNING, the rest at DEBUG)
 * and the next event is delivered; a factory that throws leaves its call without events.
 */
public interface EventListener {
  /** A listener that ignores every event. */
  EventListener NONE = new EventListener() {};

  /** The call was made. */
  default void callStart(ErkCall call) {}

  /**
   * The call's erk process started.
   *
   * @param pid the process id
   * @param elapsed since the call started; includes waiting for generation detection and a thread
   */
  default void processStarted(ErkCall call, long pid, Duration elapsed) {}

  /**
   * The process printed its first bytes, on either stream.
   *
   * @param source the stream they came on
   */
  default void firstOutput(ErkCall call, OutputLine.Source source, Duration elapsed) {}

  /** The process exited by itself, whatever its exit code (a failed run is still a result). */
  default void processExited(ErkCall call, ProcessExit exit, Duration elapsed) {}

  /**
   * The call produced its value: a plan list, an {@link ActionResult} (successful or not) or a
   * version. The last event of a call that completed normally.
   */
  default void decoded(ErkCall call, Duration elapsed) {}

  /**
   * The call failed: erk could not start, failed in a way that is an exception (a failed {@code
   * listPlans}), printed unreadable output, or the action is unsupported. Last event.
   *
   * @param failure the exception the call's future completed with; its message names the command,
   *     free text redacted
   */
  default void callFailed(ErkCall call, ErkException failure, Duration elapsed) {}

  /**
   * The call was cancelled (by its caller, an interrupt, {@code close()} or JVM exit). Last event.
   */
  default void callCancelled(ErkCall call, Duration elapsed) {}

  /**
   * The call ran past its timeout and its process tree was killed. Last event.
   *
   * @param timeout the timeout that expired
   */
  default void callTimedOut(ErkCall call, Duration timeout, Duration elapsed) {}

  /**
   * How an erk process exited by itself.
   *
   * @param exitCode the exit code; {@code 128 + signal} for a process killed by a signal it was not
   *     sent by the SDK
   * @param duration how long the process ran, from the request to spawn it to its exit
   * @param stdoutBytes every byte it printed on standard output, also beyond what was kept
   * @param stderrBytes every byte it printed on standard error
   */
  record ProcessExit(int exitCode, Duration duration, long stdoutBytes, long stderrBytes) {
    /** Checks the counts. */
    public ProcessExit {
      if (stdoutBytes < 0 || stderrBytes < 0) {
        throw new IllegalArgumentException("byte counts must not be negative");
      }
    }
  }

  /**
   * Makes the listener of each call, so that state can live per call (a span, a start time). Called
   * on the thread that delivers the call's events, just before {@link #callStart}.
   */
  @FunctionalInterface
  interface Factory {
    /** The listener for this call; {@link EventListener#NONE} to skip it. */
    EventListener create(ErkCall call);
  }

  /** A factory that gives every call this listener. */
  static Factory factory(EventListener listener) {
    return call -> listener;
  }
}
