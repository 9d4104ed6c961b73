package dev.erk.examples.web;

import dev.erk.client.PlanRow;
import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.Fixtures;
import dev.erk.client.testkit.PlanRows;
import dev.erk.client.testkit.Reply;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the web dashboard shows without {@code --erk}: the testkit's {@link FakeErk} scripted with
 * five plans and actions that behave as erk's do. Address, dispatch and land print erk's progress
 * lines over a few seconds; rewrite dispatches and then waits (cancel it); rebase fails because the
 * PR was closed meanwhile, and cancelling a run that has just finished fails with the error erk
 * prints when GitHub refuses, both in erk's own words. Selecting a plan shows the testkit's detail
 * fixtures, and the objectives view one objective with its roadmap ({@code DemoPanels}).
 */
public final class DemoScenario {
  /** The plan whose remote rebase fails. */
  public static final int CLOSED_MEANWHILE = 7890;

  private static final OffsetDateTime NOW = PlanRows.UPDATED_AT;

  private DemoScenario() {}

  /** The plans of erk's default view, newest first. */
  public static List<PlanRow> plans() {
    return List.of(
        PlanRows.open(7911)
            .title("Add retry with exponential backoff to the webhook sender")
            .checks(4, 5)
            .comments(1, 2)
            .run("24681357", "completed", "failure")
            .objective(DemoPanels.OBJECTIVE, 1, 4)
            .branch("plnd/webhook-retry-7911")
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
            .checksPending()
            .run("24679990", "in_progress", null)
            .updatedAt(NOW.minusDays(1))
            .author("carol")
            .rowBuilder()
            .isLearnPlan(true)
            .build(),
        PlanRows.open(CLOSED_MEANWHILE)
            .title("Escape <b>markup</b> & [bold]Rich[/bold] in titles")
            .checks(3, 3)
            .conflicts()
            .updatedAt(NOW.minusDays(3))
            .author("alice")
            .build(),
        PlanRows.open(7886)
            .title("国際化: ダッシュボードの列幅を修正する 🚀")
            .checks(2, 2)
            .comments(2, 2)
            .updatedAt(NOW.minusDays(4))
            .author("dai")
            .build());
  }

  /** Scripts {@code erk} for the demo; newer stubs a caller adds take priority. */
  public static void script(FakeErk erk) {
    erk.stubPlans(plans().toArray(PlanRow[]::new));
    erk.stubFor(ArgvPattern.command("exec", "dash-data").withOption("--creator", "alice"))
        .willReturn(
            Reply.stdout(
                PlanRows.toDashData(
                    plans().stream().filter(row -> "alice".equals(row.author())).toList())));
    erk.stubFor(ArgvPattern.command("exec", "dash-data").withOption("--state", "closed"))
        .willReturn(Fixtures.DASH_DATA_CLOSED.reply());
    DemoActions.script(erk);
    DemoPanels.script(erk);
  }

  static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
