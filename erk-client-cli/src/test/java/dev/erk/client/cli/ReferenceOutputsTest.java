package dev.erk.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkGeneration;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.PlanRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every real erk output in the reference set, replayed by a child process. */
class ReferenceOutputsTest {
  @TempDir Path dir;
  private Path replay;

  @BeforeEach
  void installReplay() throws IOException {
    replay = TestScripts.install(dir, "replay.sh");
    for (String name :
        List.of(
            "dash-data-empty",
            "dash-data-open-plans",
            "dash-data-one-row-every-field",
            "dash-data-error-no-remote",
            "dash-data-error-not-authenticated",
            "dash-data-crash-gh-missing",
            "usage-error-unknown-command",
            "version")) {
      for (String part : List.of("stdout", "stderr")) {
        try (InputStream in =
            Objects.requireNonNull(
                getClass().getResourceAsStream("/reference/" + name + "." + part))) {
          Files.copy(in, dir.resolve(name + "." + part));
        }
      }
      String meta =
          new String(
              Objects.requireNonNull(
                      getClass().getResourceAsStream("/reference/" + name + ".meta.json"))
                  .readAllBytes(),
              UTF_8);
      String exit = meta.replaceAll("(?s).*\"exit_code\": (\\d+).*", "$1");
      Files.writeString(dir.resolve(name + ".exit"), exit + "\n");
    }
  }

  private CliErkClient client(String name) {
    return CliErkClient.builder()
        .executable(replay)
        .workingDirectory(dir)
        .environment("REPLAY_DIR", dir.toString())
        .environment("REPLAY_NAME", name)
        .environment("REPLAY_ARGV", dir.resolve("argv").toString())
        .build();
  }

  @Test
  void emptyAnswerIsAnEmptyList() throws IOException {
    PlanList plans = client("dash-data-empty").listPlans(PlanQuery.defaults());
    assertEquals(0, plans.count());
    assertEquals(List.of("exec", "dash-data"), Files.readAllLines(dir.resolve("argv")));
  }

  @Test
  void openPlansDecodeInErksOrder() {
    PlanList plans = client("dash-data-open-plans").listPlans();
    assertEquals(4, plans.count());
    assertEquals(105, plans.plans().get(0).prNumber());
    assertEquals(ErkGeneration.CURRENT, plans.generation());
  }

  @Test
  void everyFieldOfTheFullRowDecodes() {
    PlanRow row = client("dash-data-one-row-every-field").listPlans().plans().get(0);
    assertEquals(3000000042L, row.ciSummaryCommentId());
    assertEquals("#42 \uD83D\uDEA7", row.prDisplay());
    assertNotNull(row.checksCounts());
    assertEquals(2, row.logEntries().size());
    assertEquals(2, row.objectiveDepsPlans().size());
    assertEquals(123456000, Objects.requireNonNull(row.updatedAt()).getNano());
  }

  @Test
  void jsonErrorsBecomeCommandFailuresWithErksText() {
    ErkCommandFailedException noRemote =
        assertThrows(
            ErkCommandFailedException.class, () -> client("dash-data-error-no-remote").listPlans());
    assertEquals("Could not determine repository owner/name", noRemote.erkMessage());
    assertEquals(1, noRemote.result().exitCode());
    assertTrue(noRemote.getMessage().contains("exec dash-data"), noRemote.getMessage());
    ErkCommandFailedException noAuth =
        assertThrows(
            ErkCommandFailedException.class,
            () -> client("dash-data-error-not-authenticated").listPlans());
    assertEquals("GitHub authentication not available", noAuth.erkMessage());
  }

  @Test
  void aCrashReportsTheExceptionLineOfTheTraceback() {
    ErkCommandFailedException crash =
        assertThrows(
            ErkCommandFailedException.class,
            () -> client("dash-data-crash-gh-missing").listPlans());
    assertEquals(
        "RuntimeError: Command not found while trying to fetch GitHub token for "
            + "github.com: gh",
        crash.erkMessage());
  }

  @Test
  void aUsageErrorIsAFailedResultWithClicksErrorLine() {
    ActionResult result =
        client("usage-error-unknown-command")
            .run(ActionRequest.custom(ActionKind.TEXT, "frobnicate"));
    assertFalse(result.success());
    assertEquals(2, result.exitCode());
    assertEquals("Error: No such command 'frobnicate'.", result.message());
    assertThrows(
        ErkCommandFailedException.class, () -> client("usage-error-unknown-command").listPlans());
  }

  @Test
  void versionIsParsed() {
    assertEquals("0.9.11", client("version").version().text());
  }
}
