package dev.erk.client.testkit;

import static dev.erk.client.testkit.ArgvPattern.command;
import static dev.erk.client.testkit.ArgvPattern.exactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  private FakeErk erk;

  @BeforeEach
  void createFake() {
    erk = FakeErk.builder().recordEnvironment("ERK_TEST_EMPTY", "ERK_TEST_UNSET").build();
  }

  @AfterEach
  void closeFake() {
    erk.close();
  }

  @Test
  void recordsArgvCwdEnvironmentTimeAndStub(@TempDir Path cwd) throws Exception {
    Stub stub = erk.stubFor(command("exec", "dash-data")).willReturn(Reply.stdout("{}"));
    ProcessBuilder builder = Exec.command(erk.executable(), "exec", "dash-data", "--state", "open");
    builder.directory(cwd.toFile());
    builder.environment().put("GH_TOKEN", "t0ken with spaces");
    builder.environment().put("ERK_TEST_EMPTY", "");
    builder.environment().remove("ERK_TEST_UNSET");
    builder.environment().remove("PYTHONUNBUFFERED");
    Instant before = Instant.now().minusSeconds(1);

    Exec.run(builder);

    Invocation call = erk.invocations().get(0);
    assertEquals(List.of("exec", "dash-data", "--state", "open"), call.argv());
    assertEquals(cwd.toRealPath(), call.cwd().toRealPath());
    assertEquals("t0ken with spaces", call.environment().get("GH_TOKEN"));
    assertEquals("", call.environment().get("ERK_TEST_EMPTY"));
    assertFalse(call.environment().containsKey("ERK_TEST_UNSET"));
    assertFalse(call.environment().containsKey("PYTHONUNBUFFERED"));
    assertTrue(
        call.time().isAfter(before) && call.time().isBefore(Instant.now().plusSeconds(1)),
        call::toString);
    assertEquals(Optional.of(stub.description()), call.stub());
    assertFalse(call.unmatched());
  }

  @Test
  void thirtyTwoConcurrentInvocationsAreEachRecordedOnce() throws Exception {
    erk.stubFor(command("exec", "dash-data")).willReturn(Reply.stdout("{}"));
    int calls = 32;

    StubTest.concurrently(
        calls, i -> Exec.run(erk.executable(), "exec", "dash-data", "--n", "call " + i).out());

    List<Invocation> recorded = erk.invocations();
    assertEquals(calls, recorded.size());
    Set<List<String>> expected = new HashSet<>();
    IntStream.range(0, calls)
        .forEach(i -> expected.add(List.of("exec", "dash-data", "--n", "call " + i)));
    assertEquals(expected, new HashSet<>(recorded.stream().map(Invocation::argv).toList()));
  }

  @Test
  void sequentialInvocationsKeepTheirOrder() {
    erk.stubFor(command("n")).willReturn(Reply.exitCode(0));
    List<List<String>> expected = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      expected.add(List.of("n", String.valueOf(i)));
      Exec.run(erk.executable(), "n", String.valueOf(i));
    }

    assertEquals(expected, erk.invocations().stream().map(Invocation::argv).toList());
  }

  @Test
  void hostileArgvArrivesVerbatimAndNothingRuns(@TempDir Path temp) {
    Path marker = temp.resolve("pwned");
    List<String> argv =
        List.of(
            "$(touch " + marker + ")",
            "`touch " + marker + "`",
            "; touch " + marker,
            "it's",
            "say \"hi\"",
            "line one\nline two",
            "",
            "  padded  ",
            "*",
            "--comment=$HOME \\ ${x}",
            "ünïcödé ✓ 🎉");
    erk.stubFor(exactly(argv)).willReturn(Reply.stdout("matched"));

    Exec.Result result = Exec.run(erk.executable(), argv.toArray(String[]::new));
    Exec.run(erk.executable(), argv.subList(0, 3).toArray(String[]::new)); // unmatched path

    assertEquals("matched", result.out(), result::toString);
    assertEquals(argv, erk.invocations().get(0).argv());
    assertEquals(argv.subList(0, 3), erk.invocations().get(1).argv());
    assertFalse(Files.exists(marker), "an argument was executed");
  }

  @Test
  void takeInvocationHandsOutEachCallOnceThenTimesOut() throws Exception {
    erk.stubFor(command("n")).willReturn(Reply.exitCode(0));
    Exec.run(erk.executable(), "n", "1");
    Exec.run(erk.executable(), "n", "2");

    assertEquals(List.of("n", "1"), erk.takeInvocation(Duration.ofSeconds(5)).orElseThrow().argv());
    assertEquals(List.of("n", "2"), erk.takeInvocation(Duration.ofSeconds(5)).orElseThrow().argv());
    assertEquals(Optional.empty(), erk.takeInvocation(Duration.ofMillis(50)));
    assertEquals(2, erk.invocations().size(), "taking does not remove from invocations()");
  }

  @Test
  void takeInvocationSeesACallThatIsStillRunning() throws Exception {
    erk.stubFor(exactly("wait")).willReturn(Reply.hang());
    Process process = Exec.command(erk.executable(), "wait").start();
    try {
      Invocation call = erk.takeInvocation(Duration.ofSeconds(10)).orElseThrow();

      assertEquals(List.of("wait"), call.argv());
      assertTrue(process.isAlive());
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  @Test
  void anUnmatchedCallExits97NamesTheNearestStubsAndIsRecorded() {
    erk.stubFor(command("exec", "dash-data").withOption("--state", "closed"))
        .willReturn(Reply.stdout("{}"));
    erk.stubFor(exactly("--version")).willReturn(Reply.stdout("erk, version 0.9.11\n"));

    Exec.Result result = Exec.run(erk.executable(), "exec", "dash-data", "--state", "merged");

    assertEquals(97, result.exitCode);
    assertEquals("", result.out());
    assertEquals(
        "fake erk: no stub matches argv: 'exec' 'dash-data' '--state' 'merged'\n"
            + "fake erk: nearest stubs:\n"
            + "fake erk:   #1 exec dash-data --state=closed …\n"
            + "fake erk: exit code 97 means no stub matched; the invocation is in"
            + " FakeErk.invocations() as unmatched\n",
        result.err());
    Invocation call = erk.invocations().get(0);
    assertTrue(call.unmatched());
    assertEquals(List.of("exec", "dash-data", "--state", "merged"), call.argv());
  }

  @Test
  void theUnmatchedExitCodeCanBeChanged() {
    try (FakeErk other = FakeErk.builder().unmatchedExitCode(3).build()) {
      Exec.Result result = Exec.run(other.executable(), "anything");

      assertEquals(3, result.exitCode);
      assertTrue(result.err().contains("fake erk: no stubs are defined"), result::err);
    }
  }

  @Test
  void aCallWithNoArgumentsIsRecordedWithEmptyArgv() {
    Exec.run(erk.executable());

    assertEquals(List.of(), erk.invocations().get(0).argv());
    assertTrue(erk.invocations().get(0).unmatched());
  }
}
