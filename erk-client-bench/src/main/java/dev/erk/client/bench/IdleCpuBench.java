package dev.erk.client.bench;

import dev.erk.client.ErkGeneration;
import dev.erk.client.bench.SleepingChildren.Running;
import dev.erk.client.bench.SleepingChildren.Side;
import dev.erk.client.cli.CliErkClient;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Idle CPU: the JVM's CPU time per second of wall time while its children sleep, erk-client waiting
 * on them vs. plain {@code ProcessBuilder} children with a thread blocked in {@code waitFor()}
 * each. Both sides run the same {@code sleep}, as many children, in the same run: baseline then
 * client, round after round, medians compared, so that the shared machine's noise hits both alike.
 * The client alternates {@code runAsync} and {@code stream} by round.
 *
 * <p>CPU time is the process clock ({@link ProcessCpuClock}) less what the JIT compiler threads
 * used in the window ({@link ThreadCpu}): compiling is a one-time cost, and on two shared cores a
 * C2 burst of 30-100 ms lands in one window in three and drowns a 1 ms/s baseline. The totals with
 * the JIT are printed as notes.
 *
 * <p>A window opens once every child runs {@code sleep} (its {@code /proc/<pid>/exe}) and the JIT
 * has gone quiet, so spawning is not measured; then the children are killed and gone before the
 * next window starts.
 */
final class IdleCpuBench {
  private static final int ROUNDS = 8;
  private static final long WINDOW_MILLIS = 1000;
  private static final long WARMUP_MILLIS = 1500;
  private static final long SETTLE_MILLIS = 250;
  private static final int PRIME_READS = 20_000;
  private static final long QUIET_MILLIS = 100;
  private static final long QUIET_DEADLINE_MILLIS = 3000;
  private static final double GOAL = 1.5;

  private final Report report;
  private final ProcessCpuClock clock = ProcessCpuClock.create();
  private final Path sleep;
  private final Path directory;
  private final SleepingChildren children;

  IdleCpuBench(Report report) throws IOException {
    this.report = report;
    this.sleep = Path.of("/bin/sleep").toRealPath();
    this.directory = Files.createTempDirectory("erk-bench-idle-");
    directory.toFile().deleteOnExit();
    this.children = new SleepingChildren(sleep, directory);
  }

  void run() throws Exception {
    report.note("idle cpu: process CPU time from %s", clock.description());
    try (CliErkClient client =
        CliErkClient.builder()
            .executable(sleep)
            .workingDirectory(directory)
            .generation(ErkGeneration.CURRENT)
            // The kill's follow-up runs one grace after the kill: short, so that it lands before
            // the
            // next window, not in it.
            .killGrace(Duration.ofMillis(100))
            .build()) {
      Side baseline = children::baseline;
      Side runAsync = count -> SleepingChildren.runAsync(client, count);
      Side stream = count -> SleepingChildren.stream(client, count);
      primeFileReads();
      for (Side side : List.of(baseline, runAsync, stream)) {
        window(side, 16, new Tally(), WARMUP_MILLIS);
      }
      for (int count : new int[] {1, 16}) {
        compare(count, baseline, runAsync, stream);
      }
    }
  }

  private void compare(int count, Side baseline, Side runAsync, Side stream) throws Exception {
    Tally base = new Tally();
    Tally async = new Tally();
    Tally streamed = new Tally();
    for (int round = 0; round < ROUNDS; round++) {
      window(baseline, count, base, WINDOW_MILLIS);
      window(
          round % 2 == 0 ? runAsync : stream,
          count,
          round % 2 == 0 ? async : streamed,
          WINDOW_MILLIS);
    }
    Tally client = async.and(streamed);
    String name = "idle_cpu_ratio_" + count;
    double ratio = client.steady().median() / base.steady().median();
    report.note(
        "%s: %d %s asleep, %d rounds of %d ms; without JIT: baseline %.2f ms/s "
            + "(%.2f-%.2f), client %.2f ms/s (%.2f-%.2f; runAsync %.2f, stream %.2f)",
        name,
        count,
        count == 1 ? "child" : "children",
        ROUNDS,
        WINDOW_MILLIS,
        base.steady().median(),
        base.steady().min(),
        base.steady().max(),
        client.steady().median(),
        client.steady().min(),
        client.steady().max(),
        async.steady().median(),
        streamed.steady().median());
    report.note(
        "%s: with JIT: baseline %.2f ms/s (%.2f-%.2f), client %.2f ms/s (%.2f-%.2f), "
            + "ratio %.2f",
        name,
        base.total().median(),
        base.total().min(),
        base.total().max(),
        client.total().median(),
        client.total().min(),
        client.total().max(),
        client.total().median() / base.total().median());
    report.note(
        "%s: cross-check over all windows: process clock %.0f ms, /proc/self/stat "
            + "%.0f ms (10 ms ticks)",
        name, (base.cpuNanos + client.cpuNanos) / 1e6, (base.tickNanos + client.tickNanos) / 1e6);
    report.note("%s: baseline %s", name, base.threads.top(6));
    report.note("%s: runAsync %s", name, async.threads.top(6));
    report.note("%s: stream %s", name, streamed.threads.top(6));
    report.note(
        "%s: SDK %s ms/s; baseline %s ms/s",
        name, client.steady().spread(), base.steady().spread());
    report.figure(name, ratio, Goal.atMost(GOAL));
  }

