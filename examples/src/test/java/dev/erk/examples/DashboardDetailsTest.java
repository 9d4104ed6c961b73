package dev.erk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.DetailFixtures;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code Dashboard --pr} and {@code --objective}, on the bundled fake and on an erk given by path.
 */
class DashboardDetailsTest {

  @Test
  void prDetailOnTheDemoFake() {
    ExampleRun run = ExampleRun.of(Dashboard::run, "--pr", "42");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(ExampleErk.DEMO_NOTE, run.outLines().get(0));
    assertTrue(run.out().contains("state: OPEN (draft), mergeable: MERGEABLE"), run.out());
    assertTrue(run.out().contains("Checks: 2 failing"), run.out());
    assertTrue(
        run.out().contains("unit-tests: 2026-04-11T13:58:01.2234567Z AssertionError"), run.out());
    assertTrue(run.out().contains("  src/widgets/core.py:42  reviewer1: Please rename"), run.out());
    assertTrue(run.out().contains("  README.md (outdated)"), run.out());
    assertTrue(run.out().contains("Event log: 3 events"), run.out());
    assertTrue(run.out().contains("workflow-started"), run.out());
  }

  @Test
  void objectiveTreeOnTheDemoFake() {
    ExampleRun run = ExampleRun.of(Dashboard::run, "--objective", "7");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        java.util.List.of(
            ExampleErk.DEMO_NOTE,
            "Objective #7  1/4 done, 1 in flight, next: 1.2",
            "├─ Phase 1",
            "│  ├─ [done] 1.1 Step 1.1 (#40)",
            "│  └─ [in_progress] 1.2 Step 1.2 (#42) after 1.1",
            "└─ Phase 2A",
            "   ├─ [pending] 2.1 Step 2.1 after 1.2",
            "   └─ [skipped] 2.2 Step 2.2 - Not needed any more"),
        run.outLines());
  }

  @Test
  void objectiveTreeWithAnErkGivenByPathOfTheV0911Release() {
    try (FakeErk erk = FakeErk.create()) {
      erk.stubFor(ArgvPattern.exactly("--version")).willReturn(Fixtures.VERSION_0_9_11.reply());
      erk.stubFor(ArgvPattern.exactly("exec", "land-execute", "--help"))
          .willReturn(Fixtures.USAGE_ERROR_UNKNOWN_COMMAND.reply().withExitCode(0));
      DetailFixtures.OBJECTIVE_V0_9_11.stubOn(erk);
      ExampleRun run =
          ExampleRun.of(
              Dashboard::run,
              "--erk",
              erk.executable().toString(),
              "--cwd",
              erk.directory().toString(),
              "--objective",
              "7");
      assertEquals(0, run.exitCode(), run.err());
      assertEquals("Objective #7  1/4 done, 1 in flight, next: 1.2", run.outLines().get(0));
      assertTrue(run.out().contains("[skipped] 2.2 Step 2.2 - Not needed any more"), run.out());
    }
  }

  @Test
  void anErkWithoutTheCommandIsReportedWithTheVersionThatHasIt() {
    try (FakeErk erk = FakeErk.create()) {
      erk.stubFor(ArgvPattern.exactly("--version")).willReturn(Fixtures.VERSION_0_7_2.reply());
      ExampleRun run =
          ExampleRun.of(
              Dashboard::run,
              "--erk",
              erk.executable().toString(),
              "--cwd",
              erk.directory().toString(),
              "--objective",
              "7");
      assertEquals(Failures.ERK_FAILED, run.exitCode());
      assertTrue(run.err().contains("erk 0.8.0"), run.err());
    }
  }

  @Test
  void prAndObjectiveTogetherAreAUsageError() {
    assertEquals(
        Failures.USAGE, ExampleRun.of(Dashboard::run, "--pr", "1", "--objective", "2").exitCode());
  }
}
