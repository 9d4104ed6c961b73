package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCall;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkStartException;
import dev.erk.client.LineListener;
import dev.erk.client.PlanQuery;
import dev.erk.client.StreamHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every event of a call, on success, failure, cancel and timeout, with real child processes. */
class EventListenerTest {
  private static final String PLANS = "echo '{\"success\": true, \"plans\": [], \"count\": 0}'";

  @TempDir Path dir;

  private final List<EventRecorder> recorders = new CopyOnWriteArrayList<>();

  private CliErkClient client(String script) {
    return InlineErk.script(dir, script)
        .eventListenerFactory(
            call -> {
              EventRecorder recorder = new EventRecorder();
              recorders.add(recorder);
              return recorder;
            })
        .build();
  }

  /** The recorder of the only call made, once its listener was made. */
  private EventRecorder only() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (recorders.isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no listener was made");
      Thread.sleep(5);
    }
    assertEquals(1, recorders.size());
    return recorders.get(0);
  }

  @Nested
  class Success {
    @Test
    void aRunTellsEveryStepInOrderOnSdkThreads() throws Exception {
      try (CliErkClient erk = client("printf hello; printf oops >&2")) {
        ActionResult result = erk.run(ActionRequest.custom(ActionKind.TEXT, "exec", "x"));
        assertTrue(result.success());
        EventRecorder events = only();
        assertEquals(
            List.of("callStart", "processStarted", "firstOutput", "processExited", "decoded"),
            ignoringSource(events.awaitEnd()));
        ErkCall call = events.call;
        assertNotNull(call);
        assertEquals(ErkCall.Kind.RUN, call.kind());
        assertEquals(List.of(erk.executable().toString(), "exec", "x"), call.command());
        assertTrue(events.pid > 0);
        EventRecorder.ExitSeen exit = events.exit;
        assertNotNull(exit);
        assertEquals(new EventRecorder.ExitSeen(0, result.duration(), 5, 4), exit);
        assertTrue(
            events.threads.stream().allMatch(t -> t.startsWith("erk-client-")),
            events.threads.toString());
        events.assertOrderedInTime();
      }
    }

    @Test
    void listPlansAndVersionAreCallsOfTheirKind() throws Exception {
      try (CliErkClient erk =
          client(
              "case \"$1\" in --version) echo 'erk, version 0.9.11';;"
                  + " *) "
                  + PLANS
                  + ";; esac")) {
        erk.listPlans(PlanQuery.defaults());
        erk.version();
        assertEquals(2, recorders.size());
        for (EventRecorder events : recorders) {
          assertEquals(
              List.of("callStart", "processStarted", "firstOutput", "processExited", "decoded"),
              ignoringSource(events.awaitEnd()));
        }
        assertEquals(ErkCall.Kind.LIST_PLANS, kindOf(recorders.get(0)));
        assertEquals(ErkCall.Kind.VERSION, kindOf(recorders.get(1)));
      }
    }

    @Test
    void aStreamTellsItsExitBeforeItsEnd() throws Exception {
      try (CliErkClient erk = client("echo one; echo two >&2; echo three")) {
        StreamHandle stream =
            erk.stream(ActionRequest.custom(ActionKind.STREAMING, "go"), LineListener.NONE);
        assertTrue(stream.await(Duration.ofSeconds(20)).orElseThrow().success());
        EventRecorder events = only();
        assertEquals(
            List.of("callStart", "processStarted", "firstOutput", "processExited", "decoded"),
            ignoringSource(events.awaitEnd()));
        assertEquals(ErkCall.Kind.STREAM, kindOf(events));
        EventRecorder.ExitSeen exit = events.exit;
        assertNotNull(exit);
        assertEquals(10, exit.stdoutBytes());
        assertEquals(4, exit.stderrBytes());
      }
    }

    @Test
    void eventsRunOnTheCallbackExecutor() throws Exception {
      ExecutorService mine =
          Executors.newSingleThreadExecutor(task -> new Thread(task, "host-events"));
      EventRecorder events = new EventRecorder();
      try (CliErkClient erk =
          InlineErk.script(dir, "echo hi").callbackExecutor(mine).eventListener(events).build()) {
        erk.run(ActionRequest.custom(ActionKind.TEXT, "x"));
        events.awaitEnd();
        assertTrue(
            events.threads.stream().allMatch("host-events"::equals), events.threads.toString());
      } finally {
        mine.shutdownNow();
      }
    }
  }

  @Nested
  class Failure {
    @Test
    void aNonZeroExitIsAResultSoTheRunIsDecoded() throws Exception {
      try (CliErkClient erk = client("echo 'Error: no' >&2; exit 3")) {
        assertFalse(erk.run(ActionRequest.custom(ActionKind.TEXT, "x")).success());
        EventRecorder events = only();
        assertEquals(
            List.of(
                "callStart", "processStarted", "firstOutput STDERR", "processExited", "decoded"),
            events.awaitEnd());
        EventRecorder.ExitSeen exit = events.exit;
        assertNotNull(exit);
        assertEquals(3, exit.code());
      }
    }

    @Test
    void aFailedListingEndsWithCallFailed() throws Exception {
      try (CliErkClient erk = client("echo 'Error: no' >&2; exit 1")) {
        assertThrows(ErkCommandFailedException.class, () -> erk.listPlans(PlanQuery.defaults()));
        EventRecorder events = only();
        assertEquals(
            List.of(
                "callStart", "processStarted", "firstOutput STDERR", "processExited", "callFailed"),
            events.awaitEnd());
        assertInstanceOf(ErkCommandFailedException.class, events.failure);
      }
    }

    @Test
    void aProcessThatCannotStartHasNoProcessEvents() throws Exception {
      try (CliErkClient erk = client("echo never")) {
        Files.delete(erk.executable());
        assertThrows(
            ErkStartException.class, () -> erk.run(ActionRequest.custom(ActionKind.TEXT, "x")));
        EventRecorder events = only();
        assertEquals(List.of("callStart", "callFailed"), events.awaitEnd());
        assertInstanceOf(ErkStartException.class, events.failure);
      }
    }
  }

  @Nested
  class Cancel {
    @Test
    void aCancelledStreamEndsWithCallCancelledAndNoExit() throws Exception {
      try (CliErkClient erk = client("echo started; exec sleep 600")) {
        StreamHandle stream =
            erk.stream(ActionRequest.custom(ActionKind.STREAMING, "go"), LineListener.NONE);
        EventRecorder events = only();
        events.await("firstOutput STDOUT");
        stream.cancel();
        assertEquals(
            List.of("callStart", "processStarted", "firstOutput STDOUT", "callCancelled"),
            events.awaitEnd());
        TestScripts.assertAllGone(events.pid);
      }
    }

    @Test
    void cancellingARunsFutureEndsWithCallCancelled() throws Exception {
      try (CliErkClient erk = client("exec sleep 600")) {
        CompletableFuture<ActionResult> run =
            erk.runAsync(ActionRequest.custom(ActionKind.TEXT, "x"));
        EventRecorder events = only();
        events.await("processStarted");
        run.cancel(true);
        assertEquals(List.of("callStart", "processStarted", "callCancelled"), events.awaitEnd());
        TestScripts.assertAllGone(events.pid);
      }
    }
  }

  @Nested
  class Timeout {
    @Test
    void aRunPastItsTimeoutEndsWithCallTimedOut() throws Exception {
      try (CliErkClient erk = client("echo waiting; exec sleep 600")) {
        Duration timeout = Duration.ofMillis(300);
        ExecutionException e =
            assertThrows(
                ExecutionException.class,
                () ->
                    erk.runAsync(ActionRequest.custom(ActionKind.TEXT, "x").withTimeout(timeout))
                        .get());
        assertInstanceOf(dev.erk.client.ErkTimeoutException.class, e.getCause());
        EventRecorder events = only();
        assertEquals(
            List.of("callStart", "processStarted", "firstOutput STDOUT", "callTimedOut"),
            events.awaitEnd());
        assertEquals(timeout, events.timeout);
      }
    }

    @Test
    void aListingPastItsTimeoutEndsWithCallTimedOut() throws Exception {
      try (CliErkClient erk = client("exec sleep 600")) {
        Duration timeout = Duration.ofMillis(300);
        assertThrows(
            dev.erk.client.ErkTimeoutException.class,
            () -> erk.listPlans(PlanQuery.defaults().withTimeout(timeout)));
        EventRecorder events = only();
        assertEquals(List.of("callStart", "processStarted", "callTimedOut"), events.awaitEnd());
        assertEquals(timeout, events.timeout);
      }
    }
  }

  @Test
  void noListenerMeansNoEventsAndNoCost() throws Exception {
    try (CliErkClient erk = InlineErk.script(dir, "echo hi").build()) {
      assertTrue(erk.run(ActionRequest.custom(ActionKind.TEXT, "x")).success());
    }
  }

  static List<String> ignoringSource(List<String> events) {
    return events.stream().map(e -> e.startsWith("firstOutput") ? "firstOutput" : e).toList();
  }

  static ErkCall.Kind kindOf(EventRecorder events) {
    ErkCall call = events.call;
    assertNotNull(call);
    return call.kind();
  }
}
