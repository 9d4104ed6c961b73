package dev.erk.client.testkit;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every bundled fixture gives the same success, message, error type, envelope and payload from
 * the client running a plain script that prints the fixture's bytes, from the client running
 * {@link FakeErk}, and from {@link InMemoryErkClient}, for a run and for a stream: one
 * derivation.
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
    List<String> argv = fixture.argv().subList(1, fixture.argv().size());
    ActionRequest request = ActionRequest.custom(ActionKind.JSON, argv.toArray(String[]::new));
    fake.reset();
    fake.stubFor(ArgvPattern.exactly(argv.toArray(String[]::new))).willReturn(fixture.reply());
    inMemory.onCommand(ArgvPattern.exactly(argv.toArray(String[]::new)), fixture.reply());

    try (CliErkClient plain = CliErkClient.builder().executable(script(fixture))
        .workingDirectory(directory).build()) {
      List<Object> expected = comparable(plain.run(request));
      assertEquals(expected, comparable(throughFake.run(request)), "FakeErk, run");
      assertEquals(expected, comparable(inMemory.run(request)), "in memory, run");
      assertEquals(comparable(streamed(plain, request)), comparable(streamed(inMemory, request)),
          "in memory, stream");
      assertEquals(comparable(streamed(plain, request)),
          comparable(streamed(throughFake, request)), "FakeErk, stream");
    }
  }

  /** A script, not FakeErk, that prints the fixture's bytes and exits with its code. */
  private Path script(Fixtures fixture) throws IOException {
    Path out = Files.write(directory.resolve(fixture.fileName() + ".out"),
        fixture.recording().stdoutBytes());
    Path err = Files.write(directory.resolve(fixture.fileName() + ".err"),
        fixture.recording().stderrBytes());
    Path script = directory.resolve(fixture.fileName() + ".sh");
    Files.writeString(script, "#!/bin/sh\ncat '" + out + "'\ncat '" + err + "' >&2\nexit "
        + fixture.exitCode() + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private static ActionResult streamed(ErkClient client, ActionRequest request) {
    return client.stream(request, line -> { }).await(Duration.ofSeconds(30)).orElseThrow();
  }

  private static List<Object> comparable(ActionResult result) {
    return List.of(result.exitCode(), result.success(), result.message(), result.errorType(),
        String.valueOf(result.envelope()), String.valueOf(result.payload()));
  }
}
