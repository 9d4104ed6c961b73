package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkOutputTooLargeException;
import dev.erk.client.PlanQuery;
import dev.erk.client.cli.internal.warm.WarmStandIn;
import dev.erk.client.details.DetailQuery;
import dev.erk.client.details.ObjectiveRoadmap;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code keepWarm(true)} through the client's API, against the slow-import Python stand-in. */
class WarmErkTest {
  @TempDir Path dir;

  private CliErkClient.Builder builder(Path executable) {
    return WarmStandIn.clientBuilder(executable, dir, 0.2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes", "raise", "usage", "exit-text", "subprocess", "state"})
  void aWarmActionGivesTheSameResultAsASpawnedOne(String command) {
    Path script = WarmStandIn.install(dir);
    ActionRequest request = ActionRequest.custom(ActionKind.TEXT, command);
    try (CliErkClient warm = builder(script).keepWarm(true).build();
        CliErkClient spawned = builder(script).build()) {
      warm.run(ActionRequest.custom(ActionKind.TEXT, "setenv"));
      ActionResult expected = spawned.run(request);
      ActionResult actual = warm.run(request);
      assertEquals(expected.exitCode(), actual.exitCode());
      assertEquals(expected.stdout(), actual.stdout());
      assertEquals(expected.stderr(), actual.stderr());
      assertEquals(expected.message(), actual.message());
      assertEquals(expected.success(), actual.success());
    }
  }

  @Test
  void aDetailQueryGoesWarmWithItsRequestOnStdin() throws Exception {
    Path script = WarmStandIn.install(dir);
    Files.writeString(dir.resolve("json-request"), "{\"identifier\": \"7\"}");
    try (InputStream answer = getClass().getResourceAsStream("/warm/objective-view.stdout")) {
      Files.write(dir.resolve("json-answer"), Objects.requireNonNull(answer).readAllBytes());
    }
    DetailQuery<ObjectiveRoadmap> query = DetailQuery.objective(7);
    try (CliErkClient warm =
            builder(script).keepWarm(true).generation(ErkGeneration.CURRENT).build();
        CliErkClient spawned = builder(script).generation(ErkGeneration.CURRENT).build()) {
      ObjectiveRoadmap expected = spawned.fetch(query);
      ObjectiveRoadmap actual = warm.fetch(query);
      assertEquals(expected, actual);
      assertEquals(7, actual.issueNumber());
    }
    // The spawned call's parent is this JVM; the warm call's is the worker that forked it.
    List<String> callers = Files.readAllLines(dir.resolve("json-callers"));
    String jvm = Long.toString(ProcessHandle.current().pid());
    assertEquals(List.of(jvm), callers.subList(0, 1), callers.toString());
    assertEquals(2, callers.size(), callers.toString());
    assertNotEquals(jvm, callers.get(1), callers.toString());
  }

  @Test
  void aWarmDetailQueryFailsAsASpawnedOneWithErksReason() throws Exception {
    Path script = WarmStandIn.install(dir);
    Files.writeString(dir.resolve("json-request"), "{\"identifier\": \"8\"}");
    DetailQuery<ObjectiveRoadmap> query = DetailQuery.objective(7);
    try (CliErkClient warm =
            builder(script).keepWarm(true).generation(ErkGeneration.CURRENT).build();
        CliErkClient spawned = builder(script).generation(ErkGeneration.CURRENT).build()) {
      ErkCommandFailedException expected =
          assertThrows(ErkCommandFailedException.class, () -> spawned.fetch(query));
      ErkCommandFailedException actual =
          assertThrows(ErkCommandFailedException.class, () -> warm.fetch(query));
      assertEquals(expected.getMessage(), actual.getMessage());
      assertTrue(actual.getMessage().contains("got {'identifier': '7'}"), actual.getMessage());
    }
  }

  @Test
  void outputPastTheLimitFailsAWarmCallAsItFailsASpawnedOne() {
    Path script = WarmStandIn.install(dir);
    ActionRequest big = ActionRequest.custom(ActionKind.TEXT, "big");
    try (CliErkClient warm = builder(script).keepWarm(true).outputLimit(10_000).build();
        CliErkClient spawned = builder(script).outputLimit(10_000).build()) {
      ErkOutputTooLargeException expected =
          assertThrows(ErkOutputTooLargeException.class, () -> spawned.run(big));
      ErkOutputTooLargeException actual =
          assertThrows(ErkOutputTooLargeException.class, () -> warm.run(big));
      assertEquals(expected.getMessage(), actual.getMessage());
      assertEquals(expected.limit(), actual.limit());
    }
  }

  @Test
  void listPlansWarmAnswersAsSpawned() {
    Path script = WarmStandIn.install(dir);
    try (CliErkClient warm = builder(script).keepWarm(true).build();
        CliErkClient spawned = builder(script).build()) {
      assertEquals(spawned.listPlans(PlanQuery.defaults()), warm.listPlans(PlanQuery.defaults()));
      assertEquals(spawned.version(), warm.version());
    }
  }

  @Test
  void aReadOnlyCallIsRetriedOnceWhenItsWorkerDiesButAnActionIsNot() throws Exception {
    Path script = WarmStandIn.install(dir);
    try (CliErkClient warm = builder(script).keepWarm(true).build()) {
      Files.writeString(dir.resolve("kill-worker-once"), "");
      assertEquals(0, warm.listPlans(PlanQuery.defaults()).plans().size());

      Files.writeString(dir.resolve("kill-worker-once"), "");
      ActionResult action = warm.run(ActionRequest.custom(ActionKind.JSON, "exec", "dash-data"));
      assertEquals(137, action.exitCode());
      assertFalse(action.success());
    }
  }

  @Test
  void cancellingAWarmCallKillsItsWorkerAndTheNextCallGetsAFreshOne() throws Exception {
    Path script = WarmStandIn.install(dir);
    try (CliErkClient warm = builder(script).keepWarm(true).build()) {
      long worker = workerPid(warm);
      CompletableFuture<ActionResult> hang =
          warm.runAsync(ActionRequest.custom(ActionKind.TEXT, "hang"));
      assertThrows(Exception.class, () -> hang.get(1, TimeUnit.SECONDS));
      hang.cancel(true);
      assertThrows(CancellationException.class, hang::join);
      TestScripts.assertAllGone(worker);
      assertEquals(0, warm.run(ActionRequest.custom(ActionKind.TEXT, "--version")).exitCode());
    }
  }

  @Test
  void closeEndsTheWorkers() throws Exception {
    Path script = WarmStandIn.install(dir);
    CliErkClient warm = builder(script).keepWarm(true).warmPoolSize(2).build();
    long worker = workerPid(warm);
    warm.close();
    TestScripts.assertAllGone(worker);
  }

  @Test
  void aShellErkIsSpawnedAsBefore() throws Exception {
    Path script = dir.resolve("erk");
    Files.writeString(
        script, "#!/bin/sh\necho '{\"success\": true, \"plans\": [], \"count\": 0}'\n");
    script.toFile().setExecutable(true);
    try (CliErkClient warm = builder(script).keepWarm(true).build()) {
      assertEquals(List.of(), warm.listPlans(PlanQuery.defaults()).plans());
      assertEquals(List.of(), warm.listPlans(PlanQuery.defaults()).plans());
    }
  }

  private static long workerPid(CliErkClient client) {
    return Long.parseLong(
        client.run(ActionRequest.custom(ActionKind.TEXT, "ppid")).stdout().strip());
  }
}
