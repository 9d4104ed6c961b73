package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkClient;
import dev.erk.client.ErkStartException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.StreamHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLifecycleTest {
  @TempDir Path dir;

  private static ActionRequest request(String... args) {
    return ActionRequest.custom(ActionKind.STREAMING, args);
  }

  /** Starts a stream and waits for its first line, which names the grandchild's pid. */
  private static long[] startTree(StreamHandle handle, List<String> lines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lines.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    long grandchild = Long.parseLong(lines.get(0).replace("spawned ", ""));
    return new long[] {handle.pid().orElseThrow(), grandchild};
  }

  @Test
  void cancelKillsTheChildAndItsGrandchild() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ErkClient client = TestScripts.behave(dir).build()) {
      StreamHandle handle = client.stream(request("grandchild-hang"), l -> lines.add(l.text()));
      long[] tree = startTree(handle, lines);
      assertTrue(TestScripts.isRunning(tree[1]));
      handle.cancel();
      ExecutionException error =
          assertThrows(
              ExecutionException.class, () -> handle.completion().get(10, TimeUnit.SECONDS));
      assertInstanceOf(ErkCancelledException.class, error.getCause());
      TestScripts.assertAllGone(tree);
    }
  }

  @Test
  void timeoutKillsTheTreeAndSaysSo() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ErkClient client = TestScripts.behave(dir).streamTimeout(Duration.ofMillis(700)).build()) {
      StreamHandle handle = client.stream(request("grandchild-hang"), l -> lines.add(l.text()));
      long[] tree = startTree(handle, lines);
      ExecutionException error =
          assertThrows(
              ExecutionException.class, () -> handle.completion().get(10, TimeUnit.SECONDS));
      ErkTimeoutException timeout = assertInstanceOf(ErkTimeoutException.class, error.getCause());
      assertTrue(timeout.getMessage().contains("grandchild-hang"), timeout.getMessage());
      TestScripts.assertAllGone(tree);
    }
  }

  @Test
  void aGrandchildThatIgnoresSigtermIsKilledAfterTheGrace() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ErkClient client = TestScripts.behave(dir).build()) {
      StreamHandle handle =
          client.stream(request("grandchild-ignores-term"), l -> lines.add(l.text()));
      while (lines.size() < 2) {
        Thread.sleep(10);
      }
      List<ProcessHandle> tree =
          ProcessHandle.of(handle.pid().orElseThrow())
              .orElseThrow()
              .descendants()
              .collect(java.util.stream.Collectors.toList());
      handle.cancel();
      assertThrows(ExecutionException.class, () -> handle.completion().get(10, TimeUnit.SECONDS));
      long[] pids = tree.stream().mapToLong(ProcessHandle::pid).toArray();
      TestScripts.assertAllGone(pids);
      TestScripts.assertAllGone(handle.pid().orElseThrow());
    }
  }

  @Test
  void aChildWhoseGrandchildHoldsStdoutCompletesPromptly() throws Exception {
    try (ErkClient client = TestScripts.behave(dir).build()) {
      long start = System.nanoTime();
      ActionResult result =
          client.run(ActionRequest.custom(ActionKind.TEXT, "grandchild-holds-stdout"));
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(0, result.exitCode());
      assertEquals("parent done\n", result.stdout());
      assertTrue(
          elapsedMillis < 10_000, "took " + elapsedMillis + " ms: waited for the grandchild");
    }
  }

  @Test
  void cancellingTheJdkFutureKillsTheProcess() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ErkClient client = TestScripts.behave(dir).build()) {
      StreamHandle handle = client.stream(request("grandchild-hang"), l -> lines.add(l.text()));
      long[] tree = startTree(handle, lines);
      assertTrue(handle.completion().cancel(true));
      TestScripts.assertAllGone(tree);
      CompletableFuture<ActionResult> run =
          client.runAsync(ActionRequest.custom(ActionKind.TEXT, "hang"));
      Thread.sleep(200);
      run.cancel(true);
      assertThrows(java.util.concurrent.CancellationException.class, run::join);
    }
  }

  @Test
  void interruptingABlockingCallCancelsIt() throws Exception {
    try (ErkClient client = TestScripts.behave(dir).build()) {
      CountDownLatch done = new CountDownLatch(1);
      Throwable[] thrown = new Throwable[1];
      boolean[] flag = new boolean[1];
      Thread caller =
          new Thread(
              () -> {
                try {
                  client.run(ActionRequest.custom(ActionKind.TEXT, "hang"));
                } catch (Throwable t) {
                  thrown[0] = t;
                  flag[0] = Thread.currentThread().isInterrupted();
                }
                done.countDown();
              });
      caller.start();
      Thread.sleep(300);
      caller.interrupt();
      assertTrue(done.await(10, TimeUnit.SECONDS));
      ErkCancelledException cancelled = assertInstanceOf(ErkCancelledException.class, thrown[0]);
      assertTrue(flag[0]);
      assertEquals(
          java.util.List.of(((CliErkClient) client).executable().toString(), "hang"),
          cancelled.command(),
          "the argv, not the display string");
    }
  }

  @Test
  void signalDeathsReportOneHundredTwentyEightPlusTheSignal() {
    try (ErkClient client = TestScripts.behave(dir).build()) {
      assertEquals(
          137, client.run(ActionRequest.custom(ActionKind.TEXT, "signal", "9")).exitCode());
      ActionResult segv = client.run(ActionRequest.custom(ActionKind.TEXT, "signal", "11"));
      assertEquals(139, segv.exitCode());
      assertFalse(segv.success());
    }
  }

  @Test
  void exit127IsAnExitCodeNotAStartFailure() {
    try (ErkClient client = TestScripts.behave(dir).build()) {
      ActionResult result = client.run(ActionRequest.custom(ActionKind.TEXT, "exit", "127"));
      assertEquals(127, result.exitCode());
      assertEquals("exiting with 127", result.message());
    }
  }

  @Test
  void aMissingExecutableIsAStartFailureNamingThePath() {
    Path missing = dir.resolve("no-such-erk");
    try (ErkClient client = CliErkClient.builder().executable(missing).build()) {
      ErkStartException error = assertThrows(ErkStartException.class, client::listPlans);
      assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
      assertEquals(missing.toAbsolutePath(), error.executable());
      CompletionException async =
          assertThrows(CompletionException.class, () -> client.versionAsync().join());
      assertInstanceOf(ErkStartException.class, async.getCause());
    }
  }

  @Test
  void aFileThatIsNotExecutableIsAStartFailure() throws Exception {
    Path plain = Files.writeString(dir.resolve("erk"), "#!/bin/sh\necho hi\n");
    try (ErkClient client = CliErkClient.builder().executable(plain).build()) {
      ErkStartException error = assertThrows(ErkStartException.class, client::version);
      assertTrue(error.getMessage().contains("not executable"), error.getMessage());
    }
  }

  @Test
  void noErkOnThePathNamesTheDirectoriesSearched() {
    ErkStartException error =
        assertThrows(
            ErkStartException.class, () -> Executables.onPath("erk", dir + ":/nonexistent-bin"));
    assertTrue(error.getMessage().contains("/nonexistent-bin"), error.getMessage());
    assertTrue(error.getMessage().contains(dir.toString()), error.getMessage());
  }

  @Test
  void outputPastTheLimitFailsCleanlyAndKillsTheProcess() {
    try (ErkClient client = TestScripts.behave(dir).build()) {
      long start = System.nanoTime();
      ErkUnreadableOutputException error =
          assertThrows(
              ErkUnreadableOutputException.class,
              () -> client.run(ActionRequest.custom(ActionKind.TEXT, "big", "100000000")));
      assertTrue(error.getMessage().contains("output limit"), error.getMessage());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
    }
  }
}
