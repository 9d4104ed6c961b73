package dev.erk.examples.web;

import dev.erk.client.PlanRow;
import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.DetailFixtures;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.PlanRows;
import dev.erk.client.testkit.Reply;

/**
 * The demo's detail panels: every plan answers with the testkit's detail fixtures (two review
 * threads, two failing CI checks, three events), the objectives view lists {@link #OBJECTIVE},
 * whose roadmap is the fixture's four nodes, and the review threads of {@link
 * DemoScenario#CLOSED_MEANWHILE} fail with the GitHub API error erk prints (its number put in).
 */
final class DemoPanels {
  /** The demo's objective; the first plan belongs to it. */
  static final int OBJECTIVE = 7;

  private DemoPanels() {}

  /** The one row of the objectives view. */
  static PlanRow objectiveRow() {
    return PlanRows.open(OBJECTIVE)
        .title("Objective: deliver webhooks reliably")
        .objective(OBJECTIVE, 1, 4)
        .author("alice")
        .build();
  }

  static void script(FakeErk erk) {
    erk.stubFor(
            ArgvPattern.command("exec", "dash-data")
                .withOption("--label", PlanJson.OBJECTIVE_LABEL))
        .willReturn(Reply.stdout(PlanRows.toDashData(objectiveRow())));
    answer(erk, DetailFixtures.REVIEW_THREADS, "exec", "get-pr-review-comments");
    answer(erk, DetailFixtures.CI_SUMMARIES, "exec", "ci-fetch-summaries");
    answer(erk, DetailFixtures.PLAN_LOG, "pr", "log");
    answer(erk, DetailFixtures.OBJECTIVE, "json", "objective", "view");
    String failed =
        DetailFixtures.REVIEW_THREADS_API_FAILED
            .stdout()
            .replace("42", Integer.toString(DemoScenario.CLOSED_MEANWHILE));
    erk.stubFor(
            ArgvPattern.command("exec", "get-pr-review-comments")
                .withOption("--pr", Integer.toString(DemoScenario.CLOSED_MEANWHILE)))
        .willReturn(Reply.stdout(failed));
  }

  private static void answer(FakeErk erk, DetailFixtures fixture, String... command) {
    erk.stubFor(ArgvPattern.prefix(command)).willReturn(fixture.reply());
  }
}
