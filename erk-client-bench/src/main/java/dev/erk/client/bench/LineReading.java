package dev.erk.client.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The streaming baseline: the {@link StandIn} child started by {@code ProcessBuilder}, and a thread
 * of its own doing {@code BufferedReader.readLine} on its stdout, as a plain Java program streams a
 * child's lines.
 */
final class LineReading {
  private final Path standIn;

  LineReading(Path standIn) {
    this.standIn = standIn;
  }

  /** {@code stamps}: each line's latency in ms, stamp to {@code readLine} returned. */
  double[] stamps(int lines, int pauseMs) throws Exception {
    double[] millis = new double[lines];
    int read =
        read(
            List.of("stamps", Integer.toString(lines), Integer.toString(pauseMs)),
            (index, line) -> {
              long now = StandIn.epochNanosNow();
              millis[index] = (now - Long.parseLong(line)) / 1e6;
            });
    FakeErkBench.check(read == lines, "baseline stamps: " + read + " of " + lines + " lines");
    return millis;
  }

  /**
   * {@code stamps}, each line handed by the reading thread to {@code listenerThread} and stamped
   * there: the floor for any reader that keeps its listener off the thread that reads, as the SDK
   * keeps listeners off NuProcess's pump thread.
   */
  double[] handedOffStamps(int lines, int pauseMs, ExecutorService listenerThread)
      throws Exception {
    double[] millis = new double[lines];
    int read =
        read(
            List.of("stamps", Integer.toString(lines), Integer.toString(pauseMs)),
            (index, line) ->
                listenerThread.execute(
                    () -> {
                      long now = StandIn.epochNanosNow();
                      millis[index] = (now - Long.parseLong(line)) / 1e6;
                    }));
    // Every line's task ran before this one, and their writes are visible once it is done.
    listenerThread.submit(() -> {}).get();
    FakeErkBench.check(read == lines, "hand-off stamps: " + read + " of " + lines + " lines");
    return millis;
  }

  /** {@code exit}: ms from the child's last stamp to {@code waitFor()} returned. */
  double exit() throws Exception {
    String last = "";
    long[] exited = new long[1];
    Process process = start(List.of("exit"));
    try (BufferedReader out = reader(process)) {
      String line;
      while ((line = out.readLine()) != null) {
        last = line;
      }
      FakeErkBench.check(process.waitFor() == 0, "baseline exit run failed");
      exited[0] = StandIn.epochNanosNow();
    }
    return (exited[0] - Long.parseLong(last)) / 1e6;
  }

  /** {@code seq}: lines per second, every line checked in order. */
  double seq(int lines) throws Exception {
    long start = System.nanoTime();
    int read =
        read(
            List.of("seq", Integer.toString(lines)),
            (index, line) -> {
              if ((index + 1) % 4096 == 0 && !line.equals(Integer.toString(index + 1))) {
                throw new IllegalStateException("baseline seq out of order at " + index);
              }
            });
    double seconds = (System.nanoTime() - start) / 1e9;
    FakeErkBench.check(read == lines, "baseline seq: " + read + " of " + lines + " lines");
    return lines / seconds;
  }

  private interface LineConsumer {
    void accept(int index, String line);
  }

  /** Reads every stdout line on a thread of its own; returns how many there were. */
  private int read(List<String> arguments, LineConsumer consumer) throws Exception {
    Process process = start(arguments);
    int[] count = new int[1];
    List<Throwable> failures = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out = reader(process)) {
                String line;
                while ((line = out.readLine()) != null) {
                  consumer.accept(count[0]++, line);
                }
              } catch (IOException | RuntimeException e) {
                failures.add(e);
              }
            },
            "bench-readLine");
    reader.start();
    reader.join();
    FakeErkBench.check(
        process.waitFor() == 0 && failures.isEmpty(),
        "baseline " + arguments + " failed: " + failures);
    return count[0];
  }

  private Process start(List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(standIn.toString());
    command.addAll(arguments);
    return new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }
}
