package dev.erk.client.testkit;

import static dev.erk.client.testkit.ArgvPattern.command;
import static dev.erk.client.testkit.ArgvPattern.exactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StubTest {

  private FakeErk erk;

  @BeforeEach
  void createFake() {
    erk = FakeErk.create();
  }

  @AfterEach
  void closeFake() {
    erk.close();
  }

  private String run(String... argv) {
    Exec.Result result = Exec.run(erk.executable(), argv);
    return result.exitCode == 0 ? result.out() : "exit " + result.exitCode;
  }

  @Test
  void theMostRecentlyAddedMatchingStubAnswers() {
    erk.stubFor(command("exec")).willReturn(Reply.stdout("any exec"));
    erk.stubFor(command("exec", "dash-data")).willReturn(Reply.stdout("dash-data"));

    assertEquals("dash-data", run("exec", "dash-data", "--state", "open"));
    assertEquals("any exec", run("exec", "close-pr", "42"));
  }

  @Test
  void aStubWithoutReplyDoesNotMatch() {
    erk.stubFor(exactly("--version"));

    assertEquals("exit " + FakeErk.UNMATCHED_EXIT_CODE, run("--version"));
  }

  @Test
  void willReturnReplacesEarlierReplies() {
    Stub stub = erk.stubFor(exactly("--version")).willReturn(Reply.stdout("old"));
    stub.willReturn(Reply.stdout("new"));

    assertEquals("new", run("--version"));
  }

  @Nested
  class Sequences {

    @Test
    void repliesComeInOrderAndTheLastOneSticks() {
      erk.stubFor(exactly("--version"))
          .willReturn(Reply.stdout("1"))
          .thenReturn(Reply.exitCode(3))
          .thenReturn(Reply.stdout("3"));

      assertEquals("1", run("--version"));
      assertEquals("exit 3", run("--version"));
      assertEquals("3", run("--version"));
      assertEquals("3", run("--version"));
    }

    @Test
    void concurrentCallsEachClaimADifferentPosition() throws Exception {
      int calls = 32;
      Stub stub = erk.stubFor(exactly("next")).willReturn(Reply.stdout("0"));
      for (int i = 1; i <= calls; i++) {
        stub.thenReturn(Reply.stdout(String.valueOf(i)));
      }

      List<String> answers = concurrently(calls, i -> run("next"));

      assertEquals(
          IntStream.range(0, calls).mapToObj(String::valueOf).sorted().toList(),
          answers.stream().sorted().toList());
      assertEquals(String.valueOf(calls), run("next"));
    }

    @Test
    void thenReturnNeedsWillReturnFirst() {
      Stub stub = erk.stubFor(exactly("x"));

      assertThrows(IllegalStateException.class, () -> stub.thenReturn(Reply.stdout("y")));
    }
  }

  @Nested
  class Scenarios {

    private static final String OPEN = "{\"plans\": [41, 42]}\n";
    private static final String AFTER_CLOSE = "{\"plans\": [41]}\n";

    @BeforeEach
    void stubClosingAPlan() {
      erk.stubFor(command("exec", "dash-data")).willReturn(Reply.stdout(OPEN));
      erk.stubFor(command("exec", "dash-data"))
          .inState("closed")
          .willReturn(Reply.stdout(AFTER_CLOSE));
      erk.stubFor(command("exec", "close-pr", "42").withAnyValue("--comment"))
          .willReturn(Reply.stdout("{\"success\": true}\n"))
          .willSetState("closed");
    }

    @Test
    void closingAPlanRemovesItFromTheDashboard() {
      assertEquals(OPEN, run("exec", "dash-data"));
      assertEquals(FakeErk.INITIAL_STATE, erk.state());

      assertEquals("{\"success\": true}\n", run("exec", "close-pr", "42", "--comment", "x"));

      assertEquals("closed", erk.state());
      assertEquals(AFTER_CLOSE, run("exec", "dash-data"));
    }

    @Test
    void aFailedReplyLeavesTheStateAlone() {
      erk.stubFor(command("exec", "close-pr", "42").withAnyValue("--comment"))
          .willReturn(Reply.stdout("{\"success\": false}\n").withExitCode(1))
          .willSetState("closed");

      assertEquals("exit 1", run("exec", "close-pr", "42", "--comment", "x"));

      assertEquals(FakeErk.INITIAL_STATE, erk.state());
      assertEquals(OPEN, run("exec", "dash-data"));
    }

    @Test
    void theStateCanBeSetFromJava() {
      erk.setState("closed");

      assertEquals(AFTER_CLOSE, run("exec", "dash-data"));
    }
  }

  @Test
  void addingStubsDoesNotDisturbARunningInvocation() throws Exception {
    erk.stubFor(exactly("slow"))
        .willReturn(
            Reply.timeline()
                .stdout("first")
                .pause(Duration.ofMillis(300))
                .stdout("second")
                .exitCode(0));
    Process slow = Exec.command(erk.executable(), "slow").start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(slow.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("first", out.readLine());

      for (int i = 0; i < 20; i++) {
        erk.stubFor(exactly("more", String.valueOf(i))).willReturn(Reply.stdout("more " + i));
      }

      assertEquals("second", out.readLine());
    }
    assertEquals(0, slow.waitFor());
    assertEquals("more 19", run("more", "19"));
  }

  @Test
  void resetRemovesStubsJournalAndState() {
    erk.stubFor(exactly("a")).willReturn(Reply.stdout("a")).willSetState("done");
    run("a");

    erk.reset();

    assertEquals(List.of(), erk.invocations());
    assertEquals(FakeErk.INITIAL_STATE, erk.state());
    assertEquals("exit " + FakeErk.UNMATCHED_EXIT_CODE, run("a"));
  }

  interface Call {
    String run(int index) throws Exception;
  }

  /** Runs {@code count} calls at once, released together by a latch. */
  static List<String> concurrently(int count, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.run(index);
                }));
      }
      start.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
