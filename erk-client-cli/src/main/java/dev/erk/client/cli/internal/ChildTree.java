package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.NuProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A child's process tree, and how to end it: the child, its descendants, and every process that
 * holds the write end of the child's stdout or stderr (a grandchild that outlived the child is
 * re-parented and no longer a descendant, but it still writes into the child's output).
 *
 * <p>Ending a tree freezes it first: every member gets {@code SIGSTOP}, rounds repeat until no new
 * member appears, then all get {@code SIGTERM} and {@code SIGCONT}. A stopped process handles the
 * pending SIGTERM before it runs another instruction, so a parent shell never sees its child die
 * and runs its next step. Whatever still lives after the grace period gets {@code SIGKILL}.
 */
public final class ChildTree {
  private static final int FREEZE_ROUNDS = 5;

  private final ProcessPlatform platform;
  private final @Nullable NuProcess process;
  private @Nullable ProcessHandle root;
  private boolean rootFound;
  private @Nullable String stdoutPipe;
  private @Nullable String stderrPipe;

  private ChildTree(
      ProcessPlatform platform, @Nullable ProcessHandle root, @Nullable NuProcess process) {
    this.platform = platform;
    this.root = root;
    this.rootFound = process == null;
    this.process = process;
  }

  /**
   * The tree of a child that has just started. Its {@link ProcessHandle} is looked up only when
   * first needed ({@link #findRoot}), which most calls never do: on Linux the lookup reads {@code
   * /proc/<pid>}, and the kernel pays again to drop those entries when the child is reaped.
   */
  static ChildTree of(NuProcess process, ProcessPlatform platform) {
    return new ChildTree(platform, null, process);
  }

  /** The tree of any process: its descendants only. For processes the SDK did not start. */
  public static ChildTree of(ProcessHandle root) {
    return new ChildTree(ProcessPlatform.current(), root, null);
  }

  /** No process at all. */
  static ChildTree none() {
    return new ChildTree(PortableProcesses.INSTANCE, null, null);
  }

  /**
   * Looks up the child's handle, if not done yet. Its owner calls this as soon as it decides to end
   * the tree, while the child is not reaped or was reaped an instant ago, so that the handle (which
   * checks the process's start time before it signals) is the child's and not a later process's
   * with the same pid. A child reaped already has no handle: its orphans are found by its pipes.
   */
  synchronized @Nullable ProcessHandle findRoot() {
    NuProcess child = process;
    if (!rootFound && child != null) {
      rootFound = true;
      root = ProcessHandle.of(child.getPID()).orElse(null);
    }
    return root;
  }

  /**
   * The pipes whose streams have not ended, so whose read end this JVM still holds. Named only when
   * first asked, which most calls never do: a stream that has not ended still has its descriptor,
   * and a pipe's name stays its own while this JVM holds that read end.
   */
  synchronized Set<String> pipes(boolean stdoutOpen, boolean stderrOpen) {
    Set<String> open = new HashSet<>();
    if (stdoutOpen && process != null) {
      if (stdoutPipe == null) {
        stdoutPipe = platform.pipeOf(process, true);
      }
      if (stdoutPipe != null) {
        open.add(stdoutPipe);
      }
    }
    if (stderrOpen && process != null) {
      if (stderrPipe == null) {
        stderrPipe = platform.pipeOf(process, false);
      }
      if (stderrPipe != null) {
        open.add(stderrPipe);
      }
    }
    return open;
  }

  /** True when the child has exited (or is unknown): then its descendants are orphans. */
  boolean isGone() {
    ProcessHandle child = findRoot();
    return child == null || !platform.isRunning(child);
  }

  /**
   * Freezes and terminates the tree now, on the calling thread, and kills what is left after {@code
   * grace} (on a worker). Pipes are looked for only once the child has exited, when {@code
   * openPipes} names those still held.
   */
  public void terminate(Supplier<Set<String>> openPipes, Duration grace) {
    Set<ProcessHandle> frozen = new LinkedHashSet<>();
    List<ProcessHandle> unfrozen = new ArrayList<>();
    for (int round = 0; round < FREEZE_ROUNDS; round++) {
      List<ProcessHandle> found = members(isGone() ? openPipes.get() : Set.of());
      found.removeIf(p -> frozen.contains(p) || unfrozen.contains(p));
      if (found.isEmpty()) {
        break;
      }
      // The root first: a frozen parent starts no new child while its children are collected.
      for (int i = found.size() - 1; i >= 0; i--) {
        ProcessHandle member = found.get(i);
        (Signals.stop(member) ? frozen : unfrozen).add(member);
      }
    }
    frozen.forEach(Signals::terminate);
    unfrozen.forEach(Signals::terminate);
    frozen.forEach(Signals::resume);
    List<ProcessHandle> victims = new ArrayList<>(frozen);
    victims.addAll(unfrozen);
    Contained.later(
        SdkThreads.scheduler(),
        () -> SdkThreads.execute(() -> killSurvivors(victims, openPipes)),
        grace.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void killSurvivors(List<ProcessHandle> victims, Supplier<Set<String>> openPipes) {
    Set<ProcessHandle> survivors = new LinkedHashSet<>();
    for (ProcessHandle victim : victims) {
      if (victim.isAlive()) {
        survivors.add(victim);
        survivors.addAll(victim.descendants().collect(Collectors.toList()));
      }
    }
    survivors.addAll(members(isGone() ? openPipes.get() : Set.of()));
    survivors.forEach(Signals::kill);
  }

  /**
   * Kills the tree at once, for JVM shutdown, looking again until nothing of it runs: the child may
   * be dying already while its descendants are re-parented.
   */
  public void killNow() {
    Set<String> pipes = pipes(true, true);
    for (int round = 0; round < 10; round++) {
      List<ProcessHandle> running =
          members(pipes).stream().filter(platform::isRunning).collect(Collectors.toList());
      if (running.isEmpty()) {
        return;
      }
      running.forEach(Signals::kill);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The root's descendants, the writers of the pipes and their descendants, then the root. */
  List<ProcessHandle> members(Set<String> pipes) {
    Set<ProcessHandle> found = new LinkedHashSet<>();
    ProcessHandle root = findRoot();
    if (root != null) {
      found.addAll(root.descendants().collect(Collectors.toList()));
    }
    for (ProcessHandle writer : platform.pipeWriters(pipes)) {
      found.add(writer);
      found.addAll(writer.descendants().collect(Collectors.toList()));
    }
    if (root != null) {
      found.remove(root);
      found.add(root);
    }
    found.removeIf(p -> p.pid() == ProcessHandle.current().pid());
    return new ArrayList<>(found);
  }
}
