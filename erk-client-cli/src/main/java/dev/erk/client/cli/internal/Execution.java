package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.NuProcessBuilder;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkException;
import dev.erk.client.ErkStartException;
import dev.erk.client.ErkTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One run of a child process: spawns it with NuProcess, routes its output, notices its exit, and
 * kills its process tree on cancel, timeout or overflow.
 *
 * <p>The exit is read from {@code /proc/<pid>/stat} (see {@link ProcStat}) the moment a pipe
 * closes, or by a 50 ms poll while they stay open: faster than NuProcess's dead-pool poll, and
 * exact about signals, which NuProcess reports as bare signal numbers. A child that exits while
 * a grandchild keeps its pipes open completes promptly: the pipe holders are killed and the
 * output ends there.
 *
 * <p>NuProcess callbacks run on its pump thread; everything here is short and non-blocking, and
 * {@link #exit()} is completed on the {@code completer} executor, never on the pump thread.
 */
public final class Execution extends NuAbstractProcessHandler {
  private static final long POLL_MILLIS = 50;
  private static final long LINGER_MILLIS = 50;

  /** How to run the process. */
  public record Spec(
      List<String> command,
      Path workingDirectory,
      Map<String, String> environment,
      Duration timeout,
      Duration killGrace,
      Executor completer) {}

  /** How the process ended: its exit code ({@code 128 + signal} if killed) and run time. */
  public record Exit(int exitCode, Duration duration, long pid) {}

  static {
    // Before NuProcess starts its first process, which is when it reads its own hook setting.
    ChildRegistry.configureNuProcess();
    NuProcessLoading.ensureLoaded();
  }

  private final Spec spec;
  private final CompletableFuture<Exit> exit = new CompletableFuture<>();
  private final ScheduledExecutorService scheduler = SharedThreads.scheduler();
  private ChildTree tree = ChildTree.none();
  private final long startNanos = System.nanoTime();
  private ProcessOutput stdout = new BoundedCollector(0, () -> {});
  private ProcessOutput stderr = stdout;
  private long pid = -1;
  private @Nullable ExitProbe probe;
  private boolean started;
  private boolean stdoutDone;
  private boolean stderrDone;
  private boolean finished;
  private boolean lingering;
  private boolean fastPolling;
  private @Nullable Integer exitCode;
  private long exitNanos;
  private @Nullable ErkException failure;
  private @Nullable ScheduledFuture<?> timeoutTask;
  private @Nullable ScheduledFuture<?> pollTask;

  public Execution(Spec spec) {
    this.spec = spec;
  }

  /** Spawns the process; its output goes to the given sinks. Never throws: see {@link #exit()}. */
  public void start(ProcessOutput stdout, ProcessOutput stderr) {
    synchronized (this) {
      this.stdout = stdout;
      this.stderr = stderr;
    }
    NuProcessBuilder builder = new NuProcessBuilder(spec.command(), spec.environment());
    builder.setCwd(spec.workingDirectory());
    builder.setProcessListener(this);
    NuProcess process = null;
    RuntimeException error = null;
    try {
      process = builder.start();
    } catch (RuntimeException e) {
      error = e;
    }
    if (process == null || error != null) {
      startFailed(error);
    }
  }

  /**
   * Completes when the process has exited and both pipes are drained: normally with the
   * {@link Exit} (whatever the exit code), exceptionally with {@link ErkStartException}, or with
   * the reason the process was killed ({@link ErkCancelledException}, {@link ErkTimeoutException},
   * or the exception given to {@link #terminate}).
   */
  public CompletableFuture<Exit> exit() {
    return exit;
  }

  /** The argv this execution runs. */
  public List<String> command() {
    return spec.command();
  }

  /** The child's pid, or -1 before it started. */
  public synchronized long pid() {
    return pid;
  }

  /** True until the execution has finished. */
  public synchronized boolean isRunning() {
    return !finished;
  }

  /** Cancels: kills the tree, and {@link #exit()} fails with {@link ErkCancelledException}. */
  public void cancel() {
    terminate(new ErkCancelledException(spec.command()));
  }

  /** Kills the process tree; {@link #exit()} then fails with {@code reason}. Idempotent. */
  public synchronized void terminate(ErkException reason) {
    if (finished || failure != null) {
      return;
    }
    failure = reason;
    if (!started) {
      return;
    }
    // While the child lives, its descendants are found through it; the pipes are only worth a
    // scan of /proc once it has exited.
    killTree(tree.isGone() ? openPipes() : Set.of());
    long forceAfter = spec.killGrace().toMillis() + 1000;
    scheduler.schedule(this::forceFinish, forceAfter, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void onStart(NuProcess process) {
    started = true;
    pid = process.getPID();
    process.closeStdin(true);
    probe = new ExitProbe(pid);
    tree = ChildTree.of(process);
    ChildRegistry.register(this);
    timeoutTask = scheduler.schedule(
        () -> terminate(new ErkTimeoutException(spec.command(), spec.timeout())),
        spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
    pollTask = scheduler.scheduleWithFixedDelay(
        this::pollExit, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void onStdout(ByteBuffer buffer, boolean closed) {
    if (!stdoutDone) {
      deliver(stdout, buffer);
      if (closed) {
        stdoutDone = true;
        stdout.finish();
        afterStreamEnd();
      }
    }
    buffer.position(buffer.limit());
  }

  @Override
  public synchronized void onStderr(ByteBuffer buffer, boolean closed) {
    if (!stderrDone) {
      deliver(stderr, buffer);
      if (closed) {
        stderrDone = true;
        stderr.finish();
        afterStreamEnd();
      }
    }
    buffer.position(buffer.limit());
  }

  @Override
  public synchronized void onExit(int statusCode) {
    if (!started) {
      startFailed(null);
      return;
    }
    if (exitCode == null) {
      // NuProcess reaped the child before this execution saw it exit. It reaps only after both
      // streams reached their end, so normally nothing holds the pipes any more; a stream that
      // has not ended is held by a process that outlived the child: end it.
      Set<String> held = openPipes();
      exitCode = statusCode == Integer.MIN_VALUE ? 127 : statusCode;
      exitNanos = System.nanoTime();
      if (!held.isEmpty()) {
        lingering = true;
        killTree(held);
      }
    }
    finishStream(true);
    finishStream(false);
    tryFinish();
  }

  private void deliver(ProcessOutput output, ByteBuffer buffer) {
    if (!buffer.hasRemaining()) {
      return;
    }
    try {
      output.accept(buffer);
    } catch (RuntimeException e) {
      terminate(new ErkException("reading the output of `" + ErkException.describe(spec.command())
          + "` failed: " + e, spec.command(), e));
    }
  }

  private void afterStreamEnd() {
    if ((stdoutDone || stderrDone) && exitCode == null) {
      // A child's exit closes its pipes after it has stored its wait status, so a pipe that ends
      // by the exit finds the status readable right here, before NuProcess reaps the child right
      // after the second end of stream (its own report turns a signal death into a bare signal
      // number).
      pollExit();
      if (exitCode == null && !fastPolling) {
        // The child closed the pipe itself and may exit a moment later: look again soon.
        fastPolling = true;
        ExitProbe.pollSoon(scheduler, this::pollExitUntilFinished);
      }
    }
    tryFinish();
  }

  /** Polls the exit; true once there is nothing left to poll for. */
  private synchronized boolean pollExitUntilFinished() {
    pollExit();
    return finished || exitCode != null;
  }

  private synchronized void pollExit() {
    if (finished || exitCode != null || probe == null) {
      return;
    }
    Integer code = probe.exitCode();
    if (code != null) {
      exitObserved(code);
    }
  }

  private void exitObserved(int code) {
    exitCode = code;
    exitNanos = System.nanoTime();
    if (!(stdoutDone && stderrDone)) {
      // The pipes usually end a moment after the exit is seen. If one is still open after that
      // moment, a process that outlived the child holds it.
      scheduler.schedule(this::endLingeringPipes, LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }
    tryFinish();
  }

  private synchronized void endLingeringPipes() {
    if (finished) {
      return;
    }
    // A stream that has ended has no writer left: only the open ones are worth a scan of /proc.
    // Pipe inodes come from a counter and are not reused, so the names stay safe to look for.
    Set<String> pipes = openPipes();
    lingering = true;
    if (!pipes.isEmpty()) {
      killTree(pipes);
    }
    // Whatever holds the pipes, the call ends: the child itself has exited.
    long forceAfter = spec.killGrace().toMillis() + 500;
    scheduler.schedule(this::forceFinish, forceAfter, TimeUnit.MILLISECONDS);
  }

  private void killTree(Set<String> pipes) {
    tree.kill(pipes, this::openPipes, spec.killGrace(), scheduler);
  }

  private synchronized Set<String> openPipes() {
    return tree.openPipes(stdoutDone, stderrDone);
  }

  private synchronized void forceFinish() {
    if (finished) {
      return;
    }
    if (exitCode == null) {
      exitCode = -1;
      exitNanos = System.nanoTime();
    }
    finishStream(true);
    finishStream(false);
    tryFinish();
  }

  private void finishStream(boolean isStdout) {
    if (isStdout && !stdoutDone) {
      stdoutDone = true;
      stdout.finish();
    } else if (!isStdout && !stderrDone) {
      stderrDone = true;
      stderr.finish();
    }
  }

  private void tryFinish() {
    if (finished || exitCode == null || !stdoutDone || !stderrDone) {
      return;
    }
    finished = true;
    cancelTasks();
    if (ChildRegistry.shuttingDown()) {
      // Leave it to the JVM-exit hook, which kills what may have outlived the child.
      if (failure == null && exitCode > 128) {
        // A signal death now is the shutdown's doing (NuProcess's hook, ours, or a Ctrl-C sent
        // to the whole process group), not erk failing.
        failure = shutdownCancel();
      }
    } else if (lingering) {
      // Processes that outlived the child may still be dying: stay known to the JVM-exit hook.
      scheduler.schedule(() -> ChildRegistry.unregister(this),
          spec.killGrace().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } else {
      ChildRegistry.unregister(this);
    }
    ErkException reason = failure;
    Exit result = new Exit(exitCode, Duration.ofNanos(exitNanos - startNanos), pid);
    complete(() -> {
      if (reason != null) {
        exit.completeExceptionally(reason);
      } else {
        exit.complete(result);
      }
    });
  }

  private synchronized void startFailed(@Nullable Throwable cause) {
    if (finished) {
      return;
    }
    finished = true;
    cancelTasks();
    String executable = spec.command().get(0);
    ErkStartException error = new ErkStartException(
        "could not start erk: " + executable + " (check that it exists and is executable)",
        Path.of(executable), spec.command(), cause);
    complete(() -> exit.completeExceptionally(error));
  }

  private void cancelTasks() {
    if (timeoutTask != null) {
      timeoutTask.cancel(false);
    }
    if (pollTask != null) {
      pollTask.cancel(false);
    }
  }

  private void complete(Runnable completion) {
    try {
      spec.completer().execute(completion);
    } catch (RejectedExecutionException e) {
      SharedThreads.callbackExecutor().execute(completion);
    }
  }

  /** Kills the tree at once for JVM shutdown; the call ends as cancelled. */
  void killNow() {
    ChildTree running;
    synchronized (this) {
      if (!started) {
        return;
      }
      if (!finished && failure == null) {
        failure = shutdownCancel();
      }
      running = tree;
    }
    // Outside the lock: killing takes rounds with pauses, and the pump thread must not wait.
    running.killNow();
  }

  private ErkCancelledException shutdownCancel() {
    return new ErkCancelledException(spec.command(), "the JVM is shutting down");
  }
}
