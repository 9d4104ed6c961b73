package dev.erk.client.bench;

import dev.erk.client.testkit.FakeErk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM start to the first plan list: a fresh JVM running {@link ColdStart}, the SDK's {@code
 * builder().build()} and {@code listPlans} against {@code ProcessBuilder} and Jackson {@code
 * readTree}, timed from the parent's spawn of the JVM to the answer line on its stdout. Both sides
 * alternate, each first every other pair, and run the same JVM with the same options (no heap
 * settings: a cold application's defaults).
 */
final class ColdStartBench {
  private static final int PAIRS = Integer.getInteger("erk.bench.coldPairs", 12);

  private final Report report;
  private final FakeErk fake;

  ColdStartBench(Report report, FakeErk fake) {
    this.report = report;
    this.fake = fake;
  }

  void run() throws Exception {
    Side sdk = new Side("sdk");
    Side baseline = new Side("baseline");
    sdk.start();
    baseline.start();
    for (int i = 0; i < PAIRS; i++) {
      boolean sdkFirst = (i & 1) == 0;
      (sdkFirst ? sdk : baseline).start();
      (sdkFirst ? baseline : sdk).start();
    }
    report.note("cold start: %d JVMs a side, %s", PAIRS, String.join(" ", jvm()));
    report.note(
        "cold start: main to built: SDK %s ms, baseline %s ms",
        sdk.build().spread(), baseline.build().spread());
    report.note(
        "cold start: built to first answer: SDK %s ms, baseline %s ms",
        sdk.call().spread(), baseline.call().spread());
    report.ratio("cold_start_ratio", sdk.total(), baseline.total(), "ms", Goal.atMost(1.2));
  }

  private static List<String> jvm() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djdk.lang.Process.launchMechanism=VFORK",
        "--enable-native-access=ALL-UNNAMED");
  }

  /** One side's JVMs: the first one (page cache, CDS archive) is not kept. */
  private final class Side {
    private final String name;
    private final List<double[]> samples = new ArrayList<>();
    private boolean warm;

    Side(String name) {
      this.name = name;
    }

    void start() throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(jvm());
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              ColdStart.class.getName(),
              name,
              fake.executable().toString(),
              fake.directory().toString()));
      long start = System.nanoTime();
      Process jvm =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String line;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
        line = out.readLine();
        long answered = System.nanoTime();
        FakeErkBench.check(
            line != null && line.startsWith("plans 20 "), name + " cold start answered " + line);
        String[] parts = line.split(" ", -1);
        if (warm) {
          samples.add(
              new double[] {
                (answered - start) / 1e6, Double.parseDouble(parts[2]), Double.parseDouble(parts[3])
              });
        }
        warm = true;
      }
      FakeErkBench.check(jvm.waitFor() == 0, name + " cold start JVM failed");
    }

    Stats total() {
      return column(0);
    }

    Stats build() {
      return column(1);
    }

    Stats call() {
      return column(2);
    }

    private Stats column(int index) {
      return Stats.of(samples.stream().mapToDouble(sample -> sample[index]).toArray());
    }
  }
}
