package dev.erk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.PlanRows;
import dev.erk.client.testkit.Reply;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class AsyncRefreshTest {
  @TempDir Path tmp;

  @Test
  void printsWhatChangedBetweenRefreshes() {
    // Each refresh must finish before the next tick (else it is cancelled): 2 s holds under load.
    ExampleRun run = ExampleRun.of(AsyncRefresh::run, "--every", "2", "--times", "3");

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.outLines();
    assertEquals(
        List.of(
            ExampleErk.DEMO_NOTE,
            "[refresh 1] 3 plans: #7911 #7905 #7898",
            "[refresh 2] 4 plans, 2 changed",
            "  + #7920 Stream land output into the IDE console",
            "  ~ #7905 pr: #7905 🚧 → #7905 👀; status: 🚧 → 👀",
            "[refresh 3] 3 plans, 2 changed",
            "  - #7898 Learn: document the dash-data row schema",
            "  ~ #7920 lifecycle: planned → impl; checks: 🔄 → ✅ 2/2; run: - → 24682001 ⟳ Running"),
        lines,
        run.out());
    assertEquals("", run.err());
  }

  @Test
  void aRefreshThatOverrunsIsCancelledAndItsProcessKilled() throws Exception {
    try (FakeErk erk = FakeErk.create()) {
      erk.stubFor(ArgvPattern.command("exec", "dash-data"))
          .willReturn(Reply.hang())
          .thenReturn(Reply.stdout(PlanRows.toDashData(PlanRows.open(7).build())));

      // The hanging refresh is cancelled at the second tick; the next one must then finish
      // before the third, which a loaded machine did not always do in 0.5 s (once in 8 loaded
      // runs): 2 s holds under load, as in the tests above.
      ExampleRun run =
          ExampleRun.of(
              AsyncRefresh::run,
              "--erk",
              erk.executable().toString(),
              "--every",
              "2",
              "--times",
              "2");

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("previous refresh overran: cancelled"), run.out());
      assertTrue(run.out().contains("[refresh 1] cancelled"), run.out());
      assertTrue(run.out().contains("[refresh 2] 1 plans: #7"), run.out());
      StreamActionTest.assertAllGone(ProcessHandle.current().descendants().toList());
      erk.verify(2, ArgvPattern.command("exec", "dash-data"));
    }
  }

  @Test
  void failedRefreshesAreOneLineEachAndExitOne() {
    Path erk = ExampleRun.replayingErk(tmp, "dash-data-error-not-authenticated");

    ExampleRun run =
        // A refresh still running at the next tick is cancelled, not failed: the interval leaves a
        // loaded machine ample time to finish each failing refresh before the next tick.
        ExampleRun.of(AsyncRefresh::run, "--erk", erk.toString(), "--every", "3", "--times", "2");

    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertEquals(2, run.errLines().size(), run.err());
    assertTrue(
        run.errLines()
            .get(0)
            .startsWith(
                "async-refresh: [refresh 1] failed: GitHub " + "authentication not available"),
        run.err());
  }

  @Test
  void badOptionsExitTwo() {
    ExampleRun run = ExampleRun.of(AsyncRefresh::run, "--every", "-1");

    assertEquals(2, run.exitCode());
    run.assertOneLineError("async-refresh: --every");
  }
}
