package dev.erk.client.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkStartException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.LineListener;
import dev.erk.client.OutputLine;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.CliErkClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the child process and of the caller's listener, each with real processes: every case
 * must end with the right outcome and no process of its tree alive.
 */
class FaultMatrixTest {
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final AtomicInteger HANDLED = new AtomicInteger();
  private static final AtomicInteger LEAKED = new AtomicInteger();

  @TempDir Path dir;
  private final List<Long> extraPids = new CopyOnWriteArrayList<>();
  private boolean passed;

  @BeforeEach
  void count() {
    TRIED.incrementAndGet();
  }

  /** Every case ends here: no process of its tree may be left, whatever the outcome. */
  @AfterEach
  void noProcessLeft() {
    List<Long> pids = new ArrayList<>(extraPids);
    if (Files.exists(dir.resolve("pids"))) {
      pids.addAll(Reliability.pids(dir));
    }
    List<Long> alive = Reliability.survivors(pids);
    if (!alive.isEmpty()) {
      LEAKED.addAndGet(alive.size());
      alive.forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
      throw new AssertionError("leaked processes: " + alive);
    }
    if (passed) {
      HANDLED.incrementAndGet();
    }
  }

  private CliErkClient client(String run) {
    Reliability.write(dir.resolve("run"), run + "\n");
    return Reliability.fake(dir).build();
  }

  private static ActionRequest streaming() {
    return ActionRequest.custom(ActionKind.STREAMING, "launch", "pr-address");
  }

  private static ActionRequest text() {
    return ActionRequest.custom(ActionKind.TEXT, "objective", "check", "7");
  }

