package dev.erk.client.bench;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkGeneration;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.CliErkClient;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streaming figures: line latency, exit latency and line throughput, each against the
 * {@link StandIn} child. Latencies compare the child's {@code CLOCK_REALTIME} stamp with
 * {@link java.time.Instant#now()} taken in the listener (or in the completion callback).
 */
final class StreamBench {
  private static final int LATENCY_RUNS = 3;
  private static final int LATENCY_LINES = 400;
  private static final int LATENCY_PAUSE_MS = 5;
  private static final int EXIT_WARMUP = 30;
  private static final int EXIT_RUNS = 300;
  private static final int THROUGHPUT_LINES = 1_000_000;

  private final Report report;
  private final CliErkClient client;

  StreamBench(Report report, Path standIn) {
    this.report = report;
    this.client = CliErkClient.builder().executable(standIn)
        .workingDirectory(Objects.requireNonNull(standIn.getParent())).generation(ErkGeneration.CURRENT).build();
  }

  void run() {
    lineLatency();
    exitLatency();
    throughput();
  }

  private void lineLatency() {
    stamps(100, 1);
    double[] millis = new double[LATENCY_RUNS * LATENCY_LINES];
    for (int run = 0; run < LATENCY_RUNS; run++) {
      double[] one = stamps(LATENCY_LINES, LATENCY_PAUSE_MS);
      System.arraycopy(one, 0, millis, run * LATENCY_LINES, LATENCY_LINES);
    }
    Stats s = Stats.of(millis);
    StringBuilder slow = new StringBuilder();
    for (int i = 0; i < millis.length; i++) {
      if (millis[i] > 5) {
        slow.append(' ').append(i % LATENCY_LINES).append('=').append(Math.round(millis[i]));
      }
    }
    report.note("line latency: %d lines at one per %d ms; min %.3f, p90 %.3f, max %.3f ms; "
        + "lines over 5 ms (index in run=ms):%s", s.count(), LATENCY_PAUSE_MS, s.min(),
        s.percentile(90), s.max(), slow);
    report.figure("line_latency_p50_ms", s.median(), "ms");
    report.figure("line_latency_p99_ms", s.percentile(99), "ms");
  }

  private double[] stamps(int lines, int pauseMs) {
    double[] millis = new double[lines];
    AtomicLong count = new AtomicLong();
    ActionRequest request = ActionRequest.custom(ActionKind.STREAMING, "stamps",
        Integer.toString(lines), Integer.toString(pauseMs));
    try (StreamHandle handle = client.stream(request, line -> {
      long now = StandIn.epochNanosNow();
      if (line.source() == OutputLine.Source.STDOUT) {
        millis[(int) count.getAndIncrement()] = (now - Long.parseLong(line.text())) / 1e6;
      }
    })) {
      ActionResult result = handle.completion().join();
      FakeErkBench.check(result.success() && count.get() == lines,
          "stamps: exit " + result.exitCode() + ", " + count.get() + " of " + lines + " lines");
    }
    return millis;
  }

  private void exitLatency() {
    double[] millis = new double[EXIT_RUNS];
    for (int i = -EXIT_WARMUP; i < EXIT_RUNS; i++) {
      AtomicReference<String> last = new AtomicReference<>("");
      AtomicLong completedAt = new AtomicLong();
      try (StreamHandle handle = client.stream(
          ActionRequest.custom(ActionKind.STREAMING, "exit"), line -> last.set(line.text()))) {
        ActionResult result = handle.completion()
            .whenComplete((r, e) -> completedAt.set(StandIn.epochNanosNow())).join();
        FakeErkBench.check(result.success(), "exit run failed: " + result);
      }
      if (i >= 0) {
        millis[i] = (completedAt.get() - Long.parseLong(last.get())) / 1e6;
      }
    }
    Stats s = Stats.of(millis);
    report.note("exit latency: %d runs; min %.3f, p90 %.3f, p99 %.3f ms", s.count(), s.min(),
        s.percentile(90), s.percentile(99));
    report.figure("exit_latency_median_ms", s.median(), "ms");
    report.figure("exit_latency_max_ms", s.max(), "ms");
  }

  private void throughput() {
    seq(200_000);
    double[] perSecond = new double[3];
    for (int i = 0; i < perSecond.length; i++) {
      perSecond[i] = seq(THROUGHPUT_LINES);
    }
    Stats s = Stats.of(perSecond);
    report.note("throughput: %d lines x %d runs, no loss; min %.0f, max %.0f lines/s",
        THROUGHPUT_LINES, perSecond.length, s.min(), s.max());
    report.figure("line_throughput_lines_per_s", s.median(), "lines/s");
  }

  /** Runs {@code seq 1 lines}, checks every line arrived in order, and returns lines per second. */
  private double seq(int lines) {
    AtomicLong count = new AtomicLong();
    AtomicLong disorder = new AtomicLong();
    AtomicReference<String> last = new AtomicReference<>("");
    long start = System.nanoTime();
    try (StreamHandle handle = client.stream(
        ActionRequest.custom(ActionKind.STREAMING, "seq", Integer.toString(lines)), line -> {
          long n = count.incrementAndGet();
          if (n % 4096 == 0 && !line.text().equals(Long.toString(n))) {
            disorder.incrementAndGet();
          }
          last.set(line.text());
        })) {
      ActionResult result = handle.completion().join();
      double seconds = (System.nanoTime() - start) / 1e9;
      FakeErkBench.check(result.success() && count.get() == lines && disorder.get() == 0
          && Integer.toString(lines).equals(last.get()), "seq lost lines: " + count.get()
          + " of " + lines + ", last " + last.get());
      return lines / seconds;
    }
  }

  void close() {
    client.close();
  }
}
