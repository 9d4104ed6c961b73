package dev.erk.examples;

import dev.erk.client.PlanRow;
import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.Fixtures;
import dev.erk.client.testkit.PlanRows;
import dev.erk.client.testkit.Reply;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled fixtures the examples show when no {@code --erk} is given: the testkit's plan fixture
 * for the dashboard, a sequence of changing plan lists (built with {@link PlanRows}, one with a
 * wide CJK title) for the refreshes, and an {@code erk launch} timeline.
 */
final class DemoPlans {
  private static final OffsetDateTime NOW = PlanRows.UPDATED_AT;

  private DemoPlans() {}

  /**
   * Plans as a dashboard would list them, most recently updated first; the refreshes start here.
   */
  static List<PlanRow> plans() {
    return List.of(
        PlanRows.open(7911)
            .title("Add retry with exponential backoff to the webhook sender")
            .checks(4, 5)
            .conflicts()
            .comments(1, 2)
            .run("24681357", "completed", "failure")
            .objective(7000, 2, 5)
            .dependsOn(7890)
            .author("alice")
            .build(),
        PlanRows.open(7905)
            .title("Cache GitHub GraphQL enrichment per PR")
            .draft()
            .checks(6, 6)
            .worktree("erk-slot-03", "plnd/cache-enrichment-7905")
            .updatedAt(NOW.minusHours(2))
            .author("bob")
            .build(),
        PlanRows.open(7898)
            .title("Learn: document the dash-data row schema")
            .learn("completed_with_plan", 7950)
            .checksPending()
            .run("24679990", "in_progress", null)
            .updatedAt(NOW.minusDays(1))
            .author("carol")
            .rowBuilder()
            .isLearnPlan(true)
            .build(),
        PlanRows.open(7890)
            .title("国際化: ダッシュボードの列幅を修正する 🚀 (wide title)")
            .checks(3, 3)
            .comments(2, 2)
            .updatedAt(NOW.minusDays(3))
            .author("dai")
            .build());
  }

  /**
   * Scripts {@code erk exec dash-data} to answer with the testkit's six-plan fixture: green and
   * failing checks, conflicts, a failed and a running workflow, a worktree, a learn status and an
   * objective waiting on other plans.
   */
  static void dashboard(FakeErk erk) {
    erk.stubFor(ArgvPattern.command("exec", "dash-data"))
        .willReturn(Fixtures.DASH_DATA_PLANS.reply());
  }

  /**
   * Scripts successive {@code erk exec dash-data} answers so refreshes see changes: a plan's checks
   * go green and a plan is added, then one is removed and a run starts.
   */
  static void refreshes(FakeErk erk) {
    List<PlanRow> first = plans().subList(0, 3);
    List<PlanRow> second = new ArrayList<>(first);
    second.set(
        1,
        PlanRows.open(7905)
            .title("Cache GitHub GraphQL enrichment per PR")
            .checks(6, 6)
            .worktree("erk-slot-03", "plnd/cache-enrichment-7905")
            .author("bob")
            .build());
    second.add(
        0,
        PlanRows.open(7920)
            .title("Stream land output into the IDE console")
            .draft()
            .checksPending()
            .author("erin")
            .build());
    List<PlanRow> third = new ArrayList<>(second);
    third.removeIf(row -> row.prNumber() == 7898);
    third.set(
        0,
        PlanRows.open(7920)
            .title("Stream land output into the IDE console")
            .draft()
            .checks(2, 2)
            .run("24682001", "in_progress", null)
            .author("erin")
            .build());
    erk.stubFor(ArgvPattern.command("exec", "dash-data"))
        .willReturn(Reply.stdout(PlanRows.toDashData(first)))
        .thenReturn(Reply.stdout(PlanRows.toDashData(second)))
        .thenReturn(Reply.stdout(PlanRows.toDashData(third)));
  }

  /**
   * Scripts {@code erk launch pr-address --pr N} with erk's own progress lines (on stderr, as erk
   * prints them) and realistic pauses.
   */
  static void launch(FakeErk erk, int pr) {
    erk.stubFor(ArgvPattern.prefix("launch", "pr-address"))
        .willReturn(
            Reply.timeline()
                .stderr("Checking PR status...")
                .pause(Duration.ofMillis(400))
                .stderr(
                    "PR #"
                        + pr
                        + ": Add retry with exponential backoff to the webhook sender (OPEN)")
                .pause(Duration.ofMillis(300))
                .stderr("Dispatching pr-address workflow...")
                .pause(Duration.ofMillis(1500))
                .stderr("✓ Workflow dispatched")
                .pause(Duration.ofMillis(200))
                .stderr("Run URL: https://github.com/acme/widgets/actions/runs/24682107")
                .pause(Duration.ofMillis(300))
                .stderr("✓ Updated dispatch metadata on PR #" + pr)
                .exitCode(0));
  }
}
