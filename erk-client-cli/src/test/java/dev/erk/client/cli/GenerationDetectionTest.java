package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionParameter;
import dev.erk.client.ActionRequest;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkUnsupportedActionException;
import dev.erk.client.PlanRow;
import dev.erk.client.PlanRowBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationDetectionTest {
  @TempDir Path dir;
  private final PlanRow plan = new PlanRowsForTests().open();

  private CliErkClient.Builder erk(String version, boolean hasLinked) {
    CliErkClient.Builder builder =
        CliErkClient.builder()
            .executable(TestScripts.install(dir, "generations.sh"))
            .workingDirectory(dir)
            .environment("ERK_VERSION", version)
            .environment("CALLS", dir.resolve("calls").toString());
    return hasLinked ? builder.environment("HAS_LINKED", "1") : builder;
  }

  /** An open plan with the number of {@link #plan} on branch {@code b}, with nothing else shown. */
  private PlanRowBuilder openOnBranchB() {
    return PlanRow.builder()
        .prNumber(plan.prNumber())
        .prUrl(plan.prUrl())
        .prDisplay(plan.prDisplay())
        .fullTitle("t")
        .prState("OPEN")
        .prHeadBranch("b");
  }

  private List<String> calls() throws Exception {
    return Files.readAllLines(dir.resolve("calls"));
  }

  @Test
  void theWorkAfterV0911IsToldApartByLandExecutesHelp() throws Exception {
    try (CliErkClient client = erk("0.9.11", true).build()) {
      client.run(DashboardAction.LAND_PR.request(plan));
      assertEquals(
          List.of(
              "--version",
              "exec land-execute --help",
              "exec land-execute --pr-number=42 --branch=plan-42 -f --linked-pr-number=42"),
          calls());
      assertEquals(ErkGeneration.CURRENT, client.generation());
    }
  }

  @Test
  void theV0911ReleaseLandsWithPlanNumberAndDetectsOnlyOnce() throws Exception {
    try (CliErkClient client = erk("0.9.11", false).build()) {
      client.run(DashboardAction.LAND_PR.request(plan));
      client.run(DashboardAction.LAND_PR.request(plan));
      assertEquals(
          List.of(
              "--version",
              "exec land-execute --help",
              "exec land-execute --pr-number=42 --branch=plan-42 -f --plan-number=42",
              "exec land-execute --pr-number=42 --branch=plan-42 -f --plan-number=42"),
          calls());
    }
  }

  @Test
  void anOlderErkRefusesAnActionItLacksBeforeSpawningIt() throws Exception {
    PlanRow running = openOnBranchB().runId("77").runStatus("in_progress").build();
    try (CliErkClient client = erk("0.9.0", false).build()) {
      ErkUnsupportedActionException error =
          assertThrows(
              ErkUnsupportedActionException.class,
              () -> client.run(DashboardAction.CANCEL_RUN.request(running)));
      assertTrue(error.getMessage().contains("0.9.11"), error.getMessage());
      assertEquals(List.of("--version"), calls());
    }
  }

  @Test
  void a07ErkSubmitsPlansAndLaunchesOnTheLinkedPr() throws Exception {
    PlanRow issuePlan = openOnBranchB().extra(PlanRow.LINKED_PR_NUMBER, 77).build();
    try (CliErkClient client = erk("0.7.2", false).build()) {
      client.run(DashboardAction.DISPATCH_TO_QUEUE.request(issuePlan));
      client.run(DashboardAction.ADDRESS_REMOTE.request(issuePlan));
      assertEquals(List.of("--version", "plan submit 42", "launch pr-address --pr 77"), calls());
    }
  }

  @Test
  void aDashDataAnswerSettlesTheGenerationWithoutAskingForTheVersion() throws Exception {
    Path answer = dir.resolve("answer.json");
    Files.writeString(
        answer,
        "{\"success\": true, \"plans\": [{\"plan_id\": 42, \"plan_url\": "
            + "\"u\", \"pr_number\": 42, \"plan_body\": \"\", \"full_title\": \"t\", "
            + "\"objective_deps_plans\": []}], \"count\": 1}");
    try (CliErkClient client =
        erk("0.9.11", true).environment("DASH_DATA", answer.toString()).build()) {
      assertEquals(ErkGeneration.V0_9_11, client.listPlans().generation());
      assertEquals(ErkGeneration.V0_9_11, client.generation());
      assertEquals(List.of("exec dash-data"), calls());
    }
  }

  @Test
  void aPinnedGenerationIsUsedWithoutDetectionAndCustomCommandsNeedNone() throws Exception {
    try (CliErkClient client = erk("0.9.11", true).generation(ErkGeneration.V0_9_0).build()) {
      client.run(DashboardAction.REBASE_REMOTE.request(plan));
      client.run(
          ActionRequest.of(DashboardAction.ADDRESS_REMOTE, Map.of(ActionParameter.PR_NUMBER, "5")));
      assertEquals(List.of("launch pr-fix-conflicts --pr 42", "launch pr-address --pr 5"), calls());
    }
  }
}
