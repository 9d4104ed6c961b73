package dev.erk.client.testkit;

import static dev.erk.client.testkit.ArgvPattern.command;
import static dev.erk.client.testkit.ArgvPattern.exactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkGeneration;
import dev.erk.client.LandOutcome;
import dev.erk.client.LandSequence;
import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import dev.erk.client.PlanRow;
import dev.erk.client.cli.CliErkClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LandSequence} through the real client and a real fake erk process. */
class LandSequenceTest {
  static final List<String> LAND =
      List.of(
          "exec",
          "land-execute",
          "--pr-number=42",
          "--branch=plan-42",
          "-f",
          "--linked-pr-number=42");
  static final List<String> UPDATE =
      List.of(
          "exec", "objective-update-after-land", "--objective=7000", "--pr=42", "--branch=plan-42");

  final FakeErk erk = FakeErk.create();
  final CliErkClient client = erk.clientBuilder().generation(ErkGeneration.CURRENT).build();
  final List<String> lines = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    client.close();
    erk.close();
  }

  static PlanRow withObjective() {
    return PlanRows.open(42).branch("plan-42").objective(7000, 1, 3).build();
  }

  @Test
  void aSuccessfulLandOfAPlanWithAnObjectiveUpdatesTheObjective() {
    erk.stubFor(exactly(LAND)).willReturn(Reply.stderr("✓ Merged PR #42 [plan-42]\n"));
    erk.stubFor(exactly(UPDATE)).willReturn(Reply.stderr("Updated objective #7000\n"));
    LandOutcome outcome = client.land(withObjective(), (OutputLine line) -> lines.add(line.text()));
    assertTrue(outcome.landed());
    assertTrue(outcome.objectiveUpdateResult().orElseThrow().success());
    assertEquals(List.of(LAND, UPDATE), erk.invocations().stream().map(Invocation::argv).toList());
    assertEquals(List.of("✓ Merged PR #42 [plan-42]", "Updated objective #7000"), lines);
  }

  @Test
  void aFailedLandDoesNotTouchTheObjective() {
    erk.stubFor(exactly(LAND))
        .willReturn(Reply.stderr("Error: PR #42 is not mergeable\n").withExitCode(1));
    LandOutcome outcome = client.land(withObjective(), LineListener());
    assertFalse(outcome.landed());
    assertNull(outcome.objectiveUpdate());
    erk.verify(0, command("exec", "objective-update-after-land"));
  }

  @Test
  void aPlanWithoutAnObjectiveOnlyLands() {
    erk.stubFor(command("exec", "land-execute")).willReturn(Reply.stderr("✓ Merged\n"));
    PlanRow plain = PlanRows.open(42).branch("plan-42").build();
    assertTrue(LandSequence.of(plain).objectiveUpdate().isEmpty());
    LandOutcome outcome = client.land(plain, LineListener());
    assertTrue(outcome.landed());
    assertTrue(outcome.objectiveUpdateResult().isEmpty());
    assertEquals(1, erk.invocations().size());
  }

  @Test
  void anErkWithoutTheUpdateCommandOnlyLands() {
    try (CliErkClient old = erk.clientBuilder().generation(ErkGeneration.V0_7).build()) {
      erk.stubFor(command("exec", "land-execute")).willReturn(Reply.stderr("✓ Merged\n"));
      LandOutcome outcome = old.land(withObjective(), LineListener());
      assertTrue(outcome.landed());
      assertNull(outcome.objectiveUpdate());
      assertEquals(1, erk.invocations().size());
    }
  }

  @Test
  void cancellingDuringTheLandKillsItAndStartsNoUpdate() throws Exception {
    erk.stubFor(exactly(LAND))
        .willReturn(Reply.timeline().stderr("landing").pause(Duration.ofMinutes(5)).exitCode(0));
    erk.stubFor(exactly(UPDATE)).willReturn(Reply.stderr("Updated\n"));
    CompletableFuture<LandOutcome> outcome = client.landAsync(withObjective(), LineListener());
    assertEquals(LAND, erk.takeInvocation(Duration.ofSeconds(30)).orElseThrow().argv());
    outcome.cancel(true);
    assertTrue(outcome.isCancelled());
    List<Path> pids;
    try (Stream<Path> listed = Files.list(erk.directory().resolve("pids"))) {
      pids = listed.toList();
    }
    for (Path pid : pids) {
      ProcessHandle.of(Long.parseLong(pid.getFileName().toString()))
          .ifPresent(process -> process.onExit().join());
    }
    erk.verify(0, command("exec", "objective-update-after-land"));
  }

  private static LineListener LineListener() {
    return LineListener.NONE;
  }

  @Test
  void aCancelledBlockingLandThrowsCancelled() {
    Thread.currentThread().interrupt();
    erk.stubFor(exactly(LAND))
        .willReturn(Reply.timeline().pause(Duration.ofMinutes(5)).exitCode(0));
    assertThrows(ErkCancelledException.class, () -> client.land(withObjective(), LineListener()));
    assertTrue(Thread.interrupted());
  }
}
