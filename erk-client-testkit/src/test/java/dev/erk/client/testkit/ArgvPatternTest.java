package dev.erk.client.testkit;

import static dev.erk.client.testkit.ArgvPattern.command;
import static dev.erk.client.testkit.ArgvPattern.exactly;
import static dev.erk.client.testkit.ArgvPattern.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArgvPatternTest {

  private static final ArgvPattern STATE_CLOSED =
      command("exec", "dash-data").withOption("--state", "closed");

  private static FakeErk erk;

  @BeforeAll
  static void createFake() {
    erk = FakeErk.create();
  }

  @AfterAll
  static void closeFake() {
    erk.close();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        row(exactly("--version"), true, "--version"),
        row(exactly("--version"), false, "--version", "x"),
        row(exactly("--version"), false),
        row(exactly(), true),
        row(prefix("launch", "pr-address"), true, "launch", "pr-address", "42", "--no-wait"),
        row(prefix("launch", "pr-address"), true, "launch", "pr-address"),
        row(prefix("launch", "pr-address"), false, "launch"),
        row(prefix("launch", "pr-address"), false, "launch", "pr-dispatch"),
        row(STATE_CLOSED, true, "exec", "dash-data", "--state", "closed"),
        row(STATE_CLOSED, true, "exec", "dash-data", "--state=closed"),
        row(
            STATE_CLOSED,
            true,
            "exec",
            "dash-data",
            "--limit",
            "5",
            "--state",
            "closed",
            "--show-runs"),
        row(STATE_CLOSED, false, "exec", "dash-data", "--state", "open"),
        row(STATE_CLOSED, false, "exec", "dash-data", "--state=open"),
        row(STATE_CLOSED, false, "exec", "dash-data", "--state"),
        row(STATE_CLOSED, false, "exec", "dash-data", "--state-x=closed"),
        row(STATE_CLOSED, false, "exec", "other", "--state", "closed"),
        row(
            command("exec", "dash-data").withAnyValue("--limit"),
            true,
            "exec",
            "dash-data",
            "--limit",
            "7"),
        row(
            command("exec", "dash-data").withAnyValue("--limit"),
            true,
            "exec",
            "dash-data",
            "--limit="),
        row(
            command("exec", "dash-data").withAnyValue("--limit"),
            false,
            "exec",
            "dash-data",
            "--limit"),
        row(
            command("exec", "dash-data").withAnyValue("--limit"),
            false,
            "exec",
            "dash-data",
            "--limitless=7"),
        row(
            command("exec", "dash-data").withFlag("--show-runs"),
            true,
            "exec",
            "dash-data",
            "--x",
            "--show-runs"),
        row(
            command("exec", "dash-data").withFlag("--show-runs"),
            false,
            "exec",
            "dash-data",
            "--show-runs=1"),
        row(command("exec", "dash-data").withFlag("--show-runs"), false, "exec", "dash-data"),
        row(
            command("exec", "dash-data")
                .withOption("--state", "closed")
                .withFlag("--show-runs")
                .withAnyValue("--limit"),
            true,
            "exec",
            "dash-data",
            "--show-runs",
            "--limit=3",
            "--state",
            "closed"),
        row(
            command("exec", "dash-data").withOption("--label", "a").withOption("--label", "b"),
            true,
            "exec",
            "dash-data",
            "--label",
            "b",
            "--label=a"),
        row(
            command("exec", "dash-data").withOption("--label", "a").withOption("--label", "b"),
            false,
            "exec",
            "dash-data",
            "--label",
            "b"),
        row(command("exec", "dash-data").withNoOtherArguments(), true, "exec", "dash-data"),
        row(command("exec", "dash-data").withNoOtherArguments(), false, "exec", "dash-data", "--x"),
        row(
            STATE_CLOSED.withFlag("--show-runs").withNoOtherArguments(),
            true,
            "exec",
            "dash-data",
            "--state",
            "closed",
            "--show-runs"),
        row(
            STATE_CLOSED.withFlag("--show-runs").withNoOtherArguments(),
            false,
            "exec",
            "dash-data",
            "--state",
            "closed",
            "--show-runs",
            "--limit",
            "5"),
        row(
            command("exec", "close-pr", "42").withAnyValue("--comment").withNoOtherArguments(),
            true,
            "exec",
            "close-pr",
            "42",
            "--comment",
            "it's done; $(rm -rf x)"),
        row(
            exactly("$(touch x)", "a'b", "", "-n", "(", "!", "="),
            true,
            "$(touch x)",
            "a'b",
            "",
            "-n",
            "(",
            "!",
            "="),
        row(command("*").withOption("-x", "*"), false, "a", "-x", "b"),
        row(command("*").withOption("-x", "*"), true, "*", "-x=*"));
  }

  private static Arguments row(ArgvPattern pattern, boolean matches, String... argv) {
    return Arguments.of(pattern, List.of(argv), matches);
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @MethodSource("cases")
  void javaAndTheScriptAgree(ArgvPattern pattern, List<String> argv, boolean matches) {
    erk.reset();
    erk.stubFor(pattern).willReturn(Reply.stdout("hit"));

    Exec.Result result = Exec.run(erk.executable(), argv.toArray(String[]::new));

    assertEquals(matches, pattern.matches(argv), "ArgvPattern.matches");
    assertEquals(matches ? 0 : FakeErk.UNMATCHED_EXIT_CODE, result.exitCode, result::toString);
    assertEquals(matches ? "hit" : "", result.out());
  }

  @Test
  void rendersTheWayTheDocsWriteIt() {
    assertEquals("exactly [--version]", exactly("--version").toString());
    assertEquals("launch pr-address …", prefix("launch", "pr-address").toString());
    assertEquals(
        "exec dash-data --state=closed --limit=<any> --show-runs (nothing else)",
        STATE_CLOSED
            .withAnyValue("--limit")
            .withFlag("--show-runs")
            .withNoOtherArguments()
            .toString());
    assertEquals("exactly [exec 'a b' 'it'\\''s']", exactly("exec", "a b", "it's").toString());
  }

  @Test
  void anExactPatternTakesNoOptions() {
    assertThrows(IllegalStateException.class, () -> exactly("--version").withFlag("--help"));
  }

  @Test
  void anOptionNameCannotContainEquals() {
    assertThrows(IllegalArgumentException.class, () -> command("exec").withOption("--a=b", "c"));
  }

  @Test
  void patternsWithTheSameRequirementsAreEqual() {
    assertEquals(STATE_CLOSED, command("exec", "dash-data").withOption("--state", "closed"));
    assertEquals(
        STATE_CLOSED.hashCode(),
        command("exec", "dash-data").withOption("--state", "closed").hashCode());
  }
}
