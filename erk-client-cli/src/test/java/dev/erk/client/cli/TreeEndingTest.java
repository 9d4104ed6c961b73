package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.StreamHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, items 4, 7 and 11: a call's tree and its memory end where the call does. */
class TreeEndingTest {
  @TempDir Path dir;

  @Test
  void aGrandchildInANewSessionHoldingStdoutIsKilled() throws Exception {
    Path pidFile = dir.resolve("grandchild.pid");
    try (CliErkClient client =
        InlineErk.script(
                dir,
                "setsid sh -c 'echo $$ > "
                    + pidFile
                    + "; exec sleep 40' & "
                    + "while [ ! -s "
                    + pidFile
                    + " ]; do sleep 0.01; done; echo done; exit 0")
            .build()) {
      for (int i = 0; i < 3; i++) {
        ActionResult result = client.run(ActionRequest.custom(ActionKind.TEXT, "x"));
        assertEquals(0, result.exitCode());
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        TestScripts.assertAllGone(grandchild);
        Files.delete(pidFile);
      }
    }
  }

  @Test
  void noLineAfterTheCancelReachesTheListenerAndTheParentRunsNoFurtherStep() throws Exception {
    Path marker = dir.resolve("step2");
    for (int round = 0; round < 20; round++) {
      try (CliErkClient client =
          InlineErk.script(dir, "echo 'step 1'; sleep 3; echo 'step 2'; touch " + marker).build()) {
        assertEquals(List.of("step 1"), cancelAfterTheFirstLine(client), "round " + round);
        assertTrue(!Files.exists(marker), "round " + round + ": the shell ran its next step");
      }
    }
  }

  @Test
  void whatErkPrintsWhileDyingAfterACancelIsNotDelivered() throws Exception {
    try (CliErkClient client =
        InlineErk.script(
                dir, "trap 'echo cleaning up; exit 1' TERM; echo 'step 1'; sleep 30 & wait")
            .build()) {
      assertEquals(List.of("step 1"), cancelAfterTheFirstLine(client));
    }
  }

  /**
   * Streams, cancels as soon as the first line arrives, checks the stream ended as cancelled, and
   * returns every line the listener got, up to 200 ms after the completion.
   */
  private static List<String> cancelAfterTheFirstLine(CliErkClient client) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    CountDownLatch first = new CountDownLatch(1);
    StreamHandle handle =
        client.stream(
            ActionRequest.custom(ActionKind.STREAMING, "x"),
            line -> {
              lines.add(line.text());
              first.countDown();
            });
    assertTrue(first.await(10, TimeUnit.SECONDS));
    handle.cancel();
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> handle.completion().get(10, TimeUnit.SECONDS));
    assertInstanceOf(ErkCancelledException.class, e.getCause());
    Thread.sleep(200);
    return lines;
  }

  @Test
  void pendingLinesAreBoundedInBytesNotCharacters() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (CliErkClient client =
        InlineErk.script(dir, "head -c 2000000 /dev/zero | tr '\\0' '\\n'")
            .outputLimit(16L * 1024 * 1024)
            .build()) {
      StreamHandle handle =
          client.stream(
              ActionRequest.custom(ActionKind.STREAMING, "x"),
              line -> {
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      ExecutionException e =
          assertThrows(
              ExecutionException.class, () -> handle.completion().get(30, TimeUnit.SECONDS));
      ErkUnreadableOutputException overflow =
          assertInstanceOf(ErkUnreadableOutputException.class, e.getCause());
      assertTrue(overflow.getMessage().contains("16777216 bytes"), overflow.getMessage());
    } finally {
      release.countDown();
    }
  }

  @Test
  void theResultKeepsTheLast64KibOfOutputEvenOfOneHugeLine() throws Exception {
    try (CliErkClient client =
        InlineErk.script(dir, "head -c 300000 /dev/zero | tr '\\0' 'x'").build()) {
      ActionResult result =
          client.stream(ActionRequest.custom(ActionKind.STREAMING, "x"), line -> {})
              .completion()
              .get(30, TimeUnit.SECONDS);
      assertTrue(result.stdout().length() <= 64 * 1024, "kept " + result.stdout().length());
      assertTrue(result.stdout().endsWith("xxx\n"), "the end is kept");
    }
  }
}
