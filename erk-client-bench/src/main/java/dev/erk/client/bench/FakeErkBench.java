package dev.erk.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.erk.client.ErkGeneration;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.cli.CliErkClient;
import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The figures that run the testkit's fake erk: SDK overhead over a plain ProcessBuilder, the cost
 * of one fake invocation, and single-flight coalescing.
 */
final class FakeErkBench {
  private static final int WARMUP = 30;
  private static final int PAIRS = 200;
  private static final int INVOCATIONS = 250;

  private final Report report;
  private final ObjectMapper mapper = new ObjectMapper();

  FakeErkBench(Report report) {
    this.report = report;
  }

  void run() throws Exception {
    String payload = new String(Rows.dashData(Rows.generate(20, 20)), StandardCharsets.UTF_8);
    try (FakeErk fake = FakeErk.create()) {
      fake.stubFor(ArgvPattern.command("exec", "dash-data")).willReturn(Reply.stdout(payload));
      overhead(fake, payload.length());
      invocation(fake);
    }
    try (FakeErk fake = FakeErk.create()) {
      // 100 ms stands for real erk's ~800 ms: long enough that every caller arrives in flight.
      fake.stubFor(ArgvPattern.command("exec", "dash-data")).willReturn(Reply.timeline()
          .pause(Duration.ofMillis(100)).stdout(payload.strip()).exitCode(0));
      coalescing(fake);
    }
  }

  /** Interleaves baseline and SDK calls so that drift (JIT, page cache, CPU boost) cancels. */
  private void overhead(FakeErk fake, int bytes) throws Exception {
    List<String> argv = argv(fake);
    try (CliErkClient client = client(fake, false)) {
      double[] base = new double[PAIRS];
      double[] sdk = new double[PAIRS];
      for (int i = -WARMUP; i < PAIRS; i++) {
        boolean sdkFirst = (i & 1) == 0;
        long a = sdkFirst ? sdkCall(client) : baselineCall(argv, fake.directory());
        long b = sdkFirst ? baselineCall(argv, fake.directory()) : sdkCall(client);
        if (i >= 0) {
          sdk[i] = (sdkFirst ? a : b) / 1e6;
          base[i] = (sdkFirst ? b : a) / 1e6;
        }
      }
      Stats s = Stats.of(sdk);
      Stats b = Stats.of(base);
      report.note("overhead: %d-byte payload, %d pairs; SDK median %.2f ms (p90 %.2f), "
          + "ProcessBuilder+readTree median %.2f ms (p90 %.2f)", bytes, PAIRS, s.median(),
          s.percentile(90), b.median(), b.percentile(90));
      report.figure("overhead_ratio", s.median() / b.median(), "x");
    }
  }

  private long sdkCall(CliErkClient client) {
    long start = System.nanoTime();
    PlanList plans = client.listPlans(PlanQuery.defaults());
    long elapsed = System.nanoTime() - start;
    check(plans.count() == 20, "SDK decoded " + plans.count() + " rows");
    return elapsed;
  }

  private long baselineCall(List<String> argv, Path directory)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(argv).directory(directory.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    byte[] out;
    try (InputStream in = process.getInputStream()) {
      out = in.readAllBytes();
    }
    int exit = process.waitFor();
    JsonNode tree = mapper.readTree(out);
    long elapsed = System.nanoTime() - start;
    check(exit == 0 && tree.get("plans").size() == 20, "baseline read a bad answer");
    return elapsed;
  }

  private void invocation(FakeErk fake) throws Exception {
    List<String> argv = argv(fake);
    double[] millis = new double[INVOCATIONS];
    for (int i = -WARMUP; i < INVOCATIONS; i++) {
      long start = System.nanoTime();
      Process process = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      int exit = process.waitFor();
      if (i >= 0) {
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      check(exit == 0, "fake erk exited " + exit);
    }
    Stats s = Stats.of(millis);
    report.note("fake erk invocation: %d runs, p90 %.2f ms, max %.2f ms", s.count(),
        s.percentile(90), s.max());
    report.figure("fake_erk_invocation_median_ms", s.median(), "ms");
  }

  private void coalescing(FakeErk fake) throws Exception {
    try (CliErkClient client = client(fake, true)) {
      int before = fake.invocations().size();
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<PlanList>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return client.listPlans(PlanQuery.defaults());
        }, runnable -> new Thread(runnable, "bench-caller").start()));
      }
      go.countDown();
      for (CompletableFuture<PlanList> call : calls) {
        check(call.join().count() == 20, "a coalesced caller got a bad list");
      }
      report.figure("coalesced_processes", fake.invocations().size() - before, "processes");
    }
  }

  private static CliErkClient client(FakeErk fake, boolean coalesce) {
    return CliErkClient.builder().executable(fake.executable()).workingDirectory(fake.directory())
        .generation(ErkGeneration.CURRENT).coalesceListPlans(coalesce).build();
  }

  private static List<String> argv(FakeErk fake) {
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
