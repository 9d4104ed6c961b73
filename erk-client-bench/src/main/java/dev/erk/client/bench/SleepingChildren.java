package dev.erk.client.bench;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.CliErkClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The ways {@link IdleCpuBench} starts {@code sleep} children and waits on them: plain {@code
 * ProcessBuilder} with one thread blocked in {@code waitFor()} per child, and the client's {@code
 * runAsync} and {@code stream}. Every child runs the same {@code sleep 600}.
 */
final class SleepingChildren {
  /** Outlives every window: a child that ends during one fails the bench. */
  private static final String SECONDS = "600";

  private static final long DEADLINE_MILLIS = 10_000;

  /** Children started one way. */
  interface Running {
    /** True while every child is still being waited for. */
    boolean waiting();

    /** Kills the children; returns once this side no longer waits on them. */
    void stop() throws IOException, InterruptedException;
  }

  /** One way to start children. */
  interface Side {
    Running start(int children) throws IOException;
  }

  private final Path sleep;
  private final Path directory;

  SleepingChildren(Path sleep, Path directory) {
    this.sleep = sleep;
    this.directory = directory;
  }

  /** Waits until exactly {@code count} children of this JVM run {@code sleep}. */
  void await(int count) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
    long found;
    while ((found = count()) != count) {
      FakeErkBench.check(
          System.nanoTime() < deadline, "expected " + count + " sleeping children, found " + found);
      Thread.sleep(5);
    }
  }

  /** The children of this JVM running {@code sleep} by now: exec'd, neither starting nor dead. */
  long count() {
    String path = sleep.toString();
    return ProcessHandle.current()
        .children()
        .filter(child -> child.info().command().filter(path::equals).isPresent())
        .count();
  }

  /** What a ProcessBuilder user writes: start, then a thread blocked in {@code waitFor()}. */
  Running baseline(int children) throws IOException {
    List<Process> processes = new ArrayList<>();
    List<Thread> waiters = new ArrayList<>();
    CountDownLatch blocked = new CountDownLatch(children);
    for (int i = 0; i < children; i++) {
      Process process =
          new ProcessBuilder(sleep.toString(), SECONDS).directory(directory.toFile()).start();
      processes.add(process);
      Thread waiter =
          new Thread(
              () -> {
                blocked.countDown();
                try {
                  process.waitFor();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "bench-waitFor-" + i);
      waiter.start();
      waiters.add(waiter);
    }
    return new Running() {
      @Override
      public boolean waiting() {
        return blocked.getCount() == 0
            && waiters.stream().allMatch(t -> t.getState() == Thread.State.WAITING)
            && processes.stream().allMatch(Process::isAlive);
      }

      @Override
      public void stop() throws IOException, InterruptedException {
        processes.forEach(Process::destroy);
        for (Thread waiter : waiters) {
          waiter.join(DEADLINE_MILLIS);
        }
        for (Process process : processes) {
          process.getOutputStream().close();
          process.getInputStream().close();
          process.getErrorStream().close();
        }
      }
    };
  }

  /** The request the client runs: {@code sleep 600}, the client's executable being sleep. */
  static ActionRequest request() {
    return ActionRequest.custom(ActionKind.STREAMING, SECONDS).withTimeout(Duration.ofMinutes(20));
  }

  /** {@code runAsync}: output collected, a future per child. */
  static Running runAsync(CliErkClient client, int children) {
    List<CompletableFuture<ActionResult>> calls = new ArrayList<>();
    for (int i = 0; i < children; i++) {
      calls.add(client.runAsync(request()));
    }
    return new Running() {
      @Override
      public boolean waiting() {
        return calls.stream().noneMatch(CompletableFuture::isDone);
      }

      @Override
      public void stop() {
        calls.forEach(call -> call.cancel(true));
      }
    };
  }

  /** {@code stream} with a listener that does nothing. */
  static Running stream(CliErkClient client, int children) {
    List<StreamHandle> handles = new ArrayList<>();
    for (int i = 0; i < children; i++) {
      handles.add(client.stream(request(), line -> {}));
    }
    return new Running() {
      @Override
      public boolean waiting() {
        return handles.stream().allMatch(StreamHandle::isRunning);
      }

      @Override
      public void stop() {
        handles.forEach(StreamHandle::cancel);
      }
    };
  }
}
