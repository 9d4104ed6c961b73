package dev.erk.client.cli;

import dev.erk.client.ActionResult;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.PlanList;
import dev.erk.client.cli.internal.Contained;
import dev.erk.client.cli.internal.SdkThreads;
import dev.erk.client.internal.CommandLines;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@code erk exec dash-data} and decodes its answer, sharing one process among concurrent
 * identical calls (single flight).
 *
 * <p>Each caller gets its own future and its own timeout. Cancelling the future, or its timeout
 * expiring, detaches that caller only; the shared process runs as long as some caller still waits,
 * and is cancelled when none does. A call that arrives after the shared process has finished starts
 * a new one, so results are never stale.
 */
final class PlanListing {
  private final ClientConfig config;
  private final Spawner spawner;
  private final Consumer<PlanList> observer;
  private final ConcurrentHashMap<List<String>, Flight> flights = new ConcurrentHashMap<>();

  PlanListing(ClientConfig config, Spawner spawner, Consumer<PlanList> observer) {
    this.config = config;
    this.spawner = spawner;
    this.observer = observer;
  }

  /**
   * @param events the call's events; a call that joins a shared process sees none of it
   */
  CompletableFuture<PlanList> list(List<String> command, Duration timeout, CallEvents events) {
    if (!config.coalesce()) {
      return fetch(command, timeout, events);
    }
    while (true) {
      boolean[] created = {false};
      Flight flight =
          flights.computeIfAbsent(
              command,
              key -> {
                created[0] = true;
                // No timeout of its own: each caller's timeout ends that caller's wait.
                return new Flight(key, fetch(key, null, events));
              });
      flight.watch();
      CompletableFuture<PlanList> joined = flight.join(created[0], timeout);
      if (joined != null) {
        return joined;
      }
      flights.remove(command, flight);
    }
  }

  private CompletableFuture<PlanList> fetch(
      List<String> command, @Nullable Duration timeout, CallEvents events) {
    return Futures.chain(
        spawner.collectWarm(command, timeout, true, events), command, this::decode);
  }

  private PlanList decode(Collected collected) {
    if (!collected.stdoutIsBlank()) {
      try {
        ErkJson.DashData answer =
            config
                .json()
                .decodeDashData(collected.stdout(), collected.stdoutSize(), collected.command());
        if (answer instanceof ErkJson.DashData.Failure failure) {
          ActionResult result = collected.toResult(config.json());
          throw new ErkCommandFailedException(
              result.success() ? collected.failure(failure.error()) : result);
        }
        PlanList plans = ((ErkJson.DashData.Plans) answer).plans();
        observer.accept(plans);
        return plans;
      } catch (ErkUnreadableOutputException e) {
        if (collected.exitCode() != 0) {
          throw new ErkCommandFailedException(collected.toResult(config.json()));
        }
        throw e;
      }
    }
    if (collected.exitCode() != 0) {
      throw new ErkCommandFailedException(collected.toResult(config.json()));
    }
    throw new ErkUnreadableOutputException(
        "`"
            + CommandLines.describe(collected.command())
            + "` exited with 0 but printed nothing on stdout",
        collected.command(),
        "",
        null);
  }

  /** One shared dash-data process and the callers waiting for it. */
  private final class Flight {
    private final List<String> key;
    private final CompletableFuture<PlanList> shared;
    private int callers;
    private boolean over;
    private boolean watched;

    Flight(List<String> key, CompletableFuture<PlanList> shared) {
      this.key = key;
      this.shared = shared;
    }

    /**
     * Ends the flight when its process finishes; not in the constructor, which runs inside {@code
     * computeIfAbsent}, where removing the key would be a recursive update.
     */
    void watch() {
      synchronized (this) {
        if (watched) {
          return;
        }
        watched = true;
      }
      Contained.whenDone(shared, (plans, error) -> end());
    }

    /**
     * A future for one more caller, or null if this flight is over and a new one is needed. The
     * caller that created the flight always joins it, even if it ended at once (e.g. erk could not
     * start).
     */
    synchronized @Nullable CallFuture<PlanList> join(boolean creator, Duration timeout) {
      // Dependents of a future run in LIFO order, so a caller can wake before end() ran: a
      // finished flight must not be joined by a newcomer, or it would get a stale answer.
      if ((over || shared.isDone()) && !creator) {
        return null;
      }
      callers++;
      CallFuture<PlanList> mine = new CallFuture<>(this::leave);
      ScheduledFuture<?> expiry =
          SdkThreads.scheduler()
              .schedule(
                  () -> {
                    if (mine.completeExceptionally(new ErkTimeoutException(key, timeout))) {
                      leave();
                    }
                  },
                  timeout.toNanos(),
                  TimeUnit.NANOSECONDS);
      Contained.whenDone(
          shared,
          (plans, error) -> {
            expiry.cancel(false);
            if (error != null) {
              mine.completeExceptionally(Futures.unwrap(error));
            } else {
              mine.complete(plans);
            }
          });
      return mine;
    }

    private synchronized void leave() {
      callers--;
      if (callers == 0 && !shared.isDone()) {
        end();
        shared.cancel(true);
      }
    }

    private synchronized void end() {
      over = true;
      flights.remove(key, this);
    }
  }
}
