package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCall;
import dev.erk.client.ErkException;
import dev.erk.client.EventListener;
import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.internal.RecordingHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listener that throws or blocks never stalls or breaks a call, and never runs on its thread. */
class EventListenerContainmentTest {
  @TempDir Path dir;

  @Test
  void whateverAListenerThrowsIsLoggedAndEveryEventIsStillDelivered() throws Exception {
    EventRecorder seen = new EventRecorder();
    EventListener hostile = new Throwing(seen);
    Logger log = Logger.getLogger("erk.events.throwing");
    RecordingHandler handler = new RecordingHandler();
    log.addHandler(handler);
    log.setLevel(Level.ALL);
    try (CliErkClient erk =
        InlineErk.script(dir, "echo hi")
            .eventListener(hostile)
            .loggerName("erk.events.throwing")
            .build()) {
      ActionResult result = erk.run(ActionRequest.custom(ActionKind.TEXT, "x"));
      assertTrue(result.success());
      assertEquals(
          List.of("callStart", "processStarted", "firstOutput STDOUT", "processExited", "decoded"),
          seen.awaitEnd());
      assertTrue(erk.run(ActionRequest.custom(ActionKind.TEXT, "y")).success());
      // The client's first throw at WARNING, with its trace; the rest at DEBUG (FINER in JUL).
      waitFor(
          () ->
              handler.records().stream()
                      .filter(r -> r.getMessage().contains("event listener"))
                      .count()
                  >= 10);
      assertEquals(
          1,
          handler.records().stream()
              .filter(r -> Objects.equals(r.getLevel(), Level.WARNING))
              .count());
    } finally {
      log.removeHandler(handler);
    }
  }

  @Test
  void aFactoryThatThrowsLeavesTheCallWithoutEvents() throws Exception {
    try (CliErkClient erk =
        InlineErk.script(dir, "echo hi")
            .eventListenerFactory(
                call -> {
                  throw new IllegalStateException("no listener today");
                })
            .build()) {
      assertTrue(erk.run(ActionRequest.custom(ActionKind.TEXT, "x")).success());
      assertTrue(erk.run(ActionRequest.custom(ActionKind.TEXT, "y")).success());
    }
  }

  @Test
  void aListenerThatBlocksStallsNeitherItsCallNorAnyOther() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocking = new CountDownLatch(1);
    EventRecorder later = new EventRecorder();
    EventListener blocked =
        new EventListener() {
          @Override
          public void callStart(ErkCall call) {
            later.callStart(call);
            blocking.countDown();
            awaitQuietly(release);
          }

          @Override
          public void processExited(ErkCall call, ProcessExit exit, Duration elapsed) {
            later.processExited(call, exit, elapsed);
          }

          @Override
          public void decoded(ErkCall call, Duration elapsed) {
            later.decoded(call, elapsed);
          }
        };
    try (CliErkClient erk = InlineErk.script(dir, "echo hi").eventListener(blocked).build()) {
      // Every call's listener blocks in callStart, yet every call completes.
      assertTrue(erk.run(ActionRequest.custom(ActionKind.TEXT, "x")).success());
      assertTrue(blocking.await(20, TimeUnit.SECONDS));
      assertTrue(erk.run(ActionRequest.custom(ActionKind.TEXT, "y")).success());
      StreamHandle stream =
          erk.stream(ActionRequest.custom(ActionKind.STREAMING, "z"), LineListener.NONE);
      assertTrue(stream.await(Duration.ofSeconds(20)).orElseThrow().success());
      assertTrue(later.events.stream().noneMatch("decoded"::equals), later.events.toString());
    } finally {
      release.countDown();
    }
    // Released, each call's events go on in order.
    waitFor(() -> later.events.stream().filter("decoded"::equals).count() == 3);
    assertEquals(3, later.events.stream().filter("callStart"::equals).count());
  }

  @Test
  void aListenerThatBlocksDoesNotHoldACancel() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    EventListener blocked =
        new EventListener() {
          @Override
          public void firstOutput(ErkCall call, OutputLine.Source source, Duration elapsed) {
            awaitQuietly(release);
          }
        };
    try (CliErkClient erk =
        InlineErk.script(dir, "echo started; exec sleep 600")
            .eventListener(blocked)
            .streamTimeout(Duration.ofSeconds(60))
            .build()) {
      CountDownLatch line = new CountDownLatch(1);
      StreamHandle stream =
          erk.stream(ActionRequest.custom(ActionKind.STREAMING, "go"), l -> line.countDown());
      assertTrue(line.await(20, TimeUnit.SECONDS));
      stream.cancel();
      waitFor(() -> !stream.isRunning());
      TestScripts.assertAllGone(stream.pid().orElseThrow());
    } finally {
      release.countDown();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not reached");
      Thread.sleep(5);
    }
  }

  /** Records, then throws something different at every event. */
  private static final class Throwing implements EventListener {
    private final EventRecorder seen;

    Throwing(EventRecorder seen) {
      this.seen = seen;
    }

    @Override
    public void callStart(ErkCall call) {
      seen.callStart(call);
      throw new IllegalStateException("start");
    }

    @Override
    public void processStarted(ErkCall call, long pid, Duration elapsed) {
      seen.processStarted(call, pid, elapsed);
      throw new StackOverflowError("deep");
    }

    @Override
    public void firstOutput(ErkCall call, OutputLine.Source source, Duration elapsed) {
      seen.firstOutput(call, source, elapsed);
      throw new Error("plain error");
    }

    @Override
    public void processExited(ErkCall call, ProcessExit exit, Duration elapsed) {
      seen.processExited(call, exit, elapsed);
      Throwing.<RuntimeException>sneaky(new Exception("checked"));
    }

    @Override
    public void decoded(ErkCall call, Duration elapsed) {
      seen.decoded(call, elapsed);
      throw new ErkException("listener", List.of(), null);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneaky(Throwable e) throws E {
      throw (E) e;
    }
  }
}
