package dev.erk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.PlanRow;
import dev.erk.client.cli.ErkJson;
import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.Fixtures;
import dev.erk.client.testkit.PlanRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardTest {
  /** erk's current row schema (docs/erk-generations.md), in emitted order. */
  static final List<String> SCHEMA_KEYS =
      List.of(
          "pr_number",
          "pr_url",
          "pr_display",
          "checks_display",
          "checks_passing",
          "checks_counts",
          "ci_summary_comment_id",
          "worktree_name",
          "exists_locally",
          "local_impl_display",
          "remote_impl_display",
          "run_id_display",
          "run_state_display",
          "run_url",
          "full_title",
          "pr_body",
          "pr_title",
          "pr_state",
          "pr_head_branch",
          "worktree_branch",
          "last_local_impl_at",
          "last_remote_impl_at",
          "run_id",
          "run_status",
          "run_conclusion",
          "log_entries",
          "resolved_comment_count",
          "total_comment_count",
          "comments_display",
          "learn_status",
          "learn_plan_issue",
          "learn_plan_issue_closed",
          "learn_plan_pr",
          "learn_run_url",
          "learn_display",
          "learn_display_icon",
          "objective_issue",
          "objective_url",
          "objective_display",
          "objective_done_nodes",
          "objective_total_nodes",
          "objective_progress_display",
          "objective_slug_display",
          "objective_frontier_display",
          "objective_deps_display",
          "objective_deps_plans",
          "objective_next_node_display",
          "updated_at",
          "updated_display",
          "created_at",
          "created_display",
          "author",
          "is_learn_plan",
          "lifecycle_display",
          "status_display");

  private static final ErkJson JSON = ErkJson.create();

  /** The plans the demo shows. */
  private static final List<PlanRow> FIXTURE = decode(Fixtures.DASH_DATA_PLANS.stdout());

  @TempDir Path tmp;

  static List<PlanRow> decode(String stdout) {
    byte[] bytes = stdout.getBytes(StandardCharsets.UTF_8);
    ErkJson.DashData data = JSON.decodeDashData(bytes, bytes.length, List.of("erk"));
    return ((ErkJson.DashData.Plans) data).plans().plans();
  }

  @Test
  void theDemoFixtureIsVaried() {
    assertTrue(FIXTURE.size() >= 3);
    assertTrue(FIXTURE.stream().anyMatch(row -> row.runId() != null), "a run");
    assertTrue(FIXTURE.stream().anyMatch(PlanRow::existsLocally), "a worktree");
    assertTrue(FIXTURE.stream().anyMatch(row -> row.objectiveIssue() != null), "an objective");
    assertTrue(FIXTURE.stream().anyMatch(row -> row.learnStatus() != null), "a learn status");
    assertTrue(FIXTURE.stream().anyMatch(row -> row.checksCounts() != null), "checks");
  }

  static void assertAlignedTable(List<String> table) {
    assertTrue(table.size() >= 3, "header, rule and rows: " + table);
    int width = DisplayWidth.of(table.get(0));
    for (String line : table) {
      assertEquals(
          width,
          DisplayWidth.of(line),
          "every line as wide as the header:\n" + String.join("\n", table));
    }
    assertTrue(table.get(1).matches("[- ]+"), "a rule under the header: " + table.get(1));
  }

  @Nested
  class Demo {
    @Test
    void printsTheDemoNoteThenAnAlignedTableOfTheBundledPlans() {
      ExampleRun run = ExampleRun.of(Dashboard::run);

      assertEquals(0, run.exitCode(), run.err());
      List<String> lines = run.outLines();
      assertEquals(ExampleErk.DEMO_NOTE, lines.get(0));
      List<String> table = lines.subList(1, lines.size());
      assertAlignedTable(table);
      assertEquals(2 + FIXTURE.size(), table.size());
      for (String header :
          List.of("PR", "Title", "Lifecycle", "Checks", "Comments", "Run", "Worktree", "Updated")) {
        assertTrue(table.get(0).contains(header), header);
      }
      for (PlanRow row : FIXTURE) {
        assertTrue(run.out().contains("#" + row.prNumber()), "#" + row.prNumber());
        String runCell = PlanTable.run(row.plain());
        assertTrue(run.out().contains(runCell), runCell);
      }
      assertFalse(run.out().contains("[/"), "no Rich markup: " + run.out());
      assertEquals("", run.err());
    }

    @Test
    void jsonPrintsOneObjectPerPlanWithEveryKeyOfTheSchema() {
      ExampleRun run = ExampleRun.of(Dashboard::run, "--json");

      assertEquals(0, run.exitCode(), run.err());
      List<String> lines = run.outLines();
      assertEquals(FIXTURE.size(), lines.size(), run.out());
      List<Object> numbers = new ArrayList<>();
      for (String line : lines) {
        Map<String, @Nullable Object> row =
            Objects.requireNonNull(JSON.decodeObject(line), "a JSON object: " + line);
        assertEquals(SCHEMA_KEYS, List.copyOf(row.keySet()));
        numbers.add(row.get("pr_number"));
      }
      assertEquals(FIXTURE.stream().map(PlanRow::prNumber).toList(), numbers);
      assertEquals(ExampleErk.DEMO_NOTE, run.err().strip(), "the note goes to stderr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--json --help"})
    void helpPrintsTheUsage(String args) {
      ExampleRun run = ExampleRun.of(Dashboard::run, args.split(" "));

      assertEquals(0, run.exitCode());
      assertTrue(run.out().startsWith("Usage: Dashboard"), run.out());
    }
  }

  @Nested
  class AgainstRecordedErk {
    @Test
    void recordedOpenPlansMakeAnAlignedTable() {
      Path erk = ExampleRun.replayingErk(tmp, "dash-data-open-plans");

      ExampleRun run =
          ExampleRun.of(Dashboard::run, "--erk", erk.toString(), "--cwd", tmp.toString());

      assertEquals(0, run.exitCode(), run.err());
      assertAlignedTable(run.outLines());
      assertEquals(2 + 4, run.outLines().size(), run.out());
      for (String shown :
          List.of(
              "#105 👀",
              "#101 🚧",
              "#102 👀💥",
              "Überarbeitung",
              "impl",
              "planned",
              "✅ 4/4",
              "🚫 1/3",
              "erk-slot-03",
              "just now")) {
        assertTrue(run.out().contains(shown), shown + " in\n" + run.out());
      }
      assertFalse(run.out().contains("demo"), run.out());
    }

    @Test
    void jsonReencodesEveryFieldAsErkWroteIt() throws IOException {
      Path erk = ExampleRun.replayingErk(tmp, "dash-data-one-row-every-field");

      ExampleRun run = ExampleRun.of(Dashboard::run, "--erk", erk.toString(), "--json");

      assertEquals(0, run.exitCode(), run.err());
      String recorded =
          Files.readString(
              ExampleRun.referenceDirectory().resolve("dash-data-one-row-every-field.stdout"));
      Map<String, @Nullable Object> envelope = Objects.requireNonNull(JSON.decodeObject(recorded));
      List<?> plans = (List<?>) Objects.requireNonNull(envelope.get("plans"));
      assertEquals(1, plans.size());
      Map<String, @Nullable Object> printed =
          Objects.requireNonNull(JSON.decodeObject(run.out()), run.out());
      assertEquals(SCHEMA_KEYS, List.copyOf(printed.keySet()));
      assertEquals(plans.get(0), printed);
    }

    @Test
    void noPlansSaysSo() {
      Path erk = ExampleRun.replayingErk(tmp, "dash-data-empty");

      ExampleRun run = ExampleRun.of(Dashboard::run, "--erk", erk.toString());

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("No plans.", run.out().strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
        dash-data-error-no-remote         | Could not determine repository owner/name
        dash-data-error-not-authenticated | GitHub authentication not available
        dash-data-crash-gh-missing        | RuntimeError: Command not found while trying to fetch GitHub token
        usage-error-unknown-command       | No such command 'frobnicate'
        version                           | Could not read the output
        """)
    void erkFailuresAreOneLineOnStderrWithExitOne(String recording, String erkSays) {
      Path erk = ExampleRun.replayingErk(tmp, recording);

      ExampleRun run = ExampleRun.of(Dashboard::run, "--erk", erk.toString());

      assertEquals(1, run.exitCode(), run.err());
      run.assertOneLineError("dashboard: ");
      assertTrue(run.err().contains(erkSays), run.err());
      assertEquals("", run.out());
    }

    @Test
    void aMissingExecutableIsOneLineWithExitOne() {
      ExampleRun run = ExampleRun.of(Dashboard::run, "--erk", tmp.resolve("no-erk").toString());

      assertEquals(1, run.exitCode());
      run.assertOneLineError("dashboard: ");
      assertTrue(run.err().contains("no-erk"), run.err());
    }
  }

  @Nested
  class Options {
    @Test
    void filtersBecomeDashDataOptions() throws IOException {
      try (FakeErk erk = FakeErk.create()) {
        erk.stubPlans(PlanRows.open(7).title("Seven").build());

        ExampleRun run =
            ExampleRun.of(
                Dashboard::run,
                "--erk",
                erk.executable().toString(),
                "--cwd",
                tmp.toString(),
                "--state",
                "closed",
                "--label",
                "erk-pr",
                "--label=urgent",
                "--limit",
                "5",
                "--runs",
                "--creator",
                "octocat");

        assertEquals(0, run.exitCode(), run.err());
        erk.verify(
            ArgvPattern.command("exec", "dash-data")
                .withOption("--state", "closed")
                .withOption("--limit", "5")
                .withOption("--creator", "octocat")
                .withFlag("--show-runs"));
        assertEquals(
            List.of(
                "exec",
                "dash-data",
                "--state",
                "closed",
                "--label",
                "erk-pr",
                "--label",
                "urgent",
                "--limit",
                "5",
                "--show-runs",
                "--creator",
                "octocat"),
            erk.invocations().get(0).argv());
        assertEquals(tmp.toRealPath(), erk.invocations().get(0).cwd().toRealPath());
      }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "--state all",
          "--limit 0",
          "--limit x",
          "--bogus",
          "--label",
          "--creator -rf",
          "--json=yes",
          "stray",
          "--erk"
        })
    void badCommandLinesExitTwoWithOneLine(String args) {
      ExampleRun run = ExampleRun.of(Dashboard::run, args.split(" "));

      assertEquals(2, run.exitCode(), run.err());
      run.assertOneLineError("dashboard: ");
      assertTrue(run.err().contains("--help"), run.err());
      assertEquals("", run.out());
    }
  }
}
