package dev.erk.client.bench;

import dev.erk.client.CheckCounts;
import dev.erk.client.DependencyPlan;
import dev.erk.client.PlanRow;
import dev.erk.client.testkit.PlanRows;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Varied, realistic dash-data rows from a fixed seed: plan bodies of 60–420 characters of markdown
 * with some non-ASCII text, enriched and unenriched PRs, runs, objectives, learn plans and extras.
 */
final class Rows {
  private static final String[] WORDS = {
    "refactor",
    "the",
    "gateway",
    "so",
    "that",
    "plans",
    "land",
    "faster",
    "→",
    "cache",
    "worktree",
    "résumé",
    "✓",
    "objective",
    "graphite",
    "stack",
    "CI",
    "retry",
    "🚀",
    "dispatch",
    "review",
    "comment",
    "naïve",
    "branch",
    "learn",
    "node"
  };
  private static final String[] LIFECYCLE = {
    "[yellow]impl[/yellow]",
    "[green]review[/green]",
    "[blue]planned[/blue]",
    "[magenta]landed[/magenta]",
    "-"
  };
  private static final String[] AUTHORS = {"schrockn", "alice-dev", "bob", "dagster-bot", ""};

  private Rows() {}

  /** {@code count} rows in erk's current schema. */
  static List<PlanRow> generate(int count, long seed) {
    Random random = new Random(seed);
    List<PlanRow> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(row(random, 4000 + i));
    }
    return rows;
  }

  /** The stdout of {@code erk exec dash-data} for these rows, with erk's trailing newline. */
  static byte[] dashData(List<PlanRow> rows) {
    return PlanRows.toDashData(rows).getBytes(StandardCharsets.UTF_8);
  }

  private static PlanRow row(Random r, int pr) {
    boolean enriched = r.nextInt(10) > 0;
    boolean hasRun = r.nextInt(3) > 0;
    boolean objective = r.nextInt(4) == 0;
    boolean learn = r.nextInt(8) == 0;
    boolean local = r.nextBoolean();
    String title = sentence(r, 4 + r.nextInt(10));
    String branch =
        "P" + pr + "-" + title.replaceAll("[^a-z]+", "-").toLowerCase(Locale.ROOT) + "-01-15-1030";
    OffsetDateTime created =
        OffsetDateTime.of(
            2026,
            1 + r.nextInt(10),
            1 + r.nextInt(28),
            r.nextInt(24),
            r.nextInt(60),
            r.nextInt(60),
            0,
            ZoneOffset.UTC);
    OffsetDateTime updated = created.plusMinutes(r.nextInt(20_000));
    int total = r.nextInt(12);
    int passing = total == 0 ? 0 : total - r.nextInt(2);
    String runId = hasRun ? Long.toString(10_000_000_000L + r.nextInt(1_000_000_000)) : null;
    int objectiveNumber = 7000 + r.nextInt(50);
    int nodes = objective ? 3 + r.nextInt(8) : 0;
    int done = nodes == 0 ? 0 : r.nextInt(nodes + 1);
    List<DependencyPlan> deps = new ArrayList<>();
    for (int d = r.nextInt(3); d > 0; d--) {
      int dep = 4000 + r.nextInt(2000);
      deps.add(new DependencyPlan("#" + dep, "https://github.com/acme/widgets/pull/" + dep));
    }
    Map<String, @Nullable Object> extras = new LinkedHashMap<>();
    if (r.nextInt(5) == 0) {
      extras.put("review_decision", r.nextBoolean() ? "APPROVED" : null);
      extras.put("labels", List.of("erk-plan", "area/" + WORDS[r.nextInt(WORDS.length)]));
    }
    String prUrl = "https://github.com/acme/widgets/pull/" + pr;
    String runUrl = hasRun ? "https://github.com/acme/widgets/actions/runs/" + runId : null;
    return new PlanRow(
        pr,
        prUrl,
        "#" + pr + (enriched ? " 👀" : ""),
        total == 0 ? "-" : (passing == total ? "✅ " : "❌ ") + passing + "/" + total,
        total == 0 ? null : passing == total,
        total == 0 ? null : new CheckCounts(passing, total),
        r.nextInt(4) == 0 ? 2_000_000_000L + r.nextInt(1_000_000_000) : null,
        local ? "erk-slot-" + r.nextInt(20) : "",
        local,
        local ? r.nextInt(59) + "m ago" : "-",
        hasRun ? r.nextInt(23) + "h ago" : "-",
        hasRun ? "[link=" + runUrl + "]" + runId + "[/link]" : "-",
        hasRun ? "[green]✓ success[/green]" : "-",
        runUrl,
        title,
        body(r),
        enriched ? title : null,
        enriched ? (r.nextInt(5) == 0 ? "CLOSED" : "OPEN") : null,
        enriched ? branch : null,
        local ? branch : null,
        local ? updated.minusHours(r.nextInt(48)) : null,
        hasRun ? updated.minusMinutes(r.nextInt(600)) : null,
        runId,
        hasRun ? "completed" : null,
        hasRun ? (r.nextBoolean() ? "success" : "failure") : null,
        List.of(),
        r.nextInt(5),
        5 + r.nextInt(5),
        r.nextInt(5) + "/" + (5 + r.nextInt(5)),
        learn ? "completed_with_plan" : null,
        learn ? 6000 + r.nextInt(100) : null,
        null,
        learn ? 6100 + r.nextInt(100) : null,
        learn ? "https://github.com/acme/widgets/actions/runs/" + r.nextInt(1_000_000) : null,
        learn ? "✅ learned" : "-",
        learn ? "📚" : "-",
        objective ? objectiveNumber : null,
        objective ? "https://github.com/acme/widgets/issues/" + objectiveNumber : null,
        objective ? "#" + objectiveNumber : "-",
        done,
        nodes,
        nodes == 0 ? "-" : done + "/" + nodes,
        objective ? sentence(r, 3) : "-",
        nodes == 0 ? "-" : "✓".repeat(done) + "○".repeat(nodes - done),
        objective ? "ready" : "-",
        deps,
        objective ? "1." + r.nextInt(9) : "-",
        updated,
        r.nextInt(30) + "d ago",
        created,
        r.nextInt(60) + "d ago",
        AUTHORS[r.nextInt(AUTHORS.length)],
        learn,
        LIFECYCLE[r.nextInt(LIFECYCLE.length)],
        r.nextBoolean() ? "🚧" : "-",
        extras);
  }

  private static String body(Random r) {
    StringBuilder body = new StringBuilder("# Plan: ").append(sentence(r, 6)).append("\n\n");
    int target = 60 + r.nextInt(360);
    int step = 1;
    while (body.length() < target) {
      body.append("## Step ")
          .append(step++)
          .append("\n\n- ")
          .append(sentence(r, 12))
          .append("\n- `src/")
          .append(WORDS[r.nextInt(WORDS.length)])
          .append(".py`: ")
          .append(sentence(r, 9))
          .append("\n\n");
    }
    return body.toString();
  }

  private static String sentence(Random r, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      s.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return s.toString();
  }
}
