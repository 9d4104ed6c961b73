package dev.erk.client.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkClient;
import dev.erk.client.cli.CliErkClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled fixture, and each JSON action's shape, gives the same success, message, error type,
 * envelope and payload from the client running a plain script that prints the bytes, from the
 * client running {@link FakeErk}, and from {@link InMemoryErkClient}, for a run and for a stream:
 * one derivation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureParityTest {
  private final FakeErk fake = FakeErk.create();
  private final CliErkClient throughFake = fake.client();
  private final InMemoryErkClient inMemory = InMemoryErkClient.create();
  private Path directory;

  @BeforeAll
  void directory() throws IOException {
    directory = Files.createTempDirectory("fixture-parity");
  }

  @AfterAll
  void close() throws IOException {
    throughFake.close();
    fake.close();
    inMemory.close();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixtures.class)
  void everyClientDerivesTheSameResultFromTheSameBytes(Fixtures fixture) throws IOException {
    Recording recording = fixture.recording();
    assertSameResults(
        fixture.fileName(),
        recording.argv().subList(1, recording.argv().size()),
        recording.stdoutBytes(),
        recording.stderrBytes(),
        recording.exitCode(),
        fixture.reply());
  }

  /** The JSON actions' shapes (erk's exec scripts; see docs/erk-messages.md), the same way. */
  static Stream<Arguments> jsonActions() {
    return Stream.of(
        Arguments.of(
            List.of("exec", "close-pr", "42", "--comment=Done"),
            "{\"success\": true, \"pr_number\": 42, \"comment_id\": \"123456\"}\n",
            "",
            0),
        Arguments.of(
            List.of("exec", "get-pr-info", "42"),
            "",
            "{\"success\": false, \"error\":"
                + " \"pr_not_found\", \"message\": \"PR #42 not found\"}\n",
            1),
        Arguments.of(
            List.of("exec", "incremental-dispatch", "--pr", "42"),
            "{\"success\": true, \"pr_number\": 42, \"branch_name\": \"plan-42\","
                + " \"workflow_run_id\": \"9042\", \"workflow_url\": \"u\"}\n",
            "\u001B[32m\u2713\u001B[0m Workflow dispatched\nWarning: Failed to update dispatch"
                + " metadata: Failed to execute gh command 'gh api x'\nCommand: gh api x\n"
                + "Exit code: 1\nstderr: gh: Bad Gateway (HTTP 502)\n",
            0),
        Arguments.of(
            List.of("exec", "cmux-open-pr", "--pr", "42"),
            "{\"success\": true,"
                + " \"pr_number\": 42, \"branch\": \"plan-42\", \"workspace_name\": null}\n",
            "",
            0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonActions")
  void jsonActionsGiveTheSameTypedResultsEverywhere(
      List<String> argv, String stdout, String stderr, int exitCode) throws IOException {
    byte[] out = stdout.getBytes(UTF_8);
    byte[] err = stderr.getBytes(UTF_8);
    assertSameResults(
        argv.get(1),
        argv,
        out,
        err,
        exitCode,
        Reply.stdout(stdout).andStderr(stderr).withExitCode(exitCode));
  }

  private void assertSameResults(
      String name, List<String> argv, byte[] stdout, byte[] stderr, int exitCode, Reply reply)
      throws IOException {
    ActionRequest request = ActionRequest.custom(ActionKind.JSON, argv.toArray(String[]::new));
    fake.reset();
    fake.stubFor(ArgvPattern.exactly(argv)).willReturn(reply);
    inMemory.onCommand(ArgvPattern.exactly(argv), reply);

    try (CliErkClient plain =
        CliErkClient.builder()
            .executable(script(name, stdout, stderr, exitCode))
            .workingDirectory(directory)
            .build()) {
      List<Object> expected = comparable(plain.run(request));
      assertEquals(expected, comparable(throughFake.run(request)), "FakeErk, run");
      assertEquals(expected, comparable(inMemory.run(request)), "in memory, run");
      List<Object> streamed = comparable(streamed(plain, request));
      assertEquals(streamed, comparable(streamed(inMemory, request)), "in memory, stream");
      assertEquals(streamed, comparable(streamed(throughFake, request)), "FakeErk, stream");
    }
  }

  /** A script, not FakeErk, that prints the bytes and exits with the code. */
  private Path script(String name, byte[] stdout, byte[] stderr, int exitCode) throws IOException {
    Path out = Files.write(directory.resolve(name + ".out"), stdout);
    Path err = Files.write(directory.resolve(name + ".err"), stderr);
    Path script = directory.resolve(name + ".sh");
    Files.writeString(
        script, "#!/bin/sh\ncat '" + out + "'\ncat '" + err + "' >&2\nexit " + exitCode + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private static ActionResult streamed(ErkClient client, ActionRequest request) {
    return client.stream(request, line -> {}).await(Duration.ofSeconds(30)).orElseThrow();
  }

  private static List<Object> comparable(ActionResult result) {
    return List.of(
        result.exitCode(),
        result.success(),
        result.message(),
        result.errorType(),
        String.valueOf(result.envelope()),
        String.valueOf(result.payload()));
  }
}
