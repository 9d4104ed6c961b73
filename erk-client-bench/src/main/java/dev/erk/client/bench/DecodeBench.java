package dev.erk.client.bench;

import dev.erk.client.PlanRow;
import dev.erk.client.cli.ErkJson;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;

/**
 * Decoding speed and memory for a 2,000-row dash-data payload.
 *
 * <p>Heap: {@code decode_heap_ratio} is the heap still used after full GCs with the decoded list
 * alive, minus the same measure before decoding (payload alive in both), over the payload size:
 * what a caller keeps. Allocation per decode (from {@code ThreadMXBean}) is printed as a note:
 * it bounds the transient part, since the decoder streams and builds nothing but the result.
 */
final class DecodeBench {
  private static final int ROWS = 2000;
  private static final long WARMUP_NANOS = 3_000_000_000L;
  private static final int MEASURED = 40;
  private static final List<String> ARGV = List.of("erk", "exec", "dash-data");

  private final Report report;
  private final ErkJson json = ErkJson.create();

  DecodeBench(Report report) {
    this.report = report;
  }

  void run() {
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

  private void speed(byte[] payload) {
    long until = System.nanoTime() + WARMUP_NANOS;
    int sink = 0;
    while (System.nanoTime() < until) {
      sink += decode(payload).size();
    }
    double[] seconds = new double[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      sink += decode(payload).size();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    FakeErkBench.check(sink > 0, "nothing decoded");
    Stats s = Stats.of(seconds);
    report.note("decode: %d rows, %d bytes; median %.2f ms, min %.2f ms, p90 %.2f ms", ROWS,
        payload.length, s.median() * 1e3, s.min() * 1e3, s.percentile(90) * 1e3);
    report.figure("decode_mb_per_s", payload.length / 1e6 / s.median(), "MB/s");
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
    report.note("decode heap: retained %d bytes for a %d-byte payload; one decode allocates "
        + "%d bytes (%.2fx the payload, mostly garbage)", after - before, payload.length,
        allocated, (double) allocated / payload.length);
    report.figure("decode_heap_ratio", (double) (after - before) / payload.length, "x");
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
