package dev.erk.client.testkit;

import dev.erk.client.CheckCounts;
import dev.erk.client.DependencyPlan;
import dev.erk.client.PlanRow;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Plan rows for tests, with a sensible value in every field (like erk's own {@code make_pr_row}),
 * and erk's exact {@code dash-data} JSON for them.
 *
 * <pre>{@code
 * PlanRow green = PlanRows.builder().prNumber(7).title("Add retry").checks(4, 4).build();
 * PlanRow broken = PlanRows.open(8).checks(3, 5).conflicts().run("24681357", "completed", "failure")
 *     .build();
 * FakeErk erk = FakeErk.create();
 * erk.stubFor(ArgvPattern.command("exec", "dash-data"))
 *     .willReturn(Reply.stdout(PlanRows.toDashData(green, broken)));
 * }</pre>
 *
 * <p>Display fields are derived the way erk derives them ({@code "#7 👀"}, {@code "✅ 4/4"}, {@code
 * "[yellow]impl[/yellow]"} …) unless set explicitly. Thread-safe (stateless).
 */
public final class PlanRows {

  /** The repository every default URL points into. */
  public static final String REPOSITORY_URL = "https://github.com/acme/widgets";

  /** The default {@code updated_at}; {@code created_at} defaults to ten days earlier. */
  public static final OffsetDateTime UPDATED_AT = OffsetDateTime.parse("2026-04-11T09:05:00Z");

  private PlanRows() {}

  /** A builder for an open, published plan PR #42 titled "Add retry to uploads". */
  public static DerivedRowBuilder builder() {
    return new DerivedRowBuilder();
  }

  /** A builder for an open, published plan PR with this number. */
  public static DerivedRowBuilder open(int prNumber) {
    return builder().prNumber(prNumber);
  }

  /** A builder for a closed plan PR with this number. */
  public static DerivedRowBuilder closed(int prNumber) {
    return builder().prNumber(prNumber).closed();
  }

  /**
   * erk's exact stdout for these rows: {@code {"success": true, "plans": [...], "count": N}} in
   * Python's {@code json.dumps} format (one line, ASCII escapes), followed by a newline.
   */
  public static String toDashData(PlanRow... rows) {
    return toDashData(Arrays.asList(rows));
  }

  /** {@link #toDashData(PlanRow...)} for a list. */
  public static String toDashData(List<PlanRow> rows) {
    return DashDataWriter.dashData(rows) + "\n";
  }

  /**
   * One row exactly as current erk writes it: the 55 keys in erk's order, then the extras in their
   * order, in Python's {@code json.dumps} format, without a newline.
   *
   * @throws IllegalArgumentException if the extras hold one of the 55 keys, or a value that is not
   *     null, a string, number, boolean, map, list or array
   */
  public static String toJson(PlanRow row) {
    return DashDataWriter.row(row);
  }

  /** erk's exact stdout for a failed dash-data: {@code {"success": false, "error": "…"}}. */
  public static String toFailure(String error) {
    return DashDataWriter.failure(error) + "\n";
  }

  /**
   * {@code count} varied rows numbered from 1000 upwards, cycling through green and failing checks,
   * conflicts, runs, worktrees, learn states and objectives: a realistic large payload.
   */
  public static List<PlanRow> sample(int count) {
    List<PlanRow> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = 1000 + i;
      DerivedRowBuilder row =
          open(n)
              .title("Plan " + n + ": make component " + (i % 97) + " faster")
              .author("dev" + i % 7)
              .updatedAt(UPDATED_AT.minus(Duration.ofMinutes(i)));
      switch (i % 6) {
        case 0 -> row.checks(4, 4);
        case 1 -> row.checks(3, 5).run(String.valueOf(24_000_000L + i), "completed", "failure");
        case 2 -> row.conflicts().comments(1, 3);
        case 3 -> row.worktree("erk-slot-" + (i % 10), "plnd/plan-" + n).checksPending();
        case 4 -> row.learn("completed_with_plan", n + 50_000).draft();
        default -> row.objective(7000 + i % 5, 2, 5).dependsOn(n - 1);
      }
      rows.add(row.build());
    }
    return List.copyOf(rows);
  }

  static String pullUrl(int number) {
    return REPOSITORY_URL + "/pull/" + number;
  }

  static String issueUrl(int number) {
    return REPOSITORY_URL + "/issues/" + number;
  }

  static String runUrl(String runId) {
    return REPOSITORY_URL + "/actions/runs/" + runId;
  }

  static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> extras) {
    return new LinkedHashMap<>(extras);
  }

  static CheckCounts counts(int passing, int total) {
    return new CheckCounts(passing, total);
  }

  static DependencyPlan dependency(int prNumber) {
    return new DependencyPlan("#" + prNumber, pullUrl(prNumber));
  }
}
