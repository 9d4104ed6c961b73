package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import dev.erk.client.PlanQuery;
import dev.erk.client.StreamHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, items 1 and 2: a listener can delay only its own lines, whatever it does. */
class ListenerIsolationTest {
  @TempDir Path dir;

  @Test
  void listenersThatNeverReturnStallNoOtherCallAndTheirStreamsStillComplete() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    LineListener blocked =
        line -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    // More blocked listeners than the old fixed callback pool had threads.
    int blockedStreams = Runtime.getRuntime().availableProcessors() + 2;
    List<StreamHandle> streams = new ArrayList<>();
    try (CliErkClient hosting =
            InlineErk.script(dir, "echo hello; exec sleep 600")
                .streamTimeout(Duration.ofSeconds(2))
                .build();
        CliErkClient other =
            InlineErk.script(
                    dir,
                    "case \"$1\" in exec) echo '{\"success\": true, \"plans\": [], \"count\": 0}';;"
                        + " *) exec sleep 600;; esac")
                .build()) {
      for (int i = 0; i < blockedStreams; i++) {
        streams.add(hosting.stream(ActionRequest.custom(ActionKind.STREAMING, "go"), blocked));
      }
      Thread.sleep(500); // the listeners are now inside onLine, for good
      CompletableFuture<?> plans =
          other.listPlansAsync(PlanQuery.defaults().withTimeout(Duration.ofSeconds(3)));
      CompletableFuture<ActionResult> run =
          other.runAsync(
              ActionRequest.custom(ActionKind.TEXT, "sleep").withTimeout(Duration.ofSeconds(1)));
      plans.get(15, TimeUnit.SECONDS);
      ExecutionException timedOut =
          assertThrows(ExecutionException.class, () -> run.get(15, TimeUnit.SECONDS));
      assertInstanceOf(ErkTimeoutException.class, timedOut.getCause());
      for (StreamHandle stream : streams) {
        ExecutionException e =
            assertThrows(
                ExecutionException.class, () -> stream.completion().get(15, TimeUnit.SECONDS));
        assertInstanceOf(ErkTimeoutException.class, e.getCause());
        assertTrue(!stream.isRunning());
      }
    } finally {
      never.countDown();
    }
  }

  @Test
  void whateverAListenerThrowsIsContainedAndEveryLineIsDelivered() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    LineListener hostile =
        line -> {
          seen.add(line.text());
          switch (seen.size() % 4) {
            case 0 -> throw new StackOverflowError("deep");
            case 1 -> throw new Error("plain error");
            case 2 -> sneakyThrow(new Exception("checked, from Kotlin"));
            default -> throw new IllegalStateException("runtime");
          }
        };
    try (CliErkClient client =
        InlineErk.script(dir, "i=1; while [ $i -le 20 ]; do echo \"line $i\"; i=$((i+1)); done")
            .build()) {
      StreamHandle handle = client.stream(ActionRequest.custom(ActionKind.STREAMING, "x"), hostile);
      ActionResult result = handle.completion().get(12, TimeUnit.SECONDS);
      assertTrue(result.success(), result.message());
      assertEquals(20, seen.size(), seen.toString());
      assertEquals("line 20", seen.get(19));
      assertTrue(!handle.isRunning());
    }
  }

  @Test
  void aStreamWhoseListenerIsStillBusyWhenErkExitsCompletesAtItsTimeout() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    try (CliErkClient client =
        InlineErk.script(dir, "echo one; echo two").streamTimeout(Duration.ofSeconds(2)).build()) {
      List<OutputLine> lines = new CopyOnWriteArrayList<>();
      StreamHandle handle =
          client.stream(
              ActionRequest.custom(ActionKind.STREAMING, "x"),
              line -> {
                lines.add(line);
                try {
                  never.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      ExecutionException e =
          assertThrows(
              ExecutionException.class, () -> handle.completion().get(15, TimeUnit.SECONDS));
      assertInstanceOf(ErkTimeoutException.class, e.getCause());
      never.countDown();
      Thread.sleep(200);
      assertEquals(1, lines.size(), "no line is delivered after the completion");
    } finally {
      never.countDown();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }
}
