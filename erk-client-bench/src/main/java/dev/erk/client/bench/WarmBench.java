package dev.erk.client.bench;

import dev.erk.client.ErkGeneration;
import dev.erk.client.PlanQuery;
import dev.erk.client.cli.CliErkClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Warm erk against spawned erk, on a Python stand-in whose import burns about a second of CPU
 * (erk's own import costs about 1.25 s, nearly all CPU). Each round runs one spawned {@code
 * listPlans}, then {@value #WARM_CALLS} warm ones, so the machine's noise hits both alike.
 *
 * <ul>
 *   <li>{@code warm_speedup}: spawned wall time per call ÷ the round's median warm wall time; goal
 *       at least {@value #SPEEDUP_GOAL}.
 *   <li>{@code warm_cpu_ratio}: CPU per warm call ÷ CPU per spawned call, each counting the JVM and
 *       the erk processes (the JVM's own and its reaped children's CPU from {@code
 *       /proc/self/stat}, plus the live workers' and their reaped forks'); goal at most {@value
 *       #CPU_GOAL}.
 * </ul>
 *
 * <p>Each figure is the median over the rounds; min and max go to the notes.
 */
final class WarmBench {
  private static final int ROUNDS = 7;
  private static final int WARM_CALLS = 20;
  private static final double SPEEDUP_GOAL = 50;
  private static final double CPU_GOAL = 0.05;
  private static final String SCRIPT =
      """
      #!/usr/bin/python3
      # -*- coding: utf-8 -*-
      import re
      import sys
      from slowerk.cli import main
      if __name__ == '__main__':
          sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
          sys.exit(main())
      """;
  private static final String PACKAGE =
      """
      import time
      _end = time.process_time() + 1.0
      while time.process_time() < _end:
          pass
      """;
  private static final String CLI =
      """
      import sys
      def main():
          if sys.argv[1:3] == ['exec', 'dash-data']:
              print('{"success": true, "plans": [], "count": 0}')
              return 0
          print('unknown command', file=sys.stderr)
          return 2
      """;

  private final Report report;
  private final Path directory;
  private final Path script;

  WarmBench(Report report) throws IOException {
    this.report = report;
    this.directory = Files.createTempDirectory("erk-bench-warm-");
    Files.createDirectories(directory.resolve("slowerk"));
    Files.writeString(directory.resolve("slowerk/__init__.py"), PACKAGE);
    Files.writeString(directory.resolve("slowerk/cli.py"), CLI);
    this.script = directory.resolve("erk");
    Files.writeString(script, SCRIPT);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  void run() throws Exception {
    double[] speedups = new double[ROUNDS];
    double[] cpuRatios = new double[ROUNDS];
    try (CliErkClient spawned = client(false);
        CliErkClient warm = client(true)) {
      spawned.listPlans(PlanQuery.defaults());
      for (int i = 0; i < 100; i++) {
        warm.listPlans(PlanQuery.defaults()); // starts the worker, and lets the JIT settle
      }
      for (int round = 0; round < ROUNDS; round++) {
        Set<Long> before = new HashSet<>(ProcCpu.children());
        long cpuBefore = ProcCpu.self();
        long start = System.nanoTime();
        spawned.listPlans(PlanQuery.defaults());
        double spawnedWall = System.nanoTime() - start;
        ProcCpu.awaitReaped(before);
        double spawnedCpu = ProcCpu.self() - cpuBefore;

        Set<Long> workers = new HashSet<>(ProcCpu.children());
        long warmCpuBefore = ProcCpu.self() + ProcCpu.sum(workers);
        double[] walls = new double[WARM_CALLS];
        for (int i = 0; i < WARM_CALLS; i++) {
          long callStart = System.nanoTime();
          warm.listPlans(PlanQuery.defaults());
          walls[i] = System.nanoTime() - callStart;
        }
        workers.addAll(ProcCpu.children());
        double warmCpu =
            (double) (ProcCpu.self() + ProcCpu.sum(workers) - warmCpuBefore) / WARM_CALLS;
        double warmWall = Stats.of(walls).median();
        speedups[round] = spawnedWall / warmWall;
        cpuRatios[round] = warmCpu / spawnedCpu;
        report.note(
            "warm round %d: spawned %.0f ms wall %.0f ms cpu, warm %.1f ms wall %.1f ms"
                + " cpu per call",
            round, spawnedWall / 1e6, spawnedCpu / 1e6, warmWall / 1e6, warmCpu / 1e6);
      }
    }
    figure("warm_speedup", Stats.of(speedups), "goal >= " + SPEEDUP_GOAL);
    figure("warm_cpu_ratio", Stats.of(cpuRatios), "goal <= " + CPU_GOAL);
  }

  private void figure(String name, Stats stats, String goal) {
    report.note(
        "%s min %.3f median %.3f max %.3f over %d rounds (%s)",
        name, stats.min(), stats.median(), stats.max(), stats.count(), goal);
    report.figure(name, stats.median(), "x");
  }

  private CliErkClient client(boolean keepWarm) {
    return CliErkClient.builder()
        .executable(script)
        .workingDirectory(directory)
        .generation(ErkGeneration.CURRENT)
        .keepWarm(keepWarm)
        .build();
  }

  /** CPU time from {@code /proc/<pid>/stat}: user and system, own and reaped children's. */
  private static final class ProcCpu {
    // USER_HZ, the unit of /proc's CPU times, is 100 on every Linux the JDK runs on.
    private static final long NANOS_PER_TICK = 10_000_000L;

    static long self() {
      return of(ProcessHandle.current().pid());
    }

    static List<Long> children() {
      List<Long> pids = new ArrayList<>();
      ProcessHandle.current().children().forEach(child -> pids.add(child.pid()));
      return pids;
    }

    /** Waits until the JVM's children are those it had before, so the new ones were reaped. */
    static void awaitReaped(Set<Long> before) throws InterruptedException {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!before.containsAll(children()) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    }

    static long sum(Set<Long> pids) {
      long total = 0;
      for (long pid : pids) {
        total += of(pid);
      }
      return total;
    }

    private static long of(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
        // fields[0] is field 3 (state): utime, stime, cutime, cstime are fields 14 to 17.
        long ticks = 0;
        for (int field = 14; field <= 17; field++) {
          ticks += Long.parseLong(fields[field - 3]);
        }
        return ticks * NANOS_PER_TICK;
      } catch (IOException | RuntimeException e) {
        return 0; // gone: its CPU moved to its parent's reaped-children count
      }
    }
  }
}
