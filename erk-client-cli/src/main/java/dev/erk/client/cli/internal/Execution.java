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
import java.util.HashSet;
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
 * <p>The exit is read from {@code /proc/<pid>/stat} the moment both pipes close (or by a 50 ms
 * poll while they stay open), which is both faster than NuProcess's dead-pool poll and exact about
 * signals. A child that exits while a grandchild keeps its pipes open completes promptly: the
 * pipe holders are killed and the output ends there.
 *
 * <p>NuProcess callbacks run on its pump thread; everything here is short and non-blocking, and
 * {@link #exit()} is completed on the {@code completer} executor, never on the pump thread.
 */
public final class Execution extends NuAbstractProcessHandler {
  private static final long POLL_MILLIS = 50;
  private static final long FAST_POLL_MICROS = 500;
  private static final int FAST_POLLS = 400;
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

  private final Spec spec;
  private final CompletableFuture<Exit> exit = new CompletableFuture<>();
  private final ScheduledExecutorService scheduler = SharedThreads.scheduler();
  private final Set<String> pipes = new HashSet<>();
  private final long startNanos = System.nanoTime();
  private ProcessOutput stdout = new BoundedCollector(0, () -> {});
  private ProcessOutput stderr = stdout;
  private long pid = -1;
  private long procStartTime = -1;
  private boolean started;
  private boolean stdoutDone;
  private boolean stderrDone;
  private boolean finished;
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
    killTree();
    long forceAfter = spec.killGrace().toMillis() + 1000;
    scheduler.schedule(this::forceFinish, forceAfter, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void onStart(NuProcess process) {
    started = true;
    pid = process.getPID();
    process.closeStdin(true);
    ProcStat stat = ProcStat.read(pid);
    procStartTime = stat == null ? -1 : stat.startTime();
    for (int fd = 1; fd <= 2; fd++) {
      String pipe = ProcessTree.fdTarget(pid, fd);
      if (pipe != null && pipe.startsWith("pipe:")) {
        pipes.add(pipe);
      }
    }
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
      // NuProcess reports exit 127 as MIN_VALUE, and a signal death as the bare signal number.
      exitObserved(statusCode == Integer.MIN_VALUE ? 127 : statusCode);
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
    if (stdoutDone && stderrDone && exitCode == null) {
      pollExit();
      if (exitCode == null) {
        scheduleFastPoll(FAST_POLLS);
      }
    }
    tryFinish();
  }

  private void scheduleFastPoll(int remaining) {
    if (remaining <= 0 || finished) {
      return;
    }
    scheduler.schedule(() -> {
      synchronized (this) {
        pollExit();
        if (exitCode == null) {
          scheduleFastPoll(remaining - 1);
        }
      }
    }, FAST_POLL_MICROS, TimeUnit.MICROSECONDS);
  }

  private synchronized void pollExit() {
    if (finished || exitCode != null || pid < 0) {
      return;
    }
    ProcStat stat = ProcStat.read(pid);
    if (stat != null && stat.isZombie() && (procStartTime < 0 || stat.startTime() == procStartTime)) {
      exitObserved(stat.exitCode());
    }
  }

  private void exitObserved(int code) {
    exitCode = code;
    exitNanos = System.nanoTime();
    if (!(stdoutDone && stderrDone)) {
      // A process that outlived the child still holds a pipe: give it a moment, then end it.
      scheduler.schedule(this::endLingeringPipes, LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }
    tryFinish();
  }

  private synchronized void endLingeringPipes() {
    if (finished || (stdoutDone && stderrDone)) {
      return;
    }
    killTree();
    long forceAfter = spec.killGrace().toMillis() + 500;
    scheduler.schedule(this::forceFinish, forceAfter, TimeUnit.MILLISECONDS);
  }

  /** Kills the tree on the scheduler thread: scanning /proc must not hold up the pump thread. */
  private void killTree() {
    long target = pid;
    Set<String> held = Set.copyOf(pipes);
    Duration grace = spec.killGrace();
    scheduler.execute(() -> ProcessTree.terminate(target, held, grace, scheduler));
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
    ChildRegistry.unregister(this);
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

  /** Kills the tree at once, for JVM shutdown. */
  synchronized void killNow() {
    if (!finished && started) {
      ProcessTree.collect(pid, Set.copyOf(pipes)).forEach(ProcessHandle::destroyForcibly);
    }
  }
}
