package dev.erk.client.testkit;

import static dev.erk.client.testkit.ArgvPattern.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.OutputLine;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.PlanState;
import dev.erk.client.cli.CliErkClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CliErkClient driven through FakeErk, one response kind per test. */
class ClientThroughFakeErkTest {

  final FakeErk erk = FakeErk.create();
  final CliErkClient client = erk.client();

  @AfterEach
  void close() {
    client.close();
    erk.close();
  }

  @Test
  void listPlansDecodesTheSeveralPlansFixture() {
    erk.stubFor(command("exec", "dash-data")).willReturn(Fixtures.DASH_DATA_PLANS.reply());
    PlanList list = client.listPlans();
    assertEquals(6, list.count());
    assertEquals(ErkGeneration.CURRENT, list.generation());
    assertEquals(FixtureSources.plans(), list.plans());
  }

  @Test
  void erksJsonErrorsBecomeCommandFailedWithErksMessage() {
    erk.stubFor(command("exec", "dash-data"))
        .willReturn(Fixtures.DASH_DATA_ERROR_NO_REMOTE.reply());
    ErkCommandFailedException e =
        assertThrows(ErkCommandFailedException.class, () -> client.listPlans());
    assertEquals("Could not determine repository owner/name", e.erkMessage());
  }

  @Test
  void aCrashWithoutGhFailsWithTheTracebacksLastLine() {
    erk.stubFor(command("exec", "dash-data"))
        .willReturn(Fixtures.DASH_DATA_CRASH_GH_MISSING.reply());
    ErkCommandFailedException e =
        assertThrows(ErkCommandFailedException.class, () -> client.listPlans());
    assertEquals(1, e.result().exitCode());
    assertTrue(e.erkMessage().contains("Error"), e.erkMessage());
  }

  @Test
  void aUsageErrorExitsTwo() {
    erk.stubFor(command("exec", "dash-data"))
        .willReturn(Fixtures.USAGE_ERROR_UNKNOWN_COMMAND.reply());
    ErkCommandFailedException e =
        assertThrows(ErkCommandFailedException.class, () -> client.listPlans());
    assertEquals(2, e.result().exitCode());
  }

  @Test
  void streamedLinesArriveNoSoonerThanTheirPauses() {
    erk.stubFor(command("launch"))
        .willReturn(
            Reply.timeline().stderr("one").pause(Duration.ofMillis(300)).stderr("two").exitCode(0));
    List<OutputLine> lines = new CopyOnWriteArrayList<>();
    ActionResult result =
        client.stream(ActionRequest.custom(ActionKind.STREAMING, "launch", "x"), lines::add)
            .completion()
            .join();
    assertEquals(0, result.exitCode());
    assertEquals(List.of("one", "two"), lines.stream().map(OutputLine::text).toList());
    long gap = Duration.between(lines.get(0).timestamp(), lines.get(1).timestamp()).toMillis();
    // The sleep is 300 ms. The first line's timestamp is when the pump read it, which a loaded
    // machine can delay by tens of ms; lines held back and delivered together would be ~0 apart.
    assertTrue(gap >= 150, "gap " + gap);
  }

  @Test
  void aHangIsEndedByTheClientsTimeoutLeavingNoProcess() throws Exception {
    erk.stubFor(command("exec", "dash-data")).willReturn(Reply.hang());
    assertThrows(
        ErkTimeoutException.class,
        () -> client.listPlans(PlanQuery.defaults().withTimeout(Duration.ofMillis(300))));
    assertNoProcessLeft();
  }

