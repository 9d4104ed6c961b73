package dev.erk.client.cli.internal.warm;

import dev.erk.client.cli.internal.Contained;
import dev.erk.client.cli.internal.ProcessOutput;
import dev.erk.client.cli.internal.SdkThreads;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The warm workers of one client, so of one executable, working directory and environment. At most
 * {@code poolSize} workers live; a call waits for a free one. A worker is replaced when erk's
 * installation changed on disk, after {@code maxCallsPerWorker} calls, and when its call was
 * cancelled, timed out or killed it; it exits after {@code idleTime} unused. If the executable is
 * not a Python console script, or a worker cannot start or speak the protocol, every call is {@link
 * WarmOutcome.Unavailable} (logged once at DEBUG) and is spawned instead.
 *
 * <p>A {@linkplain #stream streamed} call takes its worker out of the pool for its whole run: it
 * holds no place among the {@code poolSize} workers and never waits for one.
 */
public final class WarmPool {
  private final Path executable;
  private final Path cwd;
  private final Map<String, String> environment;
  private final WarmSettings settings;
  private final Duration killGrace;
  private final System.Logger logger;
  private final Deque<Worker> idle = new ArrayDeque<>();
  private final Deque<WarmRun> waiting = new ArrayDeque<>();
  private final List<Worker> live = new ArrayList<>();
  private final Set<Worker> detached = new HashSet<>();
  private final Map<Worker, Fingerprint> installed = new HashMap<>();
  private final Map<Worker, ScheduledFuture<?>> idleTimers = new HashMap<>();
  private int starting;
  private boolean closed;
  private @Nullable String unavailable;

  private WarmPool(
      Path executable,
      Path cwd,
      Map<String, String> environment,
      WarmSettings settings,
      Duration killGrace,
      System.Logger logger) {
    this.executable = executable;
    this.cwd = cwd;
    this.environment = Map.copyOf(environment);
    this.settings = settings;
    this.killGrace = killGrace;
    this.logger = logger;
  }

  public static WarmPool create(
      Path executable,
      Path cwd,
      Map<String, String> environment,
      WarmSettings settings,
      Duration killGrace,
      System.Logger logger) {
    return new WarmPool(executable, cwd, environment, settings, killGrace, logger);
  }

  /**
   * Gives a call to a worker; returns at once. Its output goes to {@code stdout} and {@code stderr}
   * (called on a worker's reader thread, one at a time).
   *
   * @param timeout how long the call may take, waiting for a worker included; null for no limit
   */
  public WarmRun run(
      List<String> command,
      @Nullable Duration timeout,
      ProcessOutput stdout,
      ProcessOutput stderr) {
    return run(command, null, timeout, stdout, stderr);
  }

  /**
   * {@link #run(List, Duration, ProcessOutput, ProcessOutput)} for a call that reads a request on
   * standard input.
   *
   * @param stdin written to the call's standard input, which then ends; null to end it at once
   */
  public WarmRun run(
      List<String> command,
      @Nullable String stdin,
      @Nullable Duration timeout,
      ProcessOutput stdout,
      ProcessOutput stderr) {
    return enter(new WarmRun(command, stdin, timeout, stdout, stderr), this::dispatch);
  }

  /**
   * Like {@link #run}, for a call that may run for minutes (a streaming action): it takes an idle
   * worker out of the pool, or starts one of its own, so that it neither waits behind other calls
   * nor keeps them waiting. Once the call is over its worker rejoins the pool if there is room, and
   * exits otherwise; ending the call kills it.
   */
  public WarmRun stream(
      List<String> command,
      @Nullable Duration timeout,
      ProcessOutput stdout,
      ProcessOutput stderr) {
    return enter(new WarmRun(command, null, timeout, stdout, stderr), this::detach);
  }

  /** Hands {@code run} to {@code place} under the pool's lock, or fails it if no worker can run. */
  private WarmRun enter(WarmRun run, Consumer<WarmRun> place) {
    String reason;
    synchronized (this) {
      String known = unavailable;
      if (known == null && !closed) {
        place.accept(run);
        return run;
      }
      reason = known != null ? known : "the client is closed";
    }
    run.unavailable(reason);
    return run;
  }

  /** Ends every worker; true if they were gone within {@code wait}. Idempotent. */
  public boolean close(Duration wait) {
    List<CompletableFuture<Integer>> ends = new ArrayList<>();
    List<WarmRun> stranded;
    synchronized (this) {
      closed = true;
      stranded = new ArrayList<>(waiting);
      waiting.clear();
      List<Worker> all = new ArrayList<>(live);
      all.addAll(detached);
      for (Worker worker : all) {
        worker.kill();
        ends.add(worker.gone());
      }
    }
    stranded.forEach(WarmRun::cancel);
    try {
      CompletableFuture.allOf(ends.toArray(new CompletableFuture<?>[0]))
          .get(wait.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Under the lock: a fresh idle worker for the call, a new worker, or a place in line. */
  private void dispatch(WarmRun run) {
    Worker worker = takeFreshIdle();
    if (worker != null) {
      assign(worker, run);
      return;
    }
    if (live.size() + starting < settings.poolSize()) {
      starting++;
      SdkThreads.execute(() -> launch(run, true));
      return;
    }
    waiting.add(run);
  }

  /** Under the lock: an idle worker leaves the pool for the streamed call, or a new one starts. */
  private void detach(WarmRun run) {
    Worker worker = takeFreshIdle();
    if (worker != null) {
      live.remove(worker);
      detached.add(worker);
      assign(worker, run);
      return;
    }
    SdkThreads.execute(() -> launch(run, false));
  }

  /** Under the lock: the next idle worker that is not stale (the stale ones retire), or null. */
  private @Nullable Worker takeFreshIdle() {
    while (!idle.isEmpty()) {
      Worker worker = idle.pop();
      cancelIdleTimer(worker);
      if (!isStale(worker)) {
        return worker;
      }
      retire(worker);
    }
    return null;
  }

  /**
   * Starts a worker whose first call is {@code first}.
   *
   * @param pooled whether it takes a place in the pool (else it is detached, for a stream)
   */
  private void launch(WarmRun first, boolean pooled) {
    ConsoleScript.Probe probe = ConsoleScript.probe(executable);
    if (probe instanceof ConsoleScript.NotPython notPython) {
      giveUp(notPython.reason(), first, pooled);
      return;
    }
    Worker worker;
    try {
      worker = Worker.start(((ConsoleScript.Python) probe).script(), cwd, environment, killGrace);
    } catch (IOException | RuntimeException e) {
      giveUp("the worker could not start: " + e.getMessage(), first, pooled);
      return;
    }
    synchronized (this) {
      if (pooled) {
        starting--;
        live.add(worker);
      } else {
        detached.add(worker);
      }
      if (closed) {
        worker.kill();
      }
    }
    Contained.whenDone(worker.gone(), (code, error) -> ended(worker));
    Contained.whenDone(
        worker.ready(),
        (fingerprint, error) -> {
          if (error != null) {
            giveUp(error.getMessage(), first, false);
            worker.kill();
            return;
          }
          List<Path> watched = new ArrayList<>(fingerprint.paths());
          watched.add(executable);
          synchronized (this) {
            installed.put(worker, Fingerprint.of(watched));
            if (!first.bind(worker)) {
              release(worker);
              return;
            }
          }
          send(worker, first);
        });
  }

  private void assign(Worker worker, WarmRun run) {
    if (!run.bind(worker)) {
      release(worker);
      return;
    }
    send(worker, run);
  }

  private void send(Worker worker, WarmRun run) {
    Contained.whenDone(
        run.outcome(),
        (outcome, error) -> {
          if (error == null && !(outcome instanceof WarmOutcome.WorkerDied)) {
            synchronized (this) {
              release(worker);
            }
          }
        });
    worker.run(run, run.stdin());
  }

  /** Under the lock: the worker is free again; it serves the next waiting call or idles. */
  private void release(Worker worker) {
    if (detached.remove(worker)) {
      if (closed || live.size() + starting >= settings.poolSize()) {
        retire(worker);
        return;
      }
      live.add(worker);
    }
    if (closed || !live.contains(worker) || isStale(worker)) {
      retire(worker);
      if (!closed && !waiting.isEmpty()) {
        dispatch(waiting.poll());
      }
      return;
    }
    WarmRun next = waiting.poll();
    if (next != null) {
      assign(worker, next);
      return;
    }
    idle.push(worker);
    idleTimers.put(
        worker,
        SdkThreads.scheduler()
            .schedule(() -> idledOut(worker), settings.idleTime().toNanos(), TimeUnit.NANOSECONDS));
  }

  private synchronized void idledOut(Worker worker) {
    if (idle.remove(worker)) {
      idleTimers.remove(worker);
      retire(worker);
    }
  }

  private void cancelIdleTimer(Worker worker) {
    ScheduledFuture<?> timer = idleTimers.remove(worker);
    if (timer != null) {
      timer.cancel(false);
    }
  }

  private boolean isStale(Worker worker) {
    Fingerprint fingerprint = installed.get(worker);
    return worker.calls() >= settings.maxCallsPerWorker()
        || fingerprint == null
        || fingerprint.changed();
  }

  /** Under the lock: the worker leaves the pool and exits; {@link #ended} forgets it. */
  private void retire(Worker worker) {
    idle.remove(worker);
    cancelIdleTimer(worker);
    worker.shutdown();
  }

  private void ended(Worker worker) {
    WarmRun next = null;
    synchronized (this) {
      live.remove(worker);
      detached.remove(worker);
      installed.remove(worker);
      idle.remove(worker);
      cancelIdleTimer(worker);
      if (!closed && unavailable == null) {
        next = waiting.poll();
      }
      if (next != null) {
        dispatch(next);
      }
    }
  }

  private void giveUp(@Nullable String reason, WarmRun first, boolean wasStarting) {
    String why = reason != null ? reason : "no reason given";
    List<WarmRun> stranded;
    boolean firstTime;
    synchronized (this) {
      if (wasStarting) {
        starting--;
      }
      firstTime = unavailable == null;
      unavailable = why;
      stranded = new ArrayList<>(waiting);
      waiting.clear();
    }
    if (firstTime) {
      logger.log(
          Level.DEBUG, "erk at {0} is not kept warm, its calls are spawned: {1}", executable, why);
    }
    first.unavailable(why);
    stranded.forEach(run -> run.unavailable(why));
  }
}
