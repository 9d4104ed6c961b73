package dev.erk.client.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.PlanQuery;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.CliErkClient;
import dev.erk.client.cli.internal.SdkThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many calls in a bounded time, a tenth of them cancelled or timed out, then a leak check: no child
 * process, open file descriptors and non-SDK threads back to their baseline. The number of calls is
 * the system property {@code erk.soak.calls} (1,000 by default; the {@code long} profile raises
 * it).
 *
 * <p>File descriptors may differ from the baseline by at most {@value #FD_TOLERANCE}: the JDK opens
 * some lazily and keeps them (a jar of a class first loaded during the soak, the entropy source),
 * which is not a per-call leak; a leak of one pipe per call would show as hundreds.
 */
class SoakTest {
  private static final int FD_TOLERANCE = 3;
  private static final int IN_FLIGHT = 16;
  private static final String EMPTY = "{\"success\": true, \"plans\": [], \"count\": 0}\n";

  @TempDir Path fast;
  @TempDir Path hang;

  @Test
  void thousandsOfCallsLeaveNoProcessDescriptorOrThread() throws Exception {
    int calls = Integer.getInteger("erk.soak.calls", 1000);
    Reliability.write(fast.resolve("stdout"), EMPTY);
    Reliability.write(fast.resolve("run"), "echo 'progress' >&2\n");
    Reliability.write(hang.resolve("run"), "exec sleep 600\n");
    try (CliErkClient fastErk = Reliability.fake(fast).build();
        CliErkClient hangErk = Reliability.fake(hang).build()) {
      for (int i = 0; i < 10; i++) {
        call(i, fastErk, hangErk).join();
      }
      settle();
      int fds0 = Reliability.openFds();
      long threads0 = nonSdkThreads();

      long start = System.nanoTime();
      Semaphore window = new Semaphore(IN_FLIGHT);
      List<CompletableFuture<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        window.acquire();
        CompletableFuture<String> outcome = call(i, fastErk, hangErk);
        // Releasing a permit cannot throw, so the stage whenComplete returns holds nothing.
        CompletableFuture<String> unused = outcome.whenComplete((o, e) -> window.release());
        outcomes.add(outcome);
      }
      int ok = 0;
      int cancelled = 0;
      int timedOut = 0;
      List<String> unexpected = new ArrayList<>();
      for (CompletableFuture<String> outcome : outcomes) {
        switch (outcome.get(60, TimeUnit.SECONDS)) {
          case "ok" -> ok++;
          case "cancelled" -> cancelled++;
          case "timed out" -> timedOut++;
          default -> unexpected.add(outcome.join());
        }
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(List.of(), unexpected);
      assertEquals(calls, ok + cancelled + timedOut);
      assertEquals(calls / 20, cancelled);
      assertEquals(calls / 20, timedOut);
      assertTrue(
          took.compareTo(Duration.ofMinutes(2).multipliedBy(Math.max(1, calls / 1000))) < 0,
          "took " + took);

      List<Long> pids = new ArrayList<>(Reliability.pids(fast));
      pids.addAll(Reliability.pids(hang));
      List<Long> alive = Reliability.survivors(pids);
      long children =
          ProcessHandle.current().children().filter(p -> Reliability.isRunning(p.pid())).count();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while ((nonSdkThreads() > threads0 || Reliability.openFds() > fds0 + FD_TOLERANCE)
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      int fdDelta = Reliability.openFds() - fds0;
      long threadDelta = nonSdkThreads() - threads0;
      long sdkThreads =
          Reliability.threadNames().stream().filter(n -> n.startsWith(SdkThreads.PREFIX)).count();
      System.out.printf(
          "reliability: soak %d calls, fds %+d, threads %+d, children %d%n",
          calls, fdDelta, threadDelta, children + alive.size());
      System.out.printf(
          "reliability: soak detail: %d ok, %d cancelled, %d timed out in %.1f s;"
              + " %d pooled %s* threads alive (daemon, end after 2 s idle)%n",
          ok, cancelled, timedOut, took.toMillis() / 1000.0, sdkThreads, SdkThreads.PREFIX);
      assertEquals(List.of(), alive, "processes left");
      assertEquals(0, children, "children of the JVM");
      assertTrue(Math.abs(fdDelta) <= FD_TOLERANCE, "fds " + fdDelta);
      assertTrue(threadDelta <= 0, "threads " + threadDelta + ": " + Reliability.threadNames());
    }
  }

  /** Call {@code i}: one in 20 is cancelled, one in 20 times out, the rest succeed. */
  private static CompletableFuture<String> call(int i, CliErkClient fast, CliErkClient hang) {
    ActionRequest text = ActionRequest.custom(ActionKind.TEXT, "objective", "check", "" + i);
    switch (i % 20) {
      case 7 -> {
        StreamHandle handle =
            hang.stream(ActionRequest.custom(ActionKind.STREAMING, "land"), line -> {});
        CompletableFuture.delayedExecutor(i % 40, TimeUnit.MILLISECONDS).execute(handle::cancel);
        return handle
            .completion()
            .handle((r, e) -> expect(r, e, ErkCancelledException.class, "cancelled"));
      }
      case 13 -> {
        return hang.runAsync(text.withTimeout(Duration.ofMillis(100 + i % 50)))
            .handle((r, e) -> expect(r, e, ErkTimeoutException.class, "timed out"));
      }
      case 0, 5, 10, 15 -> {
        StreamHandle handle =
            fast.stream(ActionRequest.custom(ActionKind.STREAMING, "land"), line -> {});
        return handle.completion().thenApply(r -> r.exitCode() == 0 ? "ok" : "exit " + r);
      }
      default -> {
        if (i % 2 == 0) {
          return fast.listPlansAsync(PlanQuery.defaults())
              .thenApply(plans -> plans.plans().isEmpty() ? "ok" : "plans?");
        }
        return fast.runAsync(text).thenApply(r -> r.success() ? "ok" : "failed " + r);
      }
    }
  }

  private static String expect(Object result, Throwable e, Class<?> type, String outcome) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (!type.isInstance(cause)) {
      throw new AssertionError(
          "expected " + type.getSimpleName() + ", got " + cause + " / " + result, cause);
    }
    return outcome;
  }

  /**
   * Threads neither the SDK's nor the JDK's "process reaper" threads, which wait for each child's
   * exit (as they do for every ProcessBuilder child) and end after 60 s idle.
   */
  private static long nonSdkThreads() {
    return Reliability.threadNames().stream()
        .filter(n -> !n.startsWith(SdkThreads.PREFIX) && !n.equals("process reaper"))
        .count();
  }

  /** Waits until the non-SDK thread count has not changed for three seconds (at most ten). */
  private static void settle() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long last = nonSdkThreads();
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline
        && System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(3)) {
      Thread.sleep(100);
      long now = nonSdkThreads();
      if (now != last) {
        last = now;
        stableSince = System.nanoTime();
      }
    }
    assertTrue(Files.exists(Path.of("/proc/self/fd")), "needs /proc");
  }
}