  @Test
  void closingTheFakeKillsAHangingCall() throws Exception {
    erk.stubFor(command("launch")).willReturn(Reply.timeline().stderr("started").hang());
    Process p = new ProcessBuilder(erk.executable().toString(), "launch").start();
    assertEquals(List.of("launch"), erk.takeInvocation(Duration.ofSeconds(5)).orElseThrow().argv());
    erk.close();
    assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS));
    assertFalse(p.isAlive());
  }

  @Test
  void aSignalDeathIsExitCode128PlusTheSignal() {
    erk.stubFor(command("exec", "close-pr")).willReturn(Reply.killedBy(9));
    erk.stubFor(command("launch")).willReturn(Reply.killedBy(11));
    assertEquals(
        137, client.run(ActionRequest.custom(ActionKind.JSON, "exec", "close-pr", "1")).exitCode());
    assertEquals(139, client.run(ActionRequest.custom(ActionKind.TEXT, "launch")).exitCode());
  }

  @Test
  void partialOutputAndInvalidUtf8ArriveAsReplacementCharacters() {
    erk.stubFor(command("launch"))
        .willReturn(
            Reply.stdoutBytes(new byte[] {'a', (byte) 0xff, 'b', '\n', 't', 'a', 'i', 'l'}));
    List<OutputLine> lines = new CopyOnWriteArrayList<>();
    client.stream(ActionRequest.custom(ActionKind.STREAMING, "launch"), lines::add)
        .completion()
        .join();
    assertEquals(List.of("a\uFFFDb", "tail"), lines.stream().map(OutputLine::text).toList());
  }

  @Test
  void afterClosePrSucceedsDashDataNoLongerListsThePlan() {
    erk.stubPlans(PlanRows.open(7).build(), PlanRows.open(8).build());
    erk.stubFor(command("exec", "close-pr", "7"))
        .willReturn(Reply.stdout("{\"success\": true}\n"))
        .willSetState("closed");
    erk.stubFor(command("exec", "dash-data"))
        .inState("closed")
        .willReturn(Reply.stdout(PlanRows.toDashData(PlanRows.open(8).build())));
    assertEquals(2, client.listPlans().count());
    client.runOrThrow(DashboardAction.CLOSE_PR.request(PlanRows.open(7).build(), "done"));
    assertEquals(List.of(8), client.listPlans().plans().stream().map(r -> r.prNumber()).toList());
  }

  @Test
  void aSequenceAnswersInOrderThenRepeatsTheLast() {
    erk.stubFor(ArgvPattern.exactly("--version"))
        .willReturn(Fixtures.VERSION_0_9_0.reply())
        .thenReturn(Fixtures.VERSION_0_9_11.reply());
    assertEquals("0.9.0", client.version().toString());
    assertEquals("0.9.11", client.version().toString());
    assertEquals("0.9.11", client.version().toString());
  }

  @Test
  void thirtyTwoConcurrentCallsAreEachJournalledOnce() {
    erk.stubFor(command("exec", "get-pr-info")).willReturn(Reply.stdout("{\"success\": true}\n"));
    List<CompletableFuture<ActionResult>> calls =
        IntStream.range(0, 32)
            .mapToObj(
                i ->
                    client.runAsync(
                        ActionRequest.custom(
                            ActionKind.JSON, "exec", "get-pr-info", String.valueOf(i))))
            .toList();
    calls.forEach(c -> assertEquals(0, c.join().exitCode()));
    List<String> numbers = erk.invocations().stream().map(i -> i.argv().get(2)).sorted().toList();
    assertEquals(IntStream.range(0, 32).mapToObj(String::valueOf).sorted().toList(), numbers);
  }

  @Test
  void closedPlansAnswerTheStateClosedQuery() {
    erk.stubFor(command("exec", "dash-data").withOption("--state", "closed"))
        .willReturn(Fixtures.DASH_DATA_CLOSED.reply());
    PlanList closed = client.listPlans(PlanQuery.builder().state(PlanState.CLOSED).build());
    assertTrue(closed.plans().stream().noneMatch(r -> r.isOpen()));
  }

  private void assertNoProcessLeft() throws Exception {
    List<java.nio.file.Path> pids;
    try (Stream<java.nio.file.Path> listing = Files.list(erk.directory().resolve("pids"))) {
      pids = listing.toList();
    }
    for (java.nio.file.Path pid : pids) {
      ProcessHandle.of(Long.parseLong(pid.getFileName().toString()))
          .ifPresent(
              h -> {
                try {
                  h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                  throw new AssertionError("process " + h.pid() + " still running", e);
                }
              });
    }
  }
}
