package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcess;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkException;
import dev.erk.client.ErkStartException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.internal.CommandLines;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One run of a child process: spawns it, routes its output, notices its exit, and ends its process
 * tree on cancel, timeout or failure. The core every call of the SDK goes through.
 *
 * <p><b>Threads.</b> {@link #start} returns at once; the child is spawned on an SDK worker, so a
 * caller never blocks and never holds native state of the spawn. Output arrives on NuProcess's pump
 * thread and goes to the {@link ProcessOutput}s under this object's lock; everything done there is
 * short. {@link #exit()} is completed on an SDK worker, never on the pump thread.
 *
 * <p><b>Exit.</b> The exit is noticed without polling: when both pipes have reached their end (the
 * platform can then read the exact wait status, see {@link ProcessPlatform}), when the JDK reports
 * the child's exit ({@link ProcessHandle#onExit()}, which waits without reaping; asked for only
 * once the child has run {@value ExecutionTimers#WATCH_AFTER_MILLIS} ms), or when NuProcess reaps
 * it. A child that exits while a process it started keeps its pipes open ends the call a moment
 * later: the pipes' holders are killed.
 *
 * <p><b>Ending.</b> Once {@link #terminate} takes effect, no more output reaches the outputs (they
 * are {@linkplain ProcessOutput#abort() aborted}), the tree is frozen and killed (see {@link
 * ChildTree}), and {@link #exit()} fails with the reason as soon as the child and its pipes are
 * gone, or after the kill grace and one more second at the latest.
 */
public final class Execution extends NuAbstractProcessHandler {

  /** How the process ended: its exit code ({@code 128 + signal} if killed) and run time. */
  public record Exit(int exitCode, Duration duration, long pid) {}

  /** Where an execution is in its life; it only moves forward. */
  private enum Phase {
    /** Created; nothing spawned. */
    NEW,
    /** A worker is spawning the child. */
    STARTING,
    /** The child runs, or its exit or the end of its output has not been seen yet. */
    RUNNING,
    /** Over: {@link #exit} is completed, or being completed. */
    DONE
  }

  private final ExecutionSpec spec;
  private final ExecutionTimers timers;
  private final ProcessPlatform platform = ProcessPlatform.current();
  private final CompletableFuture<Exit> exit = new CompletableFuture<>();
  private final CompletableFuture<Long> started = new CompletableFuture<>();
  private final long createdNanos = System.nanoTime();
  private Phase phase = Phase.NEW;
  private Pipes pipes = Pipes.none();
  private ChildTree tree = ChildTree.none();
  private final ExitStatus status = new ExitStatus(platform);

  private boolean outlived;
  private @Nullable ErkException failure;

  public Execution(ExecutionSpec spec) {
    this.spec = spec;
    this.timers = new ExecutionTimers(spec.killGrace());
  }

  /** Spawns the process on a worker; its output goes to the given outputs. Never throws. */
  public void start(ProcessOutput stdout, ProcessOutput stderr) {
    synchronized (this) {
      if (phase != Phase.NEW) {
        return;
      }
      phase = Phase.STARTING;
      this.pipes = new Pipes(stdout, stderr);
    }
    SdkThreads.execute(this::spawn);
  }

  /**
   * Completes when the process has exited and both pipes are drained: normally with the {@link
   * Exit} (whatever the exit code), exceptionally with {@link ErkStartException}, or with the
   * reason the process was ended ({@link ErkCancelledException}, {@link ErkTimeoutException}, or
   * the exception given to {@link #terminate}).
   */
  public CompletableFuture<Exit> exit() {
    return exit;
  }

  /**
   * Completes with the pid once the child has started; never if it could not start. Completed on
   * the spawning worker under this execution's lock: dependents must be quick.
   */
  public CompletableFuture<Long> started() {
    return started;
  }

  /** The argv this execution runs. */
  public List<String> command() {
    return spec.command();
  }

  /** The child's pid, or -1 before it started. */
  public synchronized long pid() {
    return status.pid();
  }

  /** True until the execution is over. */
  public synchronized boolean isRunning() {
    return phase != Phase.DONE;
  }

  /** Cancels: ends the tree, and {@link #exit()} fails with {@link ErkCancelledException}. */
  public void cancel() {
    terminate(new ErkCancelledException(spec.command()));
  }

  /** Ends the process tree; {@link #exit()} then fails with {@code reason}. Idempotent. */
  public synchronized void terminate(ErkException reason) {
    if (phase == Phase.DONE || failure != null) {
      return;
    }
    failure = reason;
    pipes.abort();
    if (phase == Phase.NEW) {
      phase = Phase.DONE;
      complete();
    } else if (phase == Phase.RUNNING) {
      endTree();
    }
    // STARTING: onStart ends the tree as soon as there is one.
  }

  private void spawn() {
    synchronized (this) {
      if (failure != null) {
        // Cancelled (or the client closed) while waiting for a worker: spawn nothing.
        phase = Phase.DONE;
        complete();
        return;
      }
    }
    Throwable error =
        StartFailures.spawn(spec.command(), spec.workingDirectory(), spec.environment(), this);
    synchronized (this) {
      if (phase == Phase.STARTING) {
        // A failed spawn never calls onStart.
        startFailed(error);
      }
    }
  }

  @Override
  public synchronized void onStart(NuProcess process) {
    status.started(process.getPID());
    long pid = status.pid();
    String request = spec.stdin();
    if (request == null) {
      process.closeStdin(true);
    } else {
      // Queued, then closed once written: the child reads the request and sees its end.
      process.writeStdin(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
      process.closeStdin(false);
    }
    tree = ChildTree.of(process, platform);
    phase = Phase.RUNNING;
    pipes.open();
    ExitHook.register(this);
    Duration timeout = failure == null ? spec.timeout() : null;
    timers.started(
        this::watchExit,
        timeout,
        () -> terminate(new ErkTimeoutException(spec.command(), Objects.requireNonNull(timeout))));
    started.complete(pid);
    if (failure != null) {
      endTree();
    }
  }

  @Override
  public synchronized void onStdout(ByteBuffer buffer, boolean closed) {
    onOutput(true, buffer, closed);
  }

  @Override
  public synchronized void onStderr(ByteBuffer buffer, boolean closed) {
    onOutput(false, buffer, closed);
  }

  @Override
  public synchronized void onExit(int statusCode) {
    if (phase == Phase.STARTING) {
      return; // a failed spawn: spawn() reports it
    }
    if (!status.isKnown()) {
      // NuProcess reaped the child before its exit was read here. It reaps only once both
      // streams ended, so the code it gives (a bare signal number for a signal death) is all
      // there is.
      exitObserved(statusCode == Integer.MIN_VALUE ? 127 : statusCode);
    }
    endStreams();
    tryFinish();
  }

  private void onOutput(boolean fromStdout, ByteBuffer buffer, boolean closed) {
    if (pipes.isOpen(fromStdout)) {
      if (failure == null && buffer.hasRemaining()) {
        try {
          pipes.deliver(fromStdout, buffer);
        } catch (Throwable e) {
          terminate(
              new ErkException(
                  "reading the output of `"
                      + CommandLines.describe(spec.command())
                      + "` failed: "
                      + e,
                  spec.command(),
                  e));
        }
      }
      if (closed) {
        pipes.end(fromStdout, failure == null);
        // A child's exit closes its pipes after it has stored its wait status: pipes that end by
        // the exit find the status readable right here, before NuProcess reaps the child (on this
        // thread, after both have ended). Read once both have: a child that exits while another
        // process holds one of its pipes is seen by the exit watch instead.
        if (!pipes.anyOpen()) {
          exitSeen(true);
        }
        tryFinish();
      }
    }
    buffer.position(buffer.limit());
  }

  /**
   * Reads the exit status if the child has exited; called when anything suggests it has.
   *
   * @param outputEnded on the pump thread, as the last pipe ended (see {@link
   *     ProcessPlatform#exitCode})
   */
  private synchronized void exitSeen(boolean outputEnded) {
    if (phase == Phase.RUNNING && status.read(outputEnded)) {
      afterExit();
      tryFinish();
    }
  }

  private synchronized void watchExit() {
    if (phase == Phase.RUNNING && !status.isKnown()) {
      ProcessHandle.of(status.pid())
          .ifPresent(child -> Contained.whenDone(child.onExit(), (c, e) -> childExited()));
    }
  }

  /** The JDK saw the child exit (it waits without reaping, so the status is still readable). */
  private synchronized void childExited() {
    exitSeen(false);
    if (phase == Phase.RUNNING && !status.isKnown() && pipes.anyOpen()) {
      // Reaped already, or a platform that cannot read the status: NuProcess reports it once
      // the pipes end, and if they stay open, their holders must go.
      timers.afterLinger(this::endOutlivingHolders);
    }
  }

  private void exitObserved(int code) {
    status.observe(code);
    afterExit();
  }

  private void afterExit() {
    if (pipes.anyOpen()) {
      // The pipes usually end a moment after the exit. One still open after that moment is held
      // by a process that outlived the child.
      timers.afterLinger(this::endOutlivingHolders);
    }
  }

  private synchronized void endOutlivingHolders() {
    if (phase != Phase.RUNNING || !pipes.anyOpen()) {
      return;
    }
    outlived = true;
    endTree();
  }

  private void endTree() {
    ChildTree target = tree;
    // Now, while the phase says the child is ours: NuProcess reaps it at the earliest just before
    // it calls onExit, which waits for this lock, and Linux hands out pids in a cycle, so the
    // pid cannot name a later process yet.
    target.findRoot();
    SdkThreads.execute(() -> target.terminate(this::openPipes, spec.killGrace()));
    timers.afterKillGrace(this::forceFinish);
  }

  private synchronized Set<String> openPipes() {
    return pipes.heldIn(tree);
  }

  private synchronized void forceFinish() {
    if (phase != Phase.RUNNING) {
      return;
    }
    if (!status.isKnown()) {
      if (failure == null) {
        failure =
            commandFailure(
                "exited, but a process outside its tree kept its output open; its exit status is"
                    + " unknown");
      }
      status.giveUp();
    }
    endStreams();
    tryFinish();
  }

  private void endStreams() {
    pipes.endAll(failure == null);
  }

  private void tryFinish() {
    if (phase != Phase.RUNNING || !status.isSettled() || pipes.anyOpen()) {
      return;
    }
    phase = Phase.DONE;
    timers.cancel();
    if (ExitHook.shuttingDown()) {
      // Stay registered: the JVM-exit hook kills what may have outlived the child. A signal
      // death now is the shutdown's doing (a hook, or a Ctrl-C sent to the whole process group),
      // not erk failing.
      if (failure == null && status.code().orElse(0) > 128) {
        failure = shutdownCancel();
      }
    } else if (outlived || failure != null) {
      // Processes that outlived the child may still be dying: stay known to the JVM-exit hook.
      timers.afterKillGrace(() -> ExitHook.unregister(this));
    } else {
      ExitHook.unregister(this);
    }
    complete();
  }

  private synchronized void startFailed(@Nullable Throwable cause) {
    if (phase == Phase.DONE) {
      return;
    }
    phase = Phase.DONE;
    if (failure == null) {
      failure =
          cause instanceof ErkStartException known
              ? known
              : StartFailures.explain(
                  spec.command(), spec.workingDirectory(), spec.environment(), cause);
    }
    complete();
  }

  /** Completes {@link #exit} on a worker, off the pump thread and off any lock. */
  private void complete() {
    ErkException reason = failure;
    if (reason != null || !status.isKnown()) {
      // No exit status, no Exit: a finish forced without one always has a failure that says so.
      ErkException why = reason != null ? reason : commandFailure("ended without an exit status");
      SdkThreads.execute(() -> exit.completeExceptionally(why));
      return;
    }
    Exit result = new Exit(status.code().getAsInt(), status.since(createdNanos), status.pid());
    SdkThreads.execute(() -> exit.complete(result));
  }

  /** For JVM shutdown: the call ends as cancelled, whatever kills its process. */
  synchronized void markShutdownCancel() {
    if (phase != Phase.DONE && failure == null) {
      failure = shutdownCancel();
      pipes.abort();
    }
  }

  /** Kills the tree at once, for JVM shutdown; outside the lock, the pump must not wait. */
  void killNow() {
    ChildTree running;
    synchronized (this) {
      running = tree;
    }
    running.killNow();
  }

  /** A failure of this execution's command: "`erk …` " and what happened. */
  private ErkException commandFailure(String what) {
    return new ErkException(
        "`" + CommandLines.describe(spec.command()) + "` " + what, spec.command(), null);
  }

  private ErkCancelledException shutdownCancel() {
    return new ErkCancelledException(spec.command(), "the JVM is shutting down");
  }
}
