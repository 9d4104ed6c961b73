package dev.erk.client.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkClient;
import dev.erk.client.OutputLine;
import dev.erk.client.cli.CliErkClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-memory client answers a reply exactly as {@code CliErkClient} answers the same reply
 * played by a {@link FakeErk}: same lines, same success, message, envelope and output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InMemoryParityTest {

  private static final ActionRequest LAUNCH =
      ActionRequest.custom(ActionKind.STREAMING, "launch", "pr-address", "--pr", "7");

  private final FakeErk fake = FakeErk.create();
  private final CliErkClient cli = fake.client();
  private final InMemoryErkClient inMemory = InMemoryErkClient.create();

  @AfterAll
  void close() {
    cli.close();
    fake.close();
    inMemory.close();
  }

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of("a silent failure", Reply.exitCode(3)),
        Arguments.of("a signal death", Reply.killedBy(9)),
        Arguments.of(
            "an error envelope on stdout",
            Reply.stdout("{\"success\": false, \"error\": \"no PR 7\"}\n").withExitCode(1)),
        Arguments.of(
            "an error envelope on stderr",
            Reply.stderr("{\"error\": \"not authenticated\"}\n").withExitCode(1)),
        Arguments.of("a success envelope saying false", Reply.stdout("{\"success\": false}")),
        Arguments.of(
            "a non-text error",
            Reply.stdout("{\"error\": 5}\n").andStderr("Aborted!\n").withExitCode(1)),
        Arguments.of(
            "a traceback",
            Reply.stderr(
                    """
                    Traceback (most recent call last):
                      File "x.py", line 1, in <module>
                    RuntimeError: gh not found
                      while fetching a token
                    """)
                .withExitCode(1)),
        Arguments.of(
            "escape codes and carriage returns",
            Reply.timeline()
                .stderrBytes("\u001B[32m✓ green\u001B[0m\r\n50%\r60%\r".getBytes(UTF_8))
                .pause(Duration.ofMillis(20))
                .stdoutBytes("\nlast".getBytes(UTF_8))
                .exitCode(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void aRunGivesTheClientsResult(String name, Reply reply) {
    answerWith(reply);

    assertEquals(comparable(cli.run(LAUNCH)), comparable(inMemory.run(LAUNCH)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void aStreamGivesTheClientsLinesAndResult(String name, Reply reply) {
    answerWith(reply);

    assertEquals(streamed(cli), streamed(inMemory));
  }

  private void answerWith(Reply reply) {
    fake.reset();
    fake.stubFor(ArgvPattern.command("launch")).willReturn(reply);
    inMemory.onCommand(ArgvPattern.command("launch"), reply);
  }

  private static List<Object> streamed(ErkClient client) {
    List<String> lines = new CopyOnWriteArrayList<>();
    ActionResult result =
        client.stream(LAUNCH, (OutputLine line) -> lines.add(line.toString()))
            .await(Duration.ofSeconds(10))
            .orElseThrow();
    return List.of(lines, comparable(result));
  }

  /** All but the command line (the fake's path) and the duration. */
  private static List<Object> comparable(ActionResult result) {
    return List.of(
        result.exitCode(),
        result.success(),
        result.message(),
        result.stdout(),
        result.stderr(),
        String.valueOf(result.envelope()));
  }
}
