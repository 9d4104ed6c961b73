package dev.erk.client.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.erk.client.PlanRow;
import dev.erk.client.cli.ErkJson;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.util.List;

/**
 * Decoding speed (against Jackson's {@code readTree}) and memory for a 2,000-row dash-data payload.
 *
 * <p>Heap: {@code decode_heap_ratio} is the heap still used after full GCs with the decoded list
 * alive, minus the same measure before decoding (payload alive in both), over the payload size:
 * what a caller keeps. Allocation per decode (from {@code ThreadMXBean}) is printed as a note: it
 * bounds the transient part, since the decoder streams and builds nothing but the result.
 */
final class DecodeBench {
  private static final int ROWS = 2000;
  private static final long WARMUP_NANOS = 3_000_000_000L;
  private static final long WARMUP_MAX = 30_000_000_000L;
  private static final int MEASURED = 60;
  private static final List<String> ARGV = List.of("erk", "exec", "dash-data");

  private final Report report;
  private final ErkJson json = ErkJson.create();
  private final ObjectMapper mapper = new ObjectMapper();

  DecodeBench(Report report) {
    this.report = report;
  }

  void run() throws IOException {
    List<PlanRow> rows = Rows.generate(ROWS, 2000);
    byte[] payload = Rows.dashData(rows);
    FakeErkBench.check(decode(payload).equals(rows), "decoded rows differ from the encoded ones");
    rows = null;
    speed(payload);
    heap(payload);
  }

  private List<PlanRow> decode(byte[] payload) {
    ErkJson.DashData data = json.decodeDashData(payload, payload.length, ARGV);
    if (!(data instanceof ErkJson.DashData.Plans plans)) {
      throw new IllegalStateException("not a plan list: " + data);
    }
    return plans.plans().plans();
  }

  /**
   * Typed decode against Jackson's {@code readTree} of the same bytes (a plain mapper), interleaved
   * and each first every other round, after both have warmed up until the JIT is quiet. Speed is
   * megabytes per second of this thread's CPU time: on a shared machine, wall time also counts the
   * moments another tenant holds the core.
   */
  private void speed(byte[] payload) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long start = System.nanoTime();
    long compiled = -1;
    long sink = 0;
    while (System.nanoTime() - start < WARMUP_NANOS
        || (jit.getTotalCompilationTime() != compiled && System.nanoTime() - start < WARMUP_MAX)) {
      compiled = jit.getTotalCompilationTime();
      long round = System.nanoTime();
      while (System.nanoTime() - round < 1_000_000_000L) {
        sink += decode(payload).size() + mapper.readTree(payload).get("plans").size();
      }
    }
    double[] typed = new double[MEASURED];
    double[] tree = new double[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      boolean typedFirst = (i & 1) == 0;
      for (int side = 0; side < 2; side++) {
        boolean typedNow = typedFirst == (side == 0);
        long cpu = threads.getCurrentThreadCpuTime();
        sink += typedNow ? decode(payload).size() : mapper.readTree(payload).get("plans").size();
        double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        (typedNow ? typed : tree)[i] = payload.length / 1e6 / seconds;
      }
    }
    FakeErkBench.check(sink > 0, "nothing decoded");
    report.note(
        "decode: %d rows, %d bytes, warmed up for %.1f s; MB per CPU second",
        ROWS, payload.length, (System.nanoTime() - start) / 1e9);
    report.ratio("decode_vs_readtree", Stats.of(typed), Stats.of(tree), "MB/s", Goal.atLeast(1.0));
  }

  private void heap(byte[] payload) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long allocatedBefore = threads.getThreadAllocatedBytes(thread);
    List<PlanRow> probe = decode(payload);
    long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
    probe = null;

    long before = usedAfterGc();
    List<PlanRow> kept = decode(payload);
    long after;
    try {
      after = usedAfterGc();
    } finally {
      Reference.reachabilityFence(kept);
      Reference.reachabilityFence(probe);
    }
    report.note(
        "decode heap: retained %d bytes for a %d-byte payload; one decode allocates "
            + "%d bytes (%.2fx the payload, mostly garbage)",
        after - before, payload.length, allocated, (double) allocated / payload.length);
    report.figure("decode_heap_ratio", (double) (after - before) / payload.length, Goal.atMost(4));
  }

  static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