  private void window(Side side, int count, Tally tally, long millis) throws Exception {
    Running running = side.start(count);
    try {
      children.await(count);
      Thread.sleep(SETTLE_MILLIS);
      awaitQuietCompiler();
      FakeErkBench.check(running.waiting(), "a side stopped waiting before the window");
      Map<Long, ThreadCpu.Sample> before = ThreadCpu.snapshot();
      long[] compilers = ThreadCpu.compilers(before);
      long ticksStart = ProcessCpuClock.ticks();
      long cpuStart = clock.nanos();
      long wallStart = System.nanoTime();
      // The compiler threads are read inside the clock's window, so their share never exceeds it.
      long jitStart = ThreadCpu.nanos(compilers);
      Thread.sleep(millis);
      long jit = ThreadCpu.nanos(compilers) - jitStart;
      long cpuEnd = clock.nanos();
      long wallEnd = System.nanoTime();
      long ticks = ProcessCpuClock.ticks() - ticksStart;
      tally.threads.add(before, wallEnd - wallStart);
      FakeErkBench.check(
          running.waiting() && children.count() == count, "a child ended during the window");
      tally.add(cpuEnd - cpuStart, jit, ticks, wallEnd - wallStart);
    } finally {
      running.stop();
      children.await(0);
    }
  }

  /**
   * Has the JIT compile the JDK's file-reading path before the windows. The client reads {@code
   * /proc/<pid>/stat} on every exit poll; unprimed, C2 compiles that path inside the first windows.
   */
  private static void primeFileReads() throws IOException {
    Path stat = Path.of("/proc/self/stat");
    long fields = 0;
    for (int i = 0; i < PRIME_READS; i++) {
      fields += Files.readString(stat, StandardCharsets.UTF_8).split(" ").length;
    }
    FakeErkBench.check(fields > PRIME_READS, "/proc/self/stat read as empty");
  }

  /**
   * Waits until the JIT has finished no compilation for a moment (at most a few seconds): the
   * harness's work between windows queues compilations that would otherwise run in the next one.
   */
  private static void awaitQuietCompiler() throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long deadline = System.nanoTime() + QUIET_DEADLINE_MILLIS * 1_000_000;
    long compiled = jit.getTotalCompilationTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(QUIET_MILLIS);
      long now = jit.getTotalCompilationTime();
      if (now == compiled) {
        return;
      }
      compiled = now;
    }
  }

  /** The windows of one side: CPU ms per wall second, all of it and without the JIT's share. */
  private static final class Tally {
    private final List<Double> total = new ArrayList<>();
    private final List<Double> steady = new ArrayList<>();
    final ThreadCpu threads = new ThreadCpu();
    long cpuNanos;
    long tickNanos;

    void add(long cpu, long jit, long ticks, long wallNanos) {
      total.add(cpu / 1e6 / (wallNanos / 1e9));
      steady.add((cpu - jit) / 1e6 / (wallNanos / 1e9));
      cpuNanos += cpu;
      tickNanos += ticks;
    }

    Tally and(Tally other) {
      Tally both = new Tally();
      both.total.addAll(total);
      both.total.addAll(other.total);
      both.steady.addAll(steady);
      both.steady.addAll(other.steady);
      both.cpuNanos = cpuNanos + other.cpuNanos;
      both.tickNanos = tickNanos + other.tickNanos;
      return both;
    }

    Stats total() {
      return Stats.of(total.stream().mapToDouble(Double::doubleValue).toArray());
    }

    Stats steady() {
      return Stats.of(steady.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }
}
