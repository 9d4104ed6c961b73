package dev.erk.client.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmarks and prints one {@code name value} line per figure on stdout; notes on method,
 * spread (min/median/max of each side) and goals go to stderr, prefixed {@code #}. Every goal is a
 * ratio against a baseline measured in the same run, the sides interleaved, so that a busy machine
 * slows both alike.
 *
 * <p>The JVM should run with {@code -Djdk.lang.Process.launchMechanism=VFORK} (the pom passes it):
 * NuProcess spawns without {@code jspawnhelper}, and the {@code ProcessBuilder} baselines must not
 * pay it either. Without it, this sets it before the first process starts.
 *
 * <p>Arguments name the benchmarks to run ({@code fake-erk}, {@code decode}, {@code stream}, {@code
 * concurrency}, {@code idle-cpu}), one per argument or comma-separated; none, or {@code all}, runs
 * every one. Through Maven, {@code -Derk.bench=idle-cpu}:
 *
 * <pre>{@code
 * mvn -q -pl erk-client-bench -am package -Dmaven.test.skip -Dmaven.javadoc.skip \
 *     -Dmaven.source.skip -Dexec.executable=java exec:exec [-Derk.bench=idle-cpu]
 * }</pre>
 */
public final class Bench {
  private static final List<String> NAMES =
      List.of("fake-erk", "decode", "stream", "concurrency", "idle-cpu", "warm");

  private static final String LAUNCH_MECHANISM = "jdk.lang.Process.launchMechanism";

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty(LAUNCH_MECHANISM) == null) {
      // Read once, when the JDK's process class initializes: no process has started yet.
      System.setProperty(LAUNCH_MECHANISM, "VFORK");
    }
    Set<String> chosen = chosen(args);
    Report report = new Report(System.out, System.err);
    report.note(
        "%d cores, %s %s, max heap %d MB, load average %.2f, launch mechanism %s; " + "running %s",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        System.getProperty(LAUNCH_MECHANISM),
        String.join(", ", chosen));
    long start = System.nanoTime();
    Path standIn = StandIn.create();
    if (chosen.contains("fake-erk")) {
      new FakeErkBench(report).run();
    }
    if (chosen.contains("decode")) {
      new DecodeBench(report).run();
    }
    if (chosen.contains("stream")) {
      StreamBench streams = new StreamBench(report, standIn);
      streams.run();
      streams.close();
    }
    if (chosen.contains("concurrency")) {
      new ConcurrencyBench(report, standIn).run();
    }
    if (chosen.contains("idle-cpu")) {
      new IdleCpuBench(report).run();
    }
    if (chosen.contains("warm")) {
      new WarmBench(report).run();
    }
    report.summary();
    report.note("benchmarks took %.1f s", (System.nanoTime() - start) / 1e9);
    System.exit(0);
  }

  private static Set<String> chosen(String[] args) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String arg : args) {
      for (String name : arg.split(",", -1)) {
        String trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.equals("all")) {
          chosen.addAll(NAMES);
        } else if (NAMES.contains(trimmed)) {
          chosen.add(trimmed);
        } else {
          System.err.println(
              "unknown benchmark '" + trimmed + "'; known: all, " + String.join(", ", NAMES));
          System.exit(2);
        }
      }
    }
    if (chosen.isEmpty()) {
      chosen.addAll(NAMES);
    }
    return chosen;
  }
}
