package dev.erk.client.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.DashboardAction;
import dev.erk.client.PlanQuery;
import dev.erk.client.PlanRow;
import dev.erk.client.cli.CliErkClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unsafe values are refused before anything is spawned (the fake erk records every run, and its
 * record must stay absent), and safe values with shell syntax reach erk verbatim: no shell is ever
 * involved.
 */
class ArgumentSafetyTest {
  private static final String INJECTION =
      "$(touch pwned1); `touch pwned2`; touch pwned3 "
          + "&& echo 'x' \"y\" | tee pwned4 > pwned5 \\ $HOME ${PATH} *";

  @TempDir Path dir;

  private static PlanRow row(String branch) {
    return PlanRow.builder()
        .prNumber(42)
        .prUrl("https://github.com/acme/widgets/pull/42")
        .prDisplay("#42")
        .fullTitle("Add retry")
        .prTitle("Add retry")
        .prState("OPEN")
        .prHeadBranch(branch)
        .build();
  }

  record Unsafe(String name, Executable call) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Unsafe> unsafe() {
    PlanRow ok = row("plan-42");
    return Stream.of(
        new Unsafe(
            "label starting with -", () -> PlanQuery.builder().labels("--state=closed").build()),
        new Unsafe("label with NUL", () -> PlanQuery.builder().labels("erk\0pr").build()),
        new Unsafe("label with newline", () -> PlanQuery.builder().labels("erk\npr").build()),
        new Unsafe("label with ESC", () -> PlanQuery.builder().labels("erk\u001b[31m").build()),
        new Unsafe("runState starting with -", () -> PlanQuery.builder().runState("-x").build()),
        new Unsafe("runState with CR", () -> PlanQuery.builder().runState("ok\r").build()),
        new Unsafe("creator with NUL", () -> PlanQuery.builder().creator("alice\0").build()),
        new Unsafe("creator with shell syntax", () -> PlanQuery.builder().creator("$(id)").build()),
        new Unsafe(
            "branch starting with -", () -> DashboardAction.LAND_PR.request(row("--force-delete"))),
        new Unsafe("branch with newline", () -> DashboardAction.LAND_PR.request(row("a\nb"))),
        new Unsafe("branch with NUL", () -> DashboardAction.CMUX_CHECKOUT.request(row("a\0b"))),
        new Unsafe("comment with NUL", () -> DashboardAction.CLOSE_PR.request(ok, "bye\0")),
        new Unsafe("comment with BEL", () -> DashboardAction.CLOSE_PR.request(ok, "bye\u0007")),
        new Unsafe("comment with U+2028", () -> DashboardAction.CLOSE_PR.request(ok, "a\u2028b")),
        new Unsafe("blank comment", () -> DashboardAction.CLOSE_PR.request(ok, " \n")),
        new Unsafe(
            "prompt with ESC",
            () -> DashboardAction.ONE_SHOT_PROMPT.request(ok, "fix \u001b]0;title\u0007")),
        new Unsafe(
            "plan file starting with -",
            () -> DashboardAction.INCREMENTAL_DISPATCH.request(ok, "-rf")),
        new Unsafe(
            "custom argument with NUL",
            () -> ActionRequest.custom(ActionKind.TEXT, "exec", "a\0b")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsafe")
  void unsafeValuesAreRefusedBeforeAnythingRuns(Unsafe c) {
    try (CliErkClient client = Reliability.fake(dir).build()) {
      assertThrows(
          IllegalArgumentException.class,
          () -> {
            c.call().execute();
            // Only reached if the value was accepted: then it runs, and the record shows it.
            client.listPlans(PlanQuery.defaults());
          });
    }
    assertTrue(Files.notExists(dir.resolve("pids")), "a process ran");
  }

  @Test
  void shellSyntaxInACommentArrivesVerbatim() throws IOException {
    Reliability.write(dir.resolve("stdout"), "{\"success\": true}\n");
    String comment = INJECTION + "\nsecond line\twith tab";
    try (CliErkClient client = Reliability.fake(dir).build()) {
      ActionResult result = client.run(DashboardAction.CLOSE_PR.request(row("plan-42"), comment));
      assertTrue(result.success(), result.toString());
    }
    List<String> argv = Reliability.argv(dir);
    assertTrue(argv.contains("--comment=" + comment), argv.toString());
    assertNoInjection();
  }

  @Test
  void shellSyntaxInAPromptAndCustomArgumentsArrivesVerbatim() throws IOException {
    try (CliErkClient client = Reliability.fake(dir).build()) {
      client.run(DashboardAction.ONE_SHOT_PROMPT.request(row("plan-42"), INJECTION));
      assertEquals(List.of("one-shot", INJECTION), Reliability.argv(dir));
      client.run(ActionRequest.custom(ActionKind.TEXT, "exec", "x; touch pwned6", "'$(id)'"));
      assertEquals(List.of("exec", "x; touch pwned6", "'$(id)'"), Reliability.argv(dir));
    }
    assertNoInjection();
  }

  private void assertNoInjection() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names =
          files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pwned")).toList();
      assertEquals(List.of(), names);
    }
  }
}
