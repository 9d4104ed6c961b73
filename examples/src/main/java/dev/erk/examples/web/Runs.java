package dev.erk.examples.web;

import dev.erk.client.StreamHandle;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Streaming actions the page asked for. A POST with the token registers one under a random ticket;
 * the action starts when the page opens the ticket's event stream, so an action whose page never
 * listens never runs, and one whose page goes away is cancelled. A ticket can be attached once; one
 * not attached within {@link #UNCLAIMED_LIFETIME} is dropped.
 */
final class Runs {
  static final Duration UNCLAIMED_LIFETIME = Duration.ofMinutes(1);

  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** Where a run is: waiting for its page, streaming, or over. */
  enum Phase {
    WAITING,
    STREAMING,
    OVER
  }

  /** One streaming action and its handle once started. */
  static final class Run {
    private final ErkActions.Prepared prepared;
    private final Instant registered = Instant.now();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WAITING);
    private final AtomicReference<@Nullable StreamHandle> handle = new AtomicReference<>();

    Run(ErkActions.Prepared prepared) {
      this.prepared = prepared;
    }

    ErkActions.Prepared prepared() {
      return prepared;
    }

    /** Records the started handle; cancels it at once if the run was cancelled meanwhile. */
    void started(StreamHandle started) {
      handle.set(started);
      if (phase.get() == Phase.OVER) {
        started.cancel();
      }
    }

    /** Kills erk's tree if it runs; a run not started yet never starts. */
    void cancel() {
      phase.set(Phase.OVER);
      StreamHandle started = handle.get();
      if (started != null) {
        started.cancel();
      }
    }

    void finished() {
      phase.set(Phase.OVER);
    }

    /** Over, and erk (if it started) has ended: nothing left to cancel. */
    boolean isDone() {
      StreamHandle started = handle.get();
      return phase.get() == Phase.OVER && (started == null || !started.isRunning());
    }
  }

  /** Registers a streaming action and returns its ticket. */
  String register(ErkActions.Prepared prepared) {
    Instant oldest = Instant.now().minus(UNCLAIMED_LIFETIME);
    runs.entrySet()
        .removeIf(
            entry ->
                entry.getValue().phase.get() == Phase.WAITING
                    && entry.getValue().registered.isBefore(oldest));
    runs.values().removeIf(Run::isDone);
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String ticket = HexFormat.of().formatHex(bytes);
    runs.put(ticket, new Run(prepared));
    return ticket;
  }

  /** The run of {@code ticket}, moved to streaming, if it is waiting; each ticket once. */
  Optional<Run> attach(String ticket) {
    Run run = runs.get(ticket);
    if (run == null || !run.phase.compareAndSet(Phase.WAITING, Phase.STREAMING)) {
      return Optional.empty();
    }
    return Optional.of(run);
  }

  /** Cancels the run of {@code ticket}; false if there is none. */
  boolean cancel(String ticket) {
    Run run = runs.get(ticket);
    if (run == null) {
      return false;
    }
    run.cancel();
    return true;
  }

  /** Cancels every run; used when the server stops. */
  void cancelAll() {
    runs.values().forEach(Run::cancel);
  }
}