  private long waitForPidFile(String name) throws Exception {
    Path file = dir.resolve(name);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        String text = Files.readString(file).strip();
        if (!text.isEmpty()) {
          long pid = Long.parseLong(text);
          extraPids.add(pid);
          return pid;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no " + name);
  }

  @Test
  void aMissingExecutableFailsToStartNamingThePath() {
    Path missing = dir.resolve("no-such-erk");
    try (CliErkClient client =
        CliErkClient.builder().executable(missing).workingDirectory(dir).build()) {
      ErkStartException e =
          assertThrows(ErkStartException.class, () -> client.listPlans(PlanQuery.defaults()));
      assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
    passed = true;
  }

  @Test
  void aFileWithoutTheExecBitFailsToStart() throws Exception {
    Path plain = dir.resolve("erk");
    Files.writeString(plain, "#!/bin/sh\necho hi\n");
    try (CliErkClient client =
        CliErkClient.builder().executable(plain).workingDirectory(dir).build()) {
      ErkStartException e = assertThrows(ErkStartException.class, () -> client.run(text()));
      assertTrue(e.getMessage().contains("not executable"), e.getMessage());
    }
    passed = true;
  }

  @Test
  void aMissingInterpreterIsExit127OrAStartFailure() throws Exception {
    Path script = dir.resolve("erk");
    Files.writeString(script, "#!/no/such/interpreter\necho hi\n");
    script.toFile().setExecutable(true);
    try (CliErkClient client =
        CliErkClient.builder().executable(script).workingDirectory(dir).build()) {
      try {
        ActionResult result = client.run(text());
        assertEquals(127, result.exitCode(), result.toString());
        assertFalse(result.success());
      } catch (ErkStartException expected) {
        assertTrue(expected.getMessage().contains(script.toString()), expected.getMessage());
      }
    }
    passed = true;
  }

  @Test
  void exit127IsAFailedCommandWithItsCode() {
    try (CliErkClient client = client("echo 'erk: command not found' >&2; exit 127")) {
      ActionResult result = client.run(text());
      assertEquals(127, result.exitCode());
      assertFalse(result.success());
      ErkCommandFailedException e =
          assertThrows(
              ErkCommandFailedException.class, () -> client.listPlans(PlanQuery.defaults()));
      assertEquals(127, e.result().exitCode());
      assertTrue(e.getMessage().contains("dash-data"), e.getMessage());
    }
    passed = true;
  }

  @Test
  void aCrashMidStreamDeliversTheLinesSoFarAndTheSignal() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (CliErkClient client = client("echo one; echo two >&2; echo three; kill -SEGV $$");
        StreamHandle handle = client.stream(streaming(), l -> lines.add(l.text()))) {
      ActionResult result = handle.completion().get(10, TimeUnit.SECONDS);
      assertEquals(139, result.exitCode());
      assertFalse(result.success());
    }
    assertEquals(
        List.of("one", "two", "three"),
        lines.stream()
            .sorted(
                (a, b) ->
                    List.of("one", "two", "three").indexOf(a)
                        - List.of("one", "two", "three").indexOf(b))
            .toList());
    passed = true;
  }

  @Test
  void sigkillIsExit137() {
    try (CliErkClient client = client("echo working; kill -KILL $$")) {
      ActionResult result = client.run(text());
      assertEquals(137, result.exitCode());
      assertFalse(result.success());
    }
    passed = true;
  }

  @Test
  void sigsegvIsExit139() {
    try (CliErkClient client = client("kill -SEGV $$")) {
      ActionResult result = client.run(text());
      assertEquals(139, result.exitCode());
      assertEquals("killed by signal 11", result.message());
    }
    passed = true;
  }

  @Test
  void aHangTimesOutAndIsKilled() {
    try (CliErkClient client = client("exec sleep 600")) {
      long start = System.nanoTime();
      ErkTimeoutException e =
          assertThrows(
              ErkTimeoutException.class,
              () -> client.run(text().withTimeout(Duration.ofMillis(500))));
      assertTrue(e.getMessage().contains("objective check"), e.getMessage());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }
    passed = true;
  }

  @Test
  void aHangingListPlansTimesOutNamingDashData() throws Exception {
    Reliability.write(dir.resolve("run"), "exec sleep 600\n");
    try (CliErkClient client = Reliability.fake(dir).dataTimeout(Duration.ofMillis(400)).build()) {
      ErkTimeoutException e =
          assertThrows(ErkTimeoutException.class, () -> client.listPlans(PlanQuery.defaults()));
      assertTrue(e.getMessage().contains("dash-data"), e.getMessage());
    }
    passed = true;
  }

  @Test
  void aGrandchildHoldingStdoutDoesNotHoldUpTheResult() throws Exception {
    try (CliErkClient client =
        client("sleep 30 & echo $! > \"$FAKE_DIR/grandchild\"; " + "echo 'parent done'")) {
      long start = System.nanoTime();
      ActionResult result = client.run(text());
      long took = System.nanoTime() - start;
      assertEquals(0, result.exitCode());
      assertTrue(result.stdout().contains("parent done"));
      assertTrue(took < TimeUnit.SECONDS.toNanos(3), "took " + took / 1_000_000 + " ms");
    }
    long grandchild = waitForPidFile("grandchild");
    assertTrue(Reliability.survivors(List.of(grandchild)).isEmpty());
    passed = true;
  }

  @Test
  void aGrandchildIgnoringSigtermIsKilledAfterTheGrace() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (CliErkClient client =
            client(
                "sh -c 'trap \"\" TERM; echo $$ > \"$FAKE_DIR/grandchild\";"
                    + " while :; do sleep 1; done' & trap '' TERM; echo ready; wait");
        StreamHandle handle = client.stream(streaming(), l -> lines.add(l.text()))) {
      long grandchild = waitForPidFile("grandchild");
      assertTrue(Reliability.isRunning(grandchild));
      long start = System.nanoTime();
      handle.cancel();
      ExecutionException e =
          assertThrows(
              ExecutionException.class, () -> handle.completion().get(10, TimeUnit.SECONDS));
      assertInstanceOf(ErkCancelledException.class, e.getCause());
      assertTrue(Reliability.survivors(List.of(grandchild, handle.pid().orElseThrow())).isEmpty());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4));
    }
    passed = true;
  }

  @Test
  void aListenerThatThrowsStillGetsEveryLine() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    LineListener throwing =
        line -> {
          // Three throws, not a hundred: each is logged with its stack trace.
          if (calls.incrementAndGet() % 40 == 1) {
            throw new IllegalStateException("listener bug");
          }
        };
    try (CliErkClient client = client("i=0; while [ $i -lt 100 ]; do echo $i; i=$((i+1)); done");
        StreamHandle handle = client.stream(streaming(), throwing)) {
      assertEquals(0, handle.completion().get(10, TimeUnit.SECONDS).exitCode());
    }
    assertEquals(100, calls.get());
    passed = true;
  }

  @Test
  void aBlockedListenerDoesNotStallOtherStreams() throws Exception {
    AtomicLong unblockedAt = new AtomicLong(Long.MAX_VALUE);
    List<Long> otherArrivals = new CopyOnWriteArrayList<>();
    try (CliErkClient client = client("i=0; while [ $i -lt 50 ]; do echo $i; i=$((i+1)); done");
        StreamHandle blocked =
            client.stream(
                streaming(),
                line -> {
                  if (line.sequence() == 0) {
                    Reliability.sleep(3000);
                    unblockedAt.set(System.nanoTime());
                  }
                })) {
      Thread.sleep(200);
      try (StreamHandle other =
          client.stream(streaming(), line -> otherArrivals.add(System.nanoTime()))) {
        assertEquals(0, other.completion().get(10, TimeUnit.SECONDS).exitCode());
      }
      assertEquals(50, otherArrivals.size());
      assertTrue(
          otherArrivals.get(49) < unblockedAt.get(),
          "the other stream's lines waited for the blocked listener");
      assertEquals(0, blocked.completion().get(10, TimeUnit.SECONDS).exitCode());
    }
    passed = true;
  }

  @Test
  void cancelRacingWithExitNeverHangsNorLeaks() throws Exception {
    int normal = 0;
    int cancelled = 0;
    try (CliErkClient client = client("echo bye")) {
      for (int i = 0; i < 50; i++) {
        AtomicReference<StreamHandle> ref = new AtomicReference<>();
        boolean fromListener = i % 2 == 0;
        StreamHandle handle =
            client.stream(
                streaming(),
                line -> {
                  StreamHandle h = ref.get();
                  if (fromListener && h != null) {
                    h.cancel();
                  }
                });
        ref.set(handle);
        if (!fromListener) {
          Thread.sleep(i % 5);
          handle.cancel();
        }
        try {
          ActionResult result = handle.completion().get(5, TimeUnit.SECONDS);
          assertEquals(0, result.exitCode());
          normal++;
        } catch (ExecutionException e) {
          assertInstanceOf(ErkCancelledException.class, e.getCause());
          cancelled++;
        }
        assertFalse(handle.isRunning());
      }
    }
    assertEquals(50, normal + cancelled);
    System.out.printf("reliability: cancel race: %d normal, %d cancelled%n", normal, cancelled);
    passed = true;
  }

  @Test
  void cancelRightAfterStartAlwaysKillsAndCancels() throws Exception {
    try (CliErkClient client = client("exec sleep 600")) {
      for (int i = 0; i < 100; i++) {
        StreamHandle handle = client.stream(streaming(), LineListener.NONE);
        if (i % 2 == 1) {
          Thread.onSpinWait();
        }
        handle.cancel();
        ExecutionException e =
            assertThrows(
                ExecutionException.class,
                () -> handle.completion().get(5, TimeUnit.SECONDS),
                "call " + i);
        assertInstanceOf(ErkCancelledException.class, e.getCause());
      }
    }
    passed = true;
  }

  @Test
  void sixtyFourStreamsAtOnceDeliverEveryLineInOrder() throws Exception {
    int streams = 64;
    int lines = 300;
    List<List<String>> received = new ArrayList<>();
    List<StreamHandle> handles = new ArrayList<>();
    try (CliErkClient client =
        client("i=0; while [ $i -lt " + lines + " ]; do echo \"line $i\";" + " i=$((i+1)); done")) {
      for (int s = 0; s < streams; s++) {
        List<String> mine = new CopyOnWriteArrayList<>();
        received.add(mine);
        handles.add(client.stream(streaming(), l -> mine.add(l.text())));
      }
      for (StreamHandle handle : handles) {
        assertEquals(0, handle.completion().get(60, TimeUnit.SECONDS).exitCode());
      }
    }
    for (List<String> mine : received) {
      assertEquals(lines, mine.size());
      for (int i = 0; i < lines; i++) {
        assertEquals("line " + i, mine.get(i));
      }
    }
    passed = true;
  }

  @Test
  void cancellingAListPlansFutureKillsItsProcess() throws Exception {
    try (CliErkClient client = client("echo $$ > \"$FAKE_DIR/child\"; exec sleep 600")) {
      CompletableFuture<PlanList> future = client.listPlansAsync(PlanQuery.defaults());
      long child = waitForPidFile("child");
      assertTrue(future.cancel(true));
      assertTrue(Reliability.survivors(List.of(child)).isEmpty());
    }
    passed = true;
  }

  @Test
  void interruptingABlockedCallCancelsIt() throws Exception {
    try (CliErkClient client = client("exec sleep 600")) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  client.listPlans(PlanQuery.defaults());
                } catch (Throwable t) {
                  thrown.set(t);
                }
              });
      caller.start();
      while (!Files.exists(dir.resolve("pids"))) {
        Thread.sleep(10);
      }
      caller.interrupt();
      caller.join(5000);
      assertInstanceOf(ErkCancelledException.class, thrown.get());
    }
    passed = true;
  }

  @Test
  void closingTheClientKillsEveryRunningCall() throws Exception {
    List<StreamHandle> handles = new ArrayList<>();
    CompletableFuture<ActionResult> run;
    try (CliErkClient client = client("exec sleep 600")) {
      for (int i = 0; i < 3; i++) {
        handles.add(client.stream(streaming(), LineListener.NONE));
      }
      run = client.runAsync(text());
      while (Reliability.pids(dir).size() < 4) {
        Thread.sleep(10);
      }
    }
    for (StreamHandle handle : handles) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class, () -> handle.completion().get(5, TimeUnit.SECONDS));
      assertInstanceOf(ErkCancelledException.class, e.getCause());
    }
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> run.get(5, TimeUnit.SECONDS));
    assertInstanceOf(ErkCancelledException.class, e.getCause());
    passed = true;
  }

  @Test
  void stdoutClosedEarlyStillEndsWithTheExitCode() {
    try (CliErkClient client = client("echo early; exec >&-; sleep 0.3; echo late >&2; exit 3")) {
      ActionResult result = client.run(text());
      assertEquals(3, result.exitCode());
      assertEquals("early\n", result.stdout());
      assertTrue(result.stderr().contains("late"));
    }
    passed = true;
  }

  @AfterAll
  static void summary() {
    System.out.printf(
        "reliability: faults %d tried, %d handled, %d leaked processes%n",
        TRIED.get(), HANDLED.get(), LEAKED.get());
  }

  @SuppressWarnings("unused")
  private static String describe(OutputLine line) {
    return line.source() + ":" + line.text();
  }
}
