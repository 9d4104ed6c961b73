package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.internal.BasePosixProcess;
import com.zaxxer.nuprocess.internal.ReferenceCountedFileDescriptor;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What identifies a child's process tree for killing it: the child's handle (its start time
 * guards against a recycled pid) and the pipes it was given for stdout and stderr, by which
 * processes that outlived the child are found.
 */
final class ChildTree {
  private final @Nullable ProcessHandle root;
  private final @Nullable String stdoutPipe;
  private final @Nullable String stderrPipe;

  private ChildTree(@Nullable ProcessHandle root, @Nullable String stdoutPipe,
      @Nullable String stderrPipe) {
    this.root = root;
    this.stdoutPipe = stdoutPipe;
    this.stderrPipe = stderrPipe;
  }

  /**
   * Records the tree of a child that has just started.
   *
   * <p>The pipes are named by this JVM's read ends, not by the child's descriptors: a child that
   * exits at once may already be a zombie here, with no descriptors left to read, while the
   * grandchild it started still holds the pipes.
   */
  static ChildTree of(NuProcess process) {
    long pid = process.getPID();
    String stdoutPipe = readEndOf(process, true);
    String stderrPipe = readEndOf(process, false);
    return new ChildTree(ProcessHandle.of(pid).orElse(null),
        stdoutPipe != null ? stdoutPipe : pipeOf(pid, 1),
        stderrPipe != null ? stderrPipe : pipeOf(pid, 2));
  }

  /** A tree not started: there is nothing to kill. */
  static ChildTree none() {
    return new ChildTree(null, null, null);
  }

  /** The pipes whose streams have not ended, so whose read end this JVM still holds. */
  Set<String> openPipes(boolean stdoutDone, boolean stderrDone) {
    Set<String> open = new HashSet<>();
    if (!stdoutDone && stdoutPipe != null) {
      open.add(stdoutPipe);
    }
    if (!stderrDone && stderrPipe != null) {
      open.add(stderrPipe);
    }
    return open;
  }

  /** Both pipes, whether or not their streams have ended. */
  Set<String> recordedPipes() {
    return openPipes(false, false);
  }

  /** True when the child has exited (or is unknown). */
  boolean isGone() {
    return ProcessTree.isGone(root);
  }

  /**
   * Kills the tree on the reaper thread (scanning /proc must not hold up the pump thread), looking
   * for holders of {@code pipes} first and of {@code openPipes} after the grace.
   */
  void kill(Set<String> pipes, Supplier<Set<String>> openPipes, Duration grace,
      ScheduledExecutorService scheduler) {
    ProcessHandle target = root;
    SharedThreads.reaper().execute(
        () -> ProcessTree.terminate(target, pipes, openPipes, grace, scheduler));
  }

  /**
   * Kills the tree at once, for JVM shutdown. NuProcess's own hook runs at the same time and
   * kills the child, so the tree is looked at again until nothing of it is running.
   */
  void killNow() {
    for (int round = 0; round < 10; round++) {
      List<ProcessHandle> running = ProcessTree.collect(root, recordedPipes()).stream()
          .filter(ProcessTree::isRunning).collect(Collectors.toList());
      if (running.isEmpty()) {
        return;
      }
      running.forEach(ProcessHandle::destroyForcibly);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * The pipe behind NuProcess's read end of the child's stdout or stderr, or null where NuProcess
   * does not expose it (its POSIX processes do, through their public descriptor holders).
   */
  private static @Nullable String readEndOf(NuProcess process, boolean stdout) {
    if (!(process instanceof BasePosixProcess posix)) {
      return null;
    }
    ReferenceCountedFileDescriptor descriptor = stdout ? posix.getStdout() : posix.getStderr();
    int fd = descriptor.acquire();
    try {
      return fd < 0 ? null : pipeOf(ProcessHandle.current().pid(), fd);
    } finally {
      descriptor.release();
    }
  }

  private static @Nullable String pipeOf(long pid, int fd) {
    String target = ProcessTree.fdTarget(pid, fd);
    return target != null && target.startsWith("pipe:") ? target : null;
  }
}
