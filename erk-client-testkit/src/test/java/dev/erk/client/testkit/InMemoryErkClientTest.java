package dev.erk.client.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.PlanRow;
import dev.erk.client.PlanState;
import dev.erk.client.StreamHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryErkClientTest {

  private static final PlanRow PLAN = PlanRows.open(7).title("Add retry").build();
  private static final ActionRequest LAUNCH =
      ActionRequest.custom(ActionKind.STREAMING, "launch", "pr-address", "--pr", "7");

  private final InMemoryErkClient erk = InMemoryErkClient.create();

  @AfterEach
  void closeClient() {
    erk.close();
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(5, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    return java.util.Objects.requireNonNull(e.getCause());
  }

  @Nested
  class Plans {
    @Test
    void listPlansReturnsTheScriptedRowsAndRecordsTheQuery() {
      erk.plans(PLAN);
      PlanQuery closed = PlanQuery.builder().state(PlanState.CLOSED).build();

      PlanList plans = erk.listPlans(closed);

      assertEquals(List.of(PLAN), plans.plans());
      assertEquals(List.of(closed), erk.queries());
    }

    @Test
    void listPlansAsyncAnswersFromTheFunctionAndRecordsTheQuery() throws Exception {
      erk.plans(q -> new PlanList(q.state() == PlanState.CLOSED ? List.of() : List.of(PLAN), null));

      assertEquals(1, await(erk.listPlansAsync(PlanQuery.defaults())).count());
      assertEquals(
          0,
          await(erk.listPlansAsync(PlanQuery.builder().state(PlanState.CLOSED).build())).count());
      assertEquals(2, erk.queries().size());
      assertEquals(PlanQuery.defaults(), erk.queries().get(0));
    }

    @Test
    void anUnscriptedClientHasNoPlans() {
      assertEquals(0, erk.listPlans().count());
      assertEquals(List.of(PlanQuery.defaults()), erk.queries());
    }

    @Test
    void anExceptionFromTheAnswerIsThrownAndFailsTheAsyncForm() {
      IllegalStateException boom = new IllegalStateException("boom");
      erk.plans(
          q -> {
            throw boom;
          });

      assertSame(boom, assertThrows(IllegalStateException.class, () -> erk.listPlans()));
      assertSame(boom, failureOf(erk.listPlansAsync(PlanQuery.defaults())));
    }
  }

  @Nested
  class Actions {
    @Test
    void onActionAnswersThatDashboardAction() {
      erk.onAction(DashboardAction.CLOSE_PR, Reply.stdout("{\"success\": true}\n"));

      ActionResult result = erk.run(DashboardAction.CLOSE_PR.request(PLAN, "Superseded"));

      assertTrue(result.success());
      assertEquals(0, result.exitCode());
      assertEquals(true, result.json().orElseThrow().get("success"));
      assertEquals("erk", result.command().get(0));
    }

    @Test
    void onCommandAnswersAMatchingArgvAndTheNewestRuleWins() {
      erk.onCommand(ArgvPattern.command("launch"), Reply.stderr("old\n"));
      erk.onCommand(ArgvPattern.command("launch", "pr-address"), Reply.stderr("✓ queued\n"));

      ActionResult result = erk.run(LAUNCH);

      assertEquals("✓ queued\n", result.stderr());
      assertEquals("✓ queued", result.message());
    }

    @Test
    void onActionTakesPriorityOverAMatchingCommand() {
      erk.onCommand(ArgvPattern.command("exec", "close-pr"), Reply.exitCode(3));
      erk.onAction(DashboardAction.CLOSE_PR, Reply.exitCode(0));

      assertEquals(0, erk.run(DashboardAction.CLOSE_PR.request(PLAN, "x")).exitCode());
    }

    @Test
    void anUnscriptedRequestFailsWithTheUnmatchedExitCodeAndSaysSo() {
      ActionResult result = erk.run(LAUNCH);

      assertFalse(result.success());
      assertEquals(FakeErk.UNMATCHED_EXIT_CODE, result.exitCode());
      assertTrue(result.message().contains("nothing scripted"), result.message());
    }

    @Test
    void runReturnsAFailedResultWhileRunOrThrowThrowsCarryingIt() {
      erk.onCommand(
          ArgvPattern.command("launch"),
          Reply.stdout("{\"success\": false, \"error\": \"no PR 7\"}\n").withExitCode(1));

      ActionResult result = erk.run(LAUNCH);
      ErkCommandFailedException thrown =
          assertThrows(ErkCommandFailedException.class, () -> erk.runOrThrow(LAUNCH));

      assertFalse(result.success());
      assertEquals("no PR 7", result.message());
      assertEquals(1, thrown.result().exitCode());
    }

    @Test
    void aSuccessEnvelopeSayingFalseIsAFailureDespiteExitZero() {
      erk.onAction(DashboardAction.CLOSE_PR, Reply.stdout("{\"success\": false}\n"));

      assertFalse(erk.run(DashboardAction.CLOSE_PR.request(PLAN, "x")).success());
    }

    @Test
    void aFailureWithoutStderrTakesItsMessageFromStdout() {
      erk.onCommand(
          ArgvPattern.command("launch"), Reply.stdout("Error: no token\n").withExitCode(2));

      assertEquals("Error: no token", erk.run(LAUNCH).message());
    }

    @Test
    void aKilledReplyReportsOneHundredTwentyEightPlusTheSignal() throws Exception {
      erk.onCommand(ArgvPattern.command("launch"), Reply.killedBy(9));

      assertEquals(137, await(erk.runAsync(LAUNCH)).exitCode());
    }

    @Test
    void runThrowsTheTimeoutItselfWhenTheRequestTimesOut() {
      erk.onCommand(ArgvPattern.command("launch"), Reply.hang());

      assertThrows(
          ErkTimeoutException.class, () -> erk.run(LAUNCH.withTimeout(Duration.ofMillis(50))));
    }

    @Test
    void requestsJournalsEveryRunAndStreamInOrder() throws Exception {
      ActionRequest close = DashboardAction.CLOSE_PR.request(PLAN, "x");
      erk.run(close);
      await(erk.runAsync(LAUNCH));
      await(erk.stream(close, LineListener.NONE).completion());

      assertEquals(List.of(close, LAUNCH, close), erk.requests());
    }
  }

  @Nested
  class Streams {
    @Test
    void linesArriveInOrderWithSequenceNumbersAndCompletionComesAfterTheLast() throws Exception {
      erk.onCommand(
          ArgvPattern.command("launch"),
          Reply.timeline()
              .stderr("Dispatching…")
              .pause(Duration.ofMillis(20))
              .stdout("{\"run\": 1}")
              .stderr("✓ done")
              .exitCode(0));
      List<OutputLine> lines = Collections.synchronizedList(new ArrayList<>());

      StreamHandle handle = erk.stream(LAUNCH, lines::add);
      CompletableFuture<Integer> seenAtCompletion =
          handle.completion().thenApply(result -> lines.size());
      ActionResult result = await(handle.completion());

      assertEquals(
          List.of("STDERR: Dispatching…", "STDOUT: {\"run\": 1}", "STDERR: ✓ done"),
          lines.stream().map(OutputLine::toString).toList());
      assertEquals(List.of(0L, 1L, 2L), lines.stream().map(OutputLine::sequence).toList());
      assertEquals(3, await(seenAtCompletion));
      assertEquals("Dispatching…\n✓ done\n", result.stderr());
      assertFalse(handle.isRunning());
      assertTrue(handle.pid().isEmpty());
    }

    @Test
    void linesAreCutOnLfCrlfAndCrAcrossStepsWithEmptyLinesAndAnsiRemoved() throws Exception {
      erk.onCommand(
          ArgvPattern.command("launch"),
          Reply.timeline()
              .stdoutBytes("par".getBytes(UTF_8))
              .stdoutBytes("tial\r\n\n50%\r\u001B[32mgreen\u001B[0m\r".getBytes(UTF_8))
              .stdoutBytes("\nlast".getBytes(UTF_8))
              .exitCode(0));
      List<String> lines = Collections.synchronizedList(new ArrayList<>());

      await(erk.stream(LAUNCH, line -> lines.add(line.text())).completion());

      assertEquals(List.of("partial", "", "50%", "green", "last"), lines);
    }

    @Test
    void cancelFailsTheCompletionAsCancelledAndStopsTheLines() throws Exception {
      erk.onCommand(
          ArgvPattern.command("launch"),
          Reply.timeline()
              .stderr("first")
              .pause(Duration.ofSeconds(30))
              .stderr("never")
              .exitCode(0));
      CountDownLatch first = new CountDownLatch(1);
      List<String> lines = Collections.synchronizedList(new ArrayList<>());

      StreamHandle handle =
          erk.stream(
              LAUNCH,
              line -> {
                lines.add(line.text());
                first.countDown();
              });
      assertTrue(first.await(5, TimeUnit.SECONDS));
      handle.cancel();

      assertInstanceOf(ErkCancelledException.class, failureOf(handle.completion()));
      assertThrows(ErkCancelledException.class, () -> handle.await(Duration.ofSeconds(1)));
      assertFalse(handle.isRunning());
      assertEquals(List.of("first"), lines);
    }

    @Test
    void aHangingStreamIsStillRunningUntilCancelled() {
      erk.onCommand(ArgvPattern.command("launch"), Reply.hang());

      try (StreamHandle handle = erk.stream(LAUNCH, LineListener.NONE)) {
        assertTrue(handle.await(Duration.ofMillis(50)).isEmpty());
        assertTrue(handle.isRunning());
      }
    }

    @Test
    void aHangingReplyHoldsBackItsUnterminatedLineAsAProcessWithOpenPipesDoes() throws Exception {
      erk.onCommand(
          ArgvPattern.command("launch"),
          Reply.timeline().stderr("first").stderrBytes("partial".getBytes(UTF_8)).hang());
      CountDownLatch first = new CountDownLatch(1);
      List<String> lines = Collections.synchronizedList(new ArrayList<>());

      try (StreamHandle handle =
          erk.stream(
              LAUNCH,
              line -> {
                lines.add(line.text());
                first.countDown();
              })) {
        assertTrue(first.await(5, TimeUnit.SECONDS));
        assertTrue(handle.await(Duration.ofMillis(100)).isEmpty());
      }

      assertEquals(List.of("first"), lines);
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheStream() throws Exception {
      erk.onCommand(
          ArgvPattern.command("launch"),
          Reply.timeline().stderr("one").stderr("two").stderr("three").exitCode(0));
      List<String> lines = Collections.synchronizedList(new ArrayList<>());

      ActionResult result =
          await(
              erk.stream(
                      LAUNCH,
                      line -> {
                        lines.add(line.text());
                        throw new IllegalStateException("listener bug on " + line.text());
                      })
                  .completion());

      assertEquals(List.of("one", "two", "three"), lines);
      assertTrue(result.success());
    }

    @Test
    void aTimedOutStreamFailsWithTheTimeout() {
      erk.onCommand(ArgvPattern.command("launch"), Reply.hang());

      StreamHandle handle =
          erk.stream(LAUNCH.withTimeout(Duration.ofMillis(50)), LineListener.NONE);

      assertInstanceOf(ErkTimeoutException.class, failureOf(handle.completion()));
    }
  }

  @Nested
  class VersionAndClose {
    @Test
    void versionIsZeroNineElevenUnlessScripted() throws Exception {
      assertEquals(
          List.of(0, 9, 11),
          List.of(erk.version().major(), erk.version().minor(), erk.version().patch()));

      erk.version("erk, version 0.7.2");

      assertTrue(erk.version().isAtLeast(0, 7, 2));
      assertFalse(erk.version().isAtLeast(0, 9, 0));
      assertEquals(erk.version(), await(erk.versionAsync()));
    }

    @Test
    void closeCancelsRunningStreamsAndRefusesLaterCalls() {
      erk.onCommand(ArgvPattern.command("launch"), Reply.hang());
      StreamHandle handle = erk.stream(LAUNCH, LineListener.NONE);

      erk.close();

      assertInstanceOf(ErkCancelledException.class, failureOf(handle.completion()));
      assertThrows(IllegalStateException.class, () -> erk.stream(LAUNCH, LineListener.NONE));
      assertThrows(IllegalStateException.class, () -> erk.run(LAUNCH));
    }
  }
}
