package dev.erk.client.bench;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkGeneration;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.CliErkClient;
import dev.erk.client.cli.internal.SdkThreads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 64 streaming actions at once; samples the live threads every 10 ms while they run and reports the
 * most seen: SDK-owned ({@code erk-client-…}) and NuProcess's pump threads ({@code
 * NuProcessQueue-…}, owned by NuProcess, one per core by default).
 */
final class ConcurrencyBench {
  private static final int STREAMS = 64;
  private static final int LINES = 100;
  private static final int PAUSE_MS = 10;
  private static final String NUPROCESS_PREFIX = "NuProcessQueue-";

  private final Report report;
  private final Path standIn;

  ConcurrencyBench(Report report, Path standIn) {
    this.report = report;
    this.standIn = standIn;
  }

  void run() throws InterruptedException {
    AtomicInteger maxSdk = new AtomicInteger();
    AtomicInteger maxPump = new AtomicInteger();
    TreeSet<String> names = new TreeSet<>();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                int sdk = 0;
                int pump = 0;
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                  if (t.getName().startsWith(SdkThreads.PREFIX)) {
                    sdk++;
                    names.add(t.getName());
                  } else if (t.getName().startsWith(NUPROCESS_PREFIX)) {
                    pump++;
                    names.add(t.getName());
                  }
                }
                maxSdk.accumulateAndGet(sdk, Math::max);
                maxPump.accumulateAndGet(pump, Math::max);
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-thread-sampler");
    try (CliErkClient client =
        CliErkClient.builder()
            .executable(standIn)
            .workingDirectory(Objects.requireNonNull(standIn.getParent()))
            .generation(ErkGeneration.CURRENT)
            .build()) {
      List<AtomicLong> counts = new ArrayList<>();
      List<StreamHandle> handles = new ArrayList<>();
      ActionRequest request =
          ActionRequest.custom(
              ActionKind.STREAMING, "stamps", Integer.toString(LINES), Integer.toString(PAUSE_MS));
      sampler.start();
      long start = System.nanoTime();
      for (int i = 0; i < STREAMS; i++) {
        AtomicLong count = new AtomicLong();
        counts.add(count);
        handles.add(client.stream(request, line -> count.incrementAndGet()));
      }
      long delivered = 0;
      for (int i = 0; i < STREAMS; i++) {
        ActionResult result = handles.get(i).completion().join();
        FakeErkBench.check(result.success(), "stream " + i + " failed: " + result);
        delivered += counts.get(i).get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();
      sampler.join();
      FakeErkBench.check(
          delivered == (long) STREAMS * LINES,
          "delivered " + delivered + " of " + STREAMS * LINES + " lines");
      report.note(
          "concurrency: %d streams x %d lines in %.2f s, all delivered; threads seen: %s",
          STREAMS, LINES, seconds, names);
      report.note(
          "concurrent_streams_threads: SDK-owned erk-client-* threads; "
              + "concurrent_streams_nuprocess_threads: NuProcess's pumps, not SDK-owned");
      report.figure(
          "concurrent_streams_threads",
          maxSdk.get(),
          Goal.atMost(Runtime.getRuntime().availableProcessors() + 4));
      report.figure("concurrent_streams_nuprocess_threads", maxPump.get());
    }
  }
}
