package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.LineListener;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, items 3, 5, 6 and the non-blocking half of 12: what callers share (generation
 * detection, a coalesced listPlans, a client being closed) is never broken by one caller.
 */
class SharedWorkTest {
  private static final String SLOW_VERSION =
      "case \"$1\" in --version) sleep 2; echo 'erk, version 0.9.13';; *) echo ok;; esac";

  @TempDir Path dir;

  @Test
  void anInterruptDuringGenerationDetectionCancelsOnlyThatCaller() throws Exception {
    try (CliErkClient client = InlineErk.script(dir, SLOW_VERSION).build()) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  // Before the fix stream() waited here for the shared detection, and the interrupt
                  // cancelled it for every caller; now stream() returns at once and generation()
                  // waits.
                  client.stream(
                      DashboardAction.LAND_PR.request(new PlanRowsForTests().open()),
                      LineListener.NONE);
                  client.generation();
                } catch (Throwable e) {
                  thrown.set(e);
                }
              });
      caller.start();
      Thread.sleep(300);
      caller.interrupt();
      caller.join(10_000);
      assertInstanceOf(ErkCancelledException.class, thrown.get());
      assertEquals(ErkGeneration.CURRENT, client.generation());
      ActionResult landed =
          client.run(DashboardAction.LAND_PR.request(new PlanRowsForTests().open()));
      assertTrue(landed.success(), landed.message());
    }
  }

  @Test
  void streamAsyncReturnsAtOnceWhileTheGenerationIsStillBeingDetected() throws Exception {
    try (CliErkClient client =
        InlineErk.script(
                dir,
                "case \"$1\" in --version) sleep 5; echo 'erk, version 0.9.13';; *) echo ok;; esac")
            .build()) {
      long start = System.nanoTime();
      CompletableFuture<ActionResult> landing =
          client.streamAsync(
              DashboardAction.LAND_PR.request(new PlanRowsForTests().open()), LineListener.NONE);
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tookMillis < 2500, "streamAsync blocked for " + tookMillis + " ms");
      assertTrue(landing.get(20, TimeUnit.SECONDS).success());
    }
  }

  @Test
  void eachCoalescedCallerHasItsOwnTimeout() throws Exception {
    try (CliErkClient client =
        InlineErk.script(dir, "sleep 20").dataTimeout(Duration.ofSeconds(15)).build()) {
      CompletableFuture<PlanList> patient = client.listPlansAsync(PlanQuery.defaults());
      long start = System.nanoTime();
      ErkTimeoutException hasty =
          assertThrows(
              ErkTimeoutException.class,
              () -> client.listPlans(PlanQuery.defaults().withTimeout(Duration.ofSeconds(1))));
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(Duration.ofSeconds(1), hasty.timeout());
      assertTrue(tookMillis < 8000, "the 1 s caller waited " + tookMillis + " ms");
      assertTrue(!patient.isDone(), "the patient caller still waits");
      patient.cancel(true);
    }
  }

  @Test
  void aCallerWithALongerTimeoutOutlivesTheCallerThatStartedTheProcess() throws Exception {
    try (CliErkClient client = InlineErk.script(dir, "sleep 20").build()) {
      CompletableFuture<PlanList> first =
          client.listPlansAsync(PlanQuery.defaults().withTimeout(Duration.ofMillis(800)));
      CompletableFuture<PlanList> second =
          client.listPlansAsync(PlanQuery.defaults().withTimeout(Duration.ofSeconds(10)));
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS));
      assertInstanceOf(ErkTimeoutException.class, e.getCause());
      Thread.sleep(2000);
      assertTrue(!second.isDone(), "the 10 s caller failed with the 0.8 s caller");
      second.cancel(true);
    }
  }

  @Test
  void closeCancelsEveryCallRacingWithIt() throws Exception {
    for (int round = 0; round < 5; round++) {
      CliErkClient client = InlineErk.script(dir, "exec sleep 600").build();
      List<CompletableFuture<ActionResult>> calls =
          java.util.Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread thread =
            new Thread(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    try {
                      calls.add(client.runAsync(ActionRequest.custom(ActionKind.TEXT, "x")));
                    } catch (IllegalStateException closed) {
                      return;
                    }
                  }
                });
        threads.add(thread);
        thread.start();
      }
      Thread.sleep(round);
      client.close();
      for (Thread thread : threads) {
        thread.join(10_000);
      }
      assertThrows(
          IllegalStateException.class,
          () -> client.runAsync(ActionRequest.custom(ActionKind.TEXT, "x")));
      synchronized (calls) {
        for (CompletableFuture<ActionResult> call : calls) {
          ExecutionException e =
              assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
          assertInstanceOf(ErkCancelledException.class, e.getCause());
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (InlineErk.runningChildren() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(0, InlineErk.runningChildren(), "round " + round + ": children left");
    }
  }
}
