package dev.erk.client.cli;

import dev.erk.client.PlanRow;
import java.time.OffsetDateTime;

/** A plan row for tests that need one without decoding JSON. */
final class PlanRowsForTests {
  PlanRow open() {
    OffsetDateTime now = OffsetDateTime.parse("2026-04-11T09:05:00+00:00");
    return PlanRow.builder()
        .prNumber(42)
        .prUrl("https://github.com/acme/widgets/pull/42")
        .prDisplay("#42")
        .fullTitle("Add retry")
        .prBody("Plan")
        .prTitle("Add retry")
        .prState("OPEN")
        .prHeadBranch("plan-42")
        .commentsDisplay("0/0")
        .learnDisplay("- not started")
        .learnDisplayIcon("-")
        .objectiveSlugDisplay("-")
        .updatedAt(now)
        .updatedDisplay("just now")
        .createdAt(now)
        .createdDisplay("just now")
        .author("alice")
        .lifecycleDisplay("[yellow]impl[/yellow]")
        .build();
  }
}
