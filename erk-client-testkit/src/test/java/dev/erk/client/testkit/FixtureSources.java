package dev.erk.client.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.erk.client.PlanRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the fixtures that were not recorded: current rows with {@link PlanRows}, older generations
 * as raw JSON text with the exact key lists of erk's source (docs/erk-generations.md, "Row keys of
 * each generation"). The provenance strings below are data: they must equal the "provenance" of the
 * fixture files, which still name the sections of the contract they were built from.
 */
final class FixtureSources {
  private FixtureSources() {}

  static final String REPO = PlanRows.REPOSITORY_URL;
  static final String BUILT = "built by PlanRows from contract §3.1 (erk HEAD 2656c0e1a830)";

  static Map<String, Recording> all() {
    Map<String, Recording> all = new LinkedHashMap<>();
    all.put(
        "dash-data-plans",
        built(
            List.of("erk", "exec", "dash-data", "--show-runs"),
            PlanRows.toDashData(plans()),
            Fixtures.DASH_DATA_PLANS,
            BUILT));
    all.put(
        "dash-data-closed",
        built(
            List.of("erk", "exec", "dash-data", "--state", "closed"),
            PlanRows.toDashData(
                PlanRows.closed(91).title("Superseded plan").build(),
                PlanRows.closed(92).title("Abandoned plan").checks(1, 3).build()),
            Fixtures.DASH_DATA_CLOSED,
            BUILT));
    all.put("dash-data-v0.9.11", old(ErkKeyLists.V0_9_11, Fixtures.DASH_DATA_V0_9_11, "§3.6"));
    all.put("dash-data-v0.9.0", old(ErkKeyLists.V0_9_0, Fixtures.DASH_DATA_V0_9_0, "§3.5"));
    all.put("dash-data-v0.7", old(ErkKeyLists.V0_7, Fixtures.DASH_DATA_V0_7, "§3.7"));
    for (String v : List.of("0.9.0", "0.7.2")) {
      all.put(
          "version-" + v,
          new Recording(
              List.of("erk", "--version"),
              0,
              ("erk, version " + v + "\n").getBytes(UTF_8),
              new byte[0],
              "erk --version of erk " + v,
              "built from contract §0 (version table)",
              List.of()));
    }
    return all;
  }

  static List<PlanRow> plans() {
    OffsetDateTime local = OffsetDateTime.parse("2026-04-10T08:15:30.123456+00:00");
    return List.of(
        PlanRows.open(101)
            .title("Add retry to uploads")
            .checks(4, 4)
            .worktree("erk-slot-01", "plnd/plan-101")
            .implementedAt(local, null)
            .build(),
        PlanRows.open(102)
            .title("Speed up search")
            .checks(3, 5)
            .comments(1, 2)
            .run("24681357", "completed", "failure")
            .rowBuilder()
            .ciSummaryCommentId(3000000042L)
            .build(),
        PlanRows.open(103).title("Rename the config keys").conflicts().checks(5, 5).build(),
        PlanRows.open(104)
            .title("Cache avatars")
            .run("24681400", "in_progress", null)
            .checksPending()
            .author("bob")
            .build(),
        PlanRows.open(105)
            .title("Learn from the upload incident")
            .learn("completed_with_plan", 205)
            .draft()
            .build(),
        PlanRows.open(106)
            .title("Split the monolith, step 3")
            .objective(7000, 2, 5)
            .dependsOn(104, 103)
            .build());
  }

  private static Recording built(List<String> argv, String stdout, Fixtures f, String how) {
    return new Recording(argv, 0, stdout.getBytes(UTF_8), new byte[0], describe(f), how, List.of());
  }

  private static Recording old(List<String> keys, Fixtures f, String section) {
    List<Object> rows = new ArrayList<>();
    rows.add(ErkKeyLists.row(keys, 0));
    rows.add(ErkKeyLists.row(keys, 1));
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("success", true);
    envelope.put("plans", rows);
    envelope.put("count", rows.size());
    StringBuilder json = new StringBuilder();
    new PythonJsonWriter(json).value(envelope);
    return new Recording(
        List.of("erk", "exec", "dash-data"),
        0,
        (json + "\n").getBytes(UTF_8),
        new byte[0],
        describe(f),
        "built by hand from contract " + section + " key list",
        List.of());
  }

  private static String describe(Fixtures f) {
    return Arrays.stream(f.name().split("_"))
            .map(String::toLowerCase)
            .reduce((a, b) -> a + " " + b)
            .orElse("")
        + " (see Fixtures."
        + f.name()
        + ")";
  }
}
