package dev.erk.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.erk.client.ErkGeneration;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.cli.CliErkClient;
import dev.erk.client.testkit.FakeErk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SDK's cost per {@code listPlans} over what a {@code ProcessBuilder} user writes (start, read
 * stdout, {@code waitFor}, Jackson {@code readTree}), on the fake erk printing 20 plans.
 *
 * <p>Both sides run in blocks of {@value #BLOCK} calls, SDK and baseline alternating and each going
 * first every other round, so that drift (JIT, page cache, CPU boost, the other tenants of a shared
 * machine) hits both alike. Wall time is per call; CPU time is the JVM's per block ({@link
 * ProcessCpuClock}, all its threads, the JIT compiler threads' share taken out), divided by the
 * calls, read after a short pause so that the block's own trailing work (the SDK completes futures
 * on its workers) counts in it. The children's CPU is theirs, not the JVM's: it is not counted.
 *
 * <p>The baseline must not pay {@code jspawnhelper}, which NuProcess does not use either: the bench
 * JVM runs with {@code -Djdk.lang.Process.launchMechanism=VFORK} (see {@link Bench}).
 *
 * <p>A third side, the same call on bare NuProcess ({@link BareNuProcessCall}) plus {@code
 * readTree}, measures the floor the SDK's process library sets, in the same rounds: {@code
 * nuprocess_overhead_ratio} and {@code nuprocess_cpu_ratio} against the baseline, no goal. The SDK
 * cannot cost less than it; what the SDK adds is the distance between the two.
 */
final class OverheadBench {
  private static final int BLOCK = 10;

  /**
   * Rounds run before the measured ones: enough for the JIT to compile every side's hot path. After
   * 20 (200 calls a side) the C2 compiler still spent 155 ms a second on the SDK's blocks against
   * 38 on bare NuProcess's, so the figures measured the SDK's warm-up, which {@code
   * cold_start_ratio} is for; after 150, it spent 60 to 90 ms a second on each side alike.
   */
  private static final int WARMUP_ROUNDS = 100;

  private static final int ROUNDS = 40;
  private static final long SETTLE_MILLIS = 20;

  private final Report report;
  private final ProcessCpuClock clock = ProcessCpuClock.create();
  private final ObjectMapper mapper = new ObjectMapper();
  private final FakeErk fake;
  private final List<String> argv;

  OverheadBench(Report report, FakeErk fake) {
    this.report = report;
    this.fake = fake;
    this.argv = FakeErkBench.argv(fake);
  }

  void run() throws Exception {
    try (CliErkClient client =
        CliErkClient.builder()
            .executable(fake.executable())
            .workingDirectory(fake.directory())
            .generation(ErkGeneration.CURRENT)
            .coalesceListPlans(false)
            .build()) {
      Side sdk = new Side(() -> sdkCall(client));
      Side baseline = new Side(this::baselineCall);
      Side nuProcess = new Side(this::nuProcessCall);
      List<Side> sides = List.of(sdk, baseline, nuProcess);
      for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
        // Each side goes first, second and third equally often.
        int first = Math.floorMod(round, sides.size());
        for (int i = 0; i < sides.size(); i++) {
          sides.get((first + i) % sides.size()).block(round >= 0);
        }
      }
      report.note(
          "overhead: %s launch mechanism, %d rounds of %d calls a side, 3 sides",
          System.getProperty("jdk.lang.Process.launchMechanism", "the default"), ROUNDS, BLOCK);
      report.note(
          "overhead: JVM CPU with the JIT: SDK %s ms, baseline %s ms a call",
          sdk.cpuWithJit().spread(), baseline.cpuWithJit().spread());
      report.note("overhead: SDK threads %s", sdk.threads.top(8));
      report.note("overhead: baseline threads %s", baseline.threads.top(8));
      report.note("overhead: bare NuProcess threads %s", nuProcess.threads.top(8));
      report.ratio("overhead_ratio", sdk.wall(), baseline.wall(), "ms", Goal.atMost(1.05));
      report.ratio("cpu_ratio", sdk.cpu(), baseline.cpu(), "ms CPU", Goal.atMost(1.2));
      floor("nuprocess_overhead_ratio", nuProcess.wall(), baseline.wall(), "ms");
      floor("nuprocess_cpu_ratio", nuProcess.cpu(), baseline.cpu(), "ms CPU");
    }
  }

  /** A figure of bare NuProcess against the baseline: the floor under the SDK's, no goal. */
  private void floor(String name, Stats nuProcess, Stats baseline, String unit) {
    report.note(
        "%s: bare NuProcess %s %s; baseline %s %s (no goal: the floor under the SDK's figure)",
        name, nuProcess.spread(), unit, baseline.spread(), unit);
    report.figure(name, nuProcess.median() / baseline.median());
  }

  private void sdkCall(CliErkClient client) {
    PlanList plans = client.listPlans(PlanQuery.defaults());
    FakeErkBench.check(plans.count() == 20, "SDK decoded " + plans.count() + " rows");
  }

  private void baselineCall() throws IOException, InterruptedException {
    readPlans(PlainCall.run(argv, fake.directory()), "baseline");
  }

  private void nuProcessCall() throws Exception {
    readPlans(BareNuProcessCall.run(argv, fake.directory()), "bare NuProcess");
  }

  /** What a plain Java caller does with erk's answer: Jackson's {@code readTree}, checked. */
  private void readPlans(PlainCall call, String side) throws IOException {
    JsonNode tree = mapper.readTree(call.stdout());
    FakeErkBench.check(
        call.exitCode() == 0 && tree.get("plans").size() == 20, side + " read a bad answer");
  }

  /** A call of one side. */
  private interface Call {
    void run() throws Exception;
  }

  /** One side's samples: wall time per call, JVM CPU time per call of each block. */
  private final class Side {
    private final Call call;
    private final List<Double> wallMillis = new ArrayList<>();
    private final List<Double> cpuMillis = new ArrayList<>();
    private final List<Double> cpuWithJitMillis = new ArrayList<>();
    final ThreadCpu threads = new ThreadCpu();

    Side(Call call) {
      this.call = call;
    }

    void block(boolean keep) throws Exception {
      Map<Long, ThreadCpu.Sample> before = ThreadCpu.snapshot();
      long[] compilers = ThreadCpu.compilers(before);
      long jitStart = ThreadCpu.nanos(compilers);
      long cpuStart = clock.nanos();
      long blockStart = System.nanoTime();
      for (int i = 0; i < BLOCK; i++) {
        long start = System.nanoTime();
        call.run();
        if (keep) {
          wallMillis.add((System.nanoTime() - start) / 1e6);
        }
      }
      Thread.sleep(SETTLE_MILLIS);
      long cpu = clock.nanos() - cpuStart;
      long jit = ThreadCpu.nanos(compilers) - jitStart;
      if (keep) {
        threads.add(before, System.nanoTime() - blockStart);
        cpuMillis.add((cpu - jit) / 1e6 / BLOCK);
        cpuWithJitMillis.add(cpu / 1e6 / BLOCK);
      }
    }

    Stats wall() {
      return stats(wallMillis);
    }

    Stats cpu() {
      return stats(cpuMillis);
    }

    Stats cpuWithJit() {
      return stats(cpuWithJitMillis);
    }
  }

  private static Stats stats(List<Double> samples) {
    return Stats.of(samples.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
