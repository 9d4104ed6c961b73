package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ErkClient;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent identical listPlans calls share one process; runs go through behave.sh "count". */
class CoalescingTest {
  @TempDir Path dir;

  /** A dash-data stand-in that appends a line to a counter file per process, then answers. */
  private ErkClient counting(boolean coalesce, String seconds) throws Exception {
    Path wrapper = dir.resolve("erk");
    Path behave = TestScripts.install(dir, "behave.sh");
    Files.writeString(
        wrapper,
        "#!/bin/sh\nexec " + behave + " count " + dir.resolve("calls") + " " + seconds + "\n");
    wrapper.toFile().setExecutable(true);
    return CliErkClient.builder().executable(wrapper).coalesceListPlans(coalesce).build();
  }

  private long processes() throws Exception {
    Path calls = dir.resolve("calls");
    return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
  }

  @Test
  void tenConcurrentIdenticalCallsShareOneProcess() throws Exception {
    try (ErkClient client = counting(true, "2")) {
      List<CompletableFuture<PlanList>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        calls.add(client.listPlansAsync(PlanQuery.defaults()));
      }
      for (CompletableFuture<PlanList> call : calls) {
        assertEquals(0, call.get(10, TimeUnit.SECONDS).count());
      }
      assertEquals(1, processes());
      client.listPlans();
      assertEquals(2, processes(), "a call after the flight ended starts a new process");
    }
  }

  @Test
  void oneCallerCancellingDoesNotHurtTheOthers() throws Exception {
    try (ErkClient client = counting(true, "2")) {
      CompletableFuture<PlanList> first = client.listPlansAsync(PlanQuery.defaults());
      CompletableFuture<PlanList> second = client.listPlansAsync(PlanQuery.defaults());
      assertTrue(first.cancel(true));
      assertEquals(0, second.get(10, TimeUnit.SECONDS).count());
      assertEquals(1, processes());
    }
  }

  @Test
  void whenEveryCallerCancelsTheProcessIsCancelledAndANewCallStartsAfresh() throws Exception {
    try (ErkClient client = counting(true, "5")) {
      CompletableFuture<PlanList> first = client.listPlansAsync(PlanQuery.defaults());
      CompletableFuture<PlanList> second = client.listPlansAsync(PlanQuery.defaults());
      Thread.sleep(200);
      first.cancel(true);
      second.cancel(true);
      Thread.sleep(100);
      CompletableFuture<PlanList> third = client.listPlansAsync(PlanQuery.defaults());
      assertFalse(third.isDone());
      third.cancel(true);
    }
  }

  @Test
  void differentQueriesOrCoalescingOffStartTheirOwnProcesses() throws Exception {
    try (ErkClient client = counting(false, "0.2")) {
      CompletableFuture<PlanList> a = client.listPlansAsync(PlanQuery.defaults());
      CompletableFuture<PlanList> b = client.listPlansAsync(PlanQuery.defaults());
      a.get(10, TimeUnit.SECONDS);
      b.get(10, TimeUnit.SECONDS);
      assertEquals(2, processes());
    }
  }
}
