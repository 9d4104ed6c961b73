package dev.erk.client.cli;

import dev.erk.client.PlanRow;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A plan row for tests that need one without decoding JSON. */
final class PlanRowsForTests {
  PlanRow open() {
    OffsetDateTime now = OffsetDateTime.parse("2026-04-11T09:05:00+00:00");
    return new PlanRow(
        42,
        "https://github.com/acme/widgets/pull/42",
        "#42",
        "-",
        null,
        null,
        null,
        "",
        false,
        "-",
        "-",
        "-",
        "-",
        null,
        "Add retry",
        "Plan",
        "Add retry",
        "OPEN",
        "plan-42",
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        0,
        0,
        "0/0",
        null,
        null,
        null,
        null,
        null,
        "- not started",
        "-",
        null,
        null,
        "-",
        0,
        0,
        "-",
        "-",
        "-",
        "-",
        List.of(),
        "-",
        now,
        "just now",
        now,
        "just now",
        "alice",
        false,
        "[yellow]impl[/yellow]",
        "-",
        Map.of());
  }
}
