package dev.erk.client.bench;

import dev.erk.client.ErkGeneration;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.cli.CliErkClient;
import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The figures that run the testkit's fake erk: SDK overhead over a plain ProcessBuilder (per call
 * and from a cold JVM), the cost of one fake invocation (a note), and single-flight coalescing.
 */
final class FakeErkBench {
  private static final int WARMUP = 10;
  private static final int INVOCATIONS = 100;

  private final Report report;

  FakeErkBench(Report report) {
    this.report = report;
  }

  void run() throws Exception {
    String payload = new String(Rows.dashData(Rows.generate(20, 20)), StandardCharsets.UTF_8);
    try (FakeErk fake = FakeErk.create()) {
      fake.stubFor(ArgvPattern.command("exec", "dash-data")).willReturn(Reply.stdout(payload));
      new OverheadBench(report, fake).run();
      new ColdStartBench(report, fake).run();
      invocation(fake);
    }
    try (FakeErk fake = FakeErk.create()) {
      // 100 ms stands for real erk's ~800 ms: long enough that every caller arrives in flight.
      fake.stubFor(ArgvPattern.command("exec", "dash-data"))
          .willReturn(
              Reply.timeline().pause(Duration.ofMillis(100)).stdout(payload.strip()).exitCode(0));
      coalescing(fake);
    }
  }

  private void invocation(FakeErk fake) throws Exception {
    List<String> argv = argv(fake);
    double[] millis = new double[INVOCATIONS];
    for (int i = -WARMUP; i < INVOCATIONS; i++) {
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(argv)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      int exit = process.waitFor();
      if (i >= 0) {
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      check(exit == 0, "fake erk exited " + exit);
    }
    Stats s = Stats.of(millis);
    report.note("fake erk invocation (start to exit, no goal): %s ms", s.spread());
  }

  private void coalescing(FakeErk fake) throws Exception {
    try (CliErkClient client = client(fake, true)) {
      int before = fake.invocations().size();
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<PlanList>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        calls.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return client.listPlans(PlanQuery.defaults());
                },
                runnable -> new Thread(runnable, "bench-caller").start()));
      }
      go.countDown();
      for (CompletableFuture<PlanList> call : calls) {
        check(call.join().count() == 20, "a coalesced caller got a bad list");
      }
      report.figure("coalesced_processes", fake.invocations().size() - before, Goal.atMost(1));
    }
  }

  private static CliErkClient client(FakeErk fake, boolean coalesce) {
    return CliErkClient.builder()
        .executable(fake.executable())
        .workingDirectory(fake.directory())
        .generation(ErkGeneration.CURRENT)
        .coalesceListPlans(coalesce)
        .build();
  }

  static List<String> argv(FakeErk fake) {
    List<String> argv = new ArrayList<>();
    argv.add(fake.executable().toString());
    argv.addAll(PlanQuery.defaults().arguments());
    return argv;
  }

  static void check(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalStateException(problem);
    }
  }
}
