package dev.erk.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.Fixtures;
import dev.erk.client.testkit.Reply;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class StreamActionTest {
  @TempDir Path tmp;

  @Test
  void printsEachLineWithItsElapsedTimeAndExitsZero() {
    ExampleRun run = ExampleRun.of(new StreamAction()::run);

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.outLines();
    assertEquals(ExampleErk.DEMO_NOTE, lines.get(0));
    assertEquals("$ erk launch pr-address --pr 7911", lines.get(1));
    List<String> expected =
        List.of(
            "Checking PR status...",
            "PR #7911: Add retry with exponential backoff to the webhook sender (OPEN)",
            "Dispatching pr-address workflow...",
            "✓ Workflow dispatched",
            "Run URL: https://github.com/acme/widgets/actions/runs/24682107",
            "✓ Updated dispatch metadata on PR #7911");
    for (int i = 0; i < expected.size(); i++) {
      String line = lines.get(2 + i);
      assertTrue(line.matches("\\[ *\\d+\\.\\d\\ds\\] .*"), line);
      assertEquals(expected.get(i), line.substring(line.indexOf("] ") + 2));
    }
    assertTrue(lines.get(lines.size() - 1).startsWith("done in "), run.out());
    double dispatched = seconds(lines.get(5));
    assertTrue(dispatched >= 1.5, "lines arrive live, with erk's pauses: " + run.out());
  }

  @Test
  void cancellingMidStreamStopsErkAndLeavesNoProcess() throws Exception {
    try (FakeErk erk = erkWithALastLineFarAway()) {
      StreamAction action = new StreamAction();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () ->
                  action.run(
                      new String[] {"--erk", erk.executable().toString(), "--pr", "7911"},
                      new PrintStream(out, true, UTF_8),
                      new PrintStream(err, true, UTF_8)));
      awaitText(out, "Dispatching pr-address workflow...");
      List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
      assertFalse(children.isEmpty(), "the fake erk runs");

      action.cancel();

      assertEquals(Failures.INTERRUPTED, exit.get(10, TimeUnit.SECONDS));
      assertTrue(
          err.toString(UTF_8).startsWith("stream-action: cancelled after"), err.toString(UTF_8));
      assertFalse(out.toString(UTF_8).contains("✓ Updated dispatch metadata"), out.toString(UTF_8));
      assertAllGone(children);
    }
  }

  /**
   * Ctrl-C (SIGINT) and SIGTERM both shut the example's JVM down, which cancels the action. A JVM
   * keeps ignoring a shutdown signal it was started with ignored: a non-interactive shell starts
   * background commands (`.ci/run &`) with SIGINT ignored, and every process below inherits that,
   * so there the SIGINT case cannot run and is skipped, saying why.
   */
  @ParameterizedTest(name = "SIG{0}")
  @CsvSource({"INT, 2", "TERM, 15"})
  void aShutdownSignalInASeparateJvmCancelsAndLeavesNoProcess(String signal, int number)
      throws Exception {
    // A child inherits ignored signals: the example's JVM would ignore what this one ignores.
    assumeFalse(
        ignores(ProcessHandle.current().pid(), number),
        "SIG"
            + signal
            + " is ignored in"
            + " this environment, and a JVM started with a shutdown signal ignored keeps ignoring it");
    try (FakeErk erk = erkWithALastLineFarAway()) {
      String classPath = System.getProperty("java.class.path");
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process jvm =
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  classPath,
                  "dev.erk.examples.StreamAction",
                  "--erk",
                  erk.executable().toString(),
                  "--pr",
                  "7911")
              .redirectErrorStream(true)
              .start();
      List<String> seen = new ArrayList<>();
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(jvm.getInputStream(), UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null && !line.contains("Dispatching")) {
          seen.add(line);
        }
        assertTrue(line != null, "the example started streaming: " + seen);
        seen.add(line);
        List<ProcessHandle> children = jvm.descendants().toList();
        assertFalse(children.isEmpty(), "the fake erk runs under the example's JVM");

        new ProcessBuilder("kill", "-" + signal, Long.toString(jvm.pid())).start().waitFor();

        assertTrue(
            jvm.waitFor(15, TimeUnit.SECONDS), "the JVM exits after SIG" + signal + ": " + seen);
        assertAllGone(children);
        while ((line = lines.readLine()) != null) {
          seen.add(line);
        }
      } finally {
        jvm.destroyForcibly();
      }
      assertFalse(
          seen.stream().anyMatch(l -> l.contains("✓ Updated dispatch metadata")), seen.toString());
      assertTrue(
          seen.stream().anyMatch(l -> l.startsWith("stream-action: cancelled after")),
          seen.toString());
      assertFalse(seen.stream().anyMatch(l -> l.contains("\tat ")), seen.toString());
    }
  }

  @Test
  void aFailingErkIsOneLineWithExitOne() {
    Path erk = ExampleRun.replayingErk(tmp, "usage-error-unknown-command");

    ExampleRun run = ExampleRun.of(new StreamAction()::run, "--erk", erk.toString(), "--pr", "5");

    assertEquals(1, run.exitCode(), run.err());
    run.assertOneLineError("stream-action: ");
  }

  @Test
  void aRealErkNeedsAnExplicitPr() {
    ExampleRun run = ExampleRun.of(new StreamAction()::run, "--erk", "/usr/bin/erk");

    assertEquals(2, run.exitCode());
    run.assertOneLineError("stream-action: --pr is required");
  }

  /**
   * An erk whose last line comes 30 s after "Dispatching", so only a cancel can end the run within
   * the seconds a test allows, however slowly a loaded machine schedules the cancel.
   */
  private static FakeErk erkWithALastLineFarAway() {
    FakeErk erk = FakeErk.create();
    erk.stubFor(ArgvPattern.exactly("--version")).willReturn(Fixtures.VERSION_0_9_11.reply());
    erk.stubFor(ArgvPattern.prefix("launch", "pr-address"))
        .willReturn(
            Reply.timeline()
                .stderr("Dispatching pr-address workflow...")
                .pause(Duration.ofSeconds(30))
                .stderr("✓ Updated dispatch metadata on PR #7911")
                .exitCode(0));
    return erk;
  }

  /** Whether the process ignores the signal, from the SigIgn mask of its /proc status. */
  private static boolean ignores(long pid, int signal) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
        return (mask & (1L << (signal - 1))) != 0;
      }
    }
    return false;
  }

  private static double seconds(String line) {
    return Double.parseDouble(line.substring(1, line.indexOf("s]")).strip());
  }

  private static void awaitText(ByteArrayOutputStream out, String text)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (!out.toString(UTF_8).contains(text)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("never printed '" + text + "': " + out.toString(UTF_8));
      }
      Thread.sleep(20);
    }
  }

  static void assertAllGone(List<ProcessHandle> processes) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
    while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "still running: "
                + Stream.of(processes.toArray(ProcessHandle[]::new))
                    .filter(ProcessHandle::isAlive)
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                    .toList());
      }
      Thread.sleep(20);
    }
  }
}
