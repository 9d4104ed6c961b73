package dev.erk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CallTimingsTest {
  @Test
  void printsOneTimingLinePerCallFromTheEventListener() {
    ExampleRun run = ExampleRun.of(CallTimings::run);

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.outLines();
    assertEquals(ExampleErk.DEMO_NOTE, lines.get(0));
    assertEquals(TimingListener.HEADER, lines.get(1));
    List<String> calls = lines.subList(2, lines.size());
    assertEquals(3, calls.size(), run.out());
    assertTrue(calls.stream().anyMatch(l -> l.startsWith("erk --version ")), run.out());
    assertTrue(calls.stream().anyMatch(l -> l.startsWith("erk exec dash-data ")), run.out());
    assertTrue(
        calls.stream().anyMatch(l -> l.startsWith("erk launch pr-address --pr 7911 ")), run.out());
    for (String call : calls) {
      assertTrue(
          call.matches(".* ms +[0-9.]+ ms +[0-9.]+ ms +[0-9.]+ ms +0 +[0-9]+  decoded"), call);
    }
  }

  @Test
  void helpPrintsUsage() {
    ExampleRun run = ExampleRun.of(CallTimings::run, "--help");
    assertEquals(0, run.exitCode());
    assertEquals(CallTimings.USAGE + "\n", run.out());
  }
}
