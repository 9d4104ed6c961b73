package dev.erk.client.bench;

import java.nio.file.Path;

/**
 * Runs every benchmark and prints one {@code name value unit} line per figure on stdout (notes on
 * method and spread go to stderr, prefixed {@code #}).
 *
 * <pre>{@code
 * mvn -q -pl erk-client-bench -am package -Dmaven.test.skip -Dmaven.javadoc.skip \
 *     -Dmaven.source.skip -Dexec.executable=java exec:exec
 * }</pre>
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    Report report = new Report(System.out, System.err);
    report.note("%d cores, %s %s, max heap %d MB", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    long start = System.nanoTime();
    Path standIn = StandIn.create();
    new FakeErkBench(report).run();
    new DecodeBench(report).run();
    StreamBench streams = new StreamBench(report, standIn);
    streams.run();
    streams.close();
    new ConcurrencyBench(report, standIn).run();
    report.note("all benchmarks took %.1f s", (System.nanoTime() - start) / 1e9);
    System.exit(0);
  }
}
