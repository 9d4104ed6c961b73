package dev.erk.client.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the CPU of some measurement windows went, per thread of this JVM, Java and VM threads (GC,
 * JIT compilers) alike: each thread's {@code /proc/self/task/<tid>/schedstat} run time (in ns),
 * grouped by its kernel name ({@code comm}: the first 15 characters of the thread's name) with the
 * trailing number dropped, so {@code erk-client-scheduler-1} counts as {@code erk-client-sche}. The
 * bench's main thread ({@code java}) shows mostly the snapshots themselves, which lie outside the
 * process clock's window. Empty where there is no {@code /proc}.
 */
final class ThreadCpu {
  private static final Path TASKS = Path.of("/proc/self/task");

  private final Map<String, Long> nanosByGroup = new TreeMap<>();
  private long windowNanos;

  /** A thread's name and its CPU time so far. */
  record Sample(String group, long nanos) {}

  /** Each live thread's CPU time so far, by thread id. Take it outside the measured window. */
  static Map<Long, Sample> snapshot() {
    Map<Long, Sample> byTid = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm")).strip().replaceAll("[-\\d]+$", "");
          String schedstat = Files.readString(task.resolve("schedstat"));
          long nanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
          byTid.put(Long.parseLong(task.getFileName().toString()), new Sample(name, nanos));
        } catch (IOException | RuntimeException e) {
          // the thread ended while we looked
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc: no breakdown
    }
    return byTid;
  }

  /** Adds what each thread used since {@code before}; a thread born since counts from zero. */
  void add(Map<Long, Sample> before, long wallNanos) {
    snapshot()
        .forEach(
            (tid, after) -> {
              Sample start = before.get(tid);
              long used = after.nanos() - (start == null ? 0 : start.nanos());
              nanosByGroup.merge(after.group(), used, Long::sum);
            });
    windowNanos += wallNanos;
  }

  /** The JIT compiler threads ({@code C1 CompilerThread0}, …) in a snapshot. */
  static long[] compilers(Map<Long, Sample> snapshot) {
    return snapshot.entrySet().stream()
        .filter(entry -> entry.getValue().group().matches("C\\d CompilerThre"))
        .mapToLong(Map.Entry::getKey)
        .toArray();
  }

  /** The CPU time these threads used so far, in ns; a thread that ended counts as zero. */
  static long nanos(long[] tids) {
    long sum = 0;
    for (long tid : tids) {
      try {
        String schedstat = Files.readString(TASKS.resolve(Long.toString(tid)).resolve("schedstat"));
        sum += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
      } catch (IOException | RuntimeException e) {
        // the thread ended
      }
    }
    return sum;
  }

  /** The sum and the busiest groups, in ms per second of window: {@code name=ms/s}. */
  String top(int count) {
    List<Map.Entry<String, Long>> groups = new ArrayList<>(nanosByGroup.entrySet());
    groups.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    long sum = groups.stream().mapToLong(Map.Entry::getValue).sum();
    StringBuilder text =
        new StringBuilder(String.format(Locale.ROOT, "threads %.2f ms/s:", perSecond(sum)));
    for (Map.Entry<String, Long> group : groups.subList(0, Math.min(count, groups.size()))) {
      text.append(
          String.format(Locale.ROOT, " %s=%.2f", group.getKey(), perSecond(group.getValue())));
    }
    return text.toString();
  }

  private double perSecond(long nanos) {
    return windowNanos == 0 ? 0 : nanos / 1e6 / (windowNanos / 1e9);
  }
}
