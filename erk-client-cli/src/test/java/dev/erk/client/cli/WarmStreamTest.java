package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.internal.warm.WarmStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code warmStreams(true)}: streams on warm workers, against the slow-import Python stand-in. */
class WarmStreamTest {
  private static final Duration LONG = Duration.ofSeconds(60);

  @TempDir Path dir;

  private CliErkClient.Builder builder(Path executable) {
    return WarmStandIn.clientBuilder(executable, dir, 0.2);
  }

  private CliErkClient.Builder warm(Path executable) {
    return builder(executable).keepWarm(true).warmStreams(true);
  }

  /** What a stream gave: its lines in order and its result. */
  private record Streamed(List<OutputLine> lines, ActionResult result) {
    List<String> of(OutputLine.Source source) {
      return lines.stream()
          .filter(line -> line.source() == source)
          .map(OutputLine::text)
          .collect(Collectors.toList());
    }
  }

  private static Streamed stream(CliErkClient client, String... arguments) throws Exception {
    List<OutputLine> lines = new CopyOnWriteArrayList<>();
    try (StreamHandle handle =
        client.stream(ActionRequest.custom(ActionKind.STREAMING, arguments), lines::add)) {
      ActionResult result = handle.completion().get(LONG.toSeconds(), TimeUnit.SECONDS);
      return new Streamed(List.copyOf(lines), result);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bytes",
        "chunks",
        "exit 3",
        "exit 300",
        "exit-text",
        "raise",
        "usage",
        "stdin",
        "chdir",
        "setenv",
        "state",
        "subprocess",
        "os-exit 7",
        "big",
        "exec dash-data",
        "no-such-command"
      })
  void aWarmStreamGivesTheLinesAndResultOfASpawnedOne(String command) throws Exception {
    Path script = WarmStandIn.install(dir);
    String[] arguments = command.split(" ");
    try (CliErkClient warm = warm(script).build();
        CliErkClient spawned = builder(script).build()) {
      Streamed expected = stream(spawned, arguments);
      Streamed actual = stream(warm, arguments);

      assertEquals(expected.of(OutputLine.Source.STDOUT), actual.of(OutputLine.Source.STDOUT));
      assertEquals(expected.of(OutputLine.Source.STDERR), actual.of(OutputLine.Source.STDERR));
      for (int i = 0; i < actual.lines().size(); i++) {
        assertEquals(i, actual.lines().get(i).sequence());
      }
      assertEquals(expected.result().exitCode(), actual.result().exitCode());
      assertEquals(expected.result().success(), actual.result().success());
      assertEquals(expected.result().stdout(), actual.result().stdout());
      assertEquals(expected.result().stderr(), actual.result().stderr());
      assertEquals(expected.result().message(), actual.result().message());
    }
  }

  @Test
  void aWarmStreamRunsOnAWorkerNotInAProcessOfItsOwn() throws Exception {
    Path script = WarmStandIn.install(dir);
    long jvm = ProcessHandle.current().pid();
    try (CliErkClient warm = warm(script).build()) {
      assertNotEquals(jvm, parentOf(warm));
    }
  }

  @Test
  void warmStreamsWithoutKeepWarmIsIgnoredAndStreamsAreSpawned() throws Exception {
    Path script = WarmStandIn.install(dir);
    try (CliErkClient client = builder(script).warmStreams(true).build()) {
      assertEquals(ProcessHandle.current().pid(), parentOf(client));
    }
  }

  @Test
  void cancelMidStreamKillsTheWorkersTreeAndAFreshWorkerTakesOver() throws Exception {
    Path script = WarmStandIn.install(dir);
    try (CliErkClient warm = warm(script).build()) {
      CompletableFuture<long[]> pids = new CompletableFuture<>();
      StreamHandle handle = startTree(warm, pids);
      long[] tree = pids.get(LONG.toSeconds(), TimeUnit.SECONDS);
      assertEquals(tree[0], handle.pid().orElseThrow());

      handle.cancel();

      assertThrows(ErkCancelledException.class, () -> handle.await(LONG));
      TestScripts.assertAllGone(tree);
      Streamed next = stream(warm, "ppid");
      assertEquals(0, next.result().exitCode());
      assertNotEquals(Long.toString(tree[0]), next.result().stdout().strip());
    }
  }

  @Test
  void aTimeoutMidStreamKillsTheWorkersTree() throws Exception {
    Path script = WarmStandIn.install(dir);
    try (CliErkClient warm = warm(script).streamTimeout(Duration.ofSeconds(3)).build()) {
      long worker = parentOf(warm);
      CompletableFuture<long[]> pids = new CompletableFuture<>();
      StreamHandle handle = startTree(warm, pids);

      assertThrows(ErkTimeoutException.class, () -> handle.await(LONG));

      TestScripts.assertAllGone(worker);
      if (pids.isDone()) {
        TestScripts.assertAllGone(pids.join());
      }
      assertEquals(0, stream(warm, "--version").result().exitCode());
    }
  }

  @Test
  void closingTheClientMidStreamKillsTheWorkersTree() throws Exception {
    Path script = WarmStandIn.install(dir);
    CliErkClient warm = warm(script).build();
    CompletableFuture<long[]> pids = new CompletableFuture<>();
    StreamHandle handle = startTree(warm, pids);
    long[] tree = pids.get(LONG.toSeconds(), TimeUnit.SECONDS);

    warm.close();

    assertThrows(ErkCancelledException.class, () -> handle.await(LONG));
    TestScripts.assertAllGone(tree);
  }

  @Test
  void osExitMidStreamFailsTheStreamAfterItsLines() throws Exception {
    Path script = WarmStandIn.install(dir);
    try (CliErkClient warm = warm(script).build()) {
      Streamed streamed = stream(warm, "os-exit", "7");
      assertEquals(7, streamed.result().exitCode());
      assertFalse(streamed.result().success());
      assertEquals(List.of("on stderr"), streamed.of(OutputLine.Source.STDERR));
    }
  }

  @Test
  void aWorkerDyingMidStreamFailsTheStreamWithoutARetry() throws Exception {
    Path script = WarmStandIn.install(dir);
    try (CliErkClient warm = warm(script).build()) {
      Files.writeString(dir.resolve("kill-worker-once"), "");
      Streamed streamed = stream(warm, "exec", "dash-data");
      assertEquals(137, streamed.result().exitCode());
      assertFalse(streamed.result().success());
      assertEquals(List.of(), streamed.of(OutputLine.Source.STDOUT));
      assertEquals(0, stream(warm, "--version").result().exitCode());
    }
  }

  @Test
  void aStreamTheWorkersCannotTakeIsSpawned() throws Exception {
    Path script = dir.resolve("erk");
    Files.writeString(script, "#!/bin/sh\necho \"spawned by $PPID\"\n");
    script.toFile().setExecutable(true);
    try (CliErkClient warm = warm(script).build()) {
      Streamed streamed = stream(warm, "anything");
      assertEquals(
          List.of("spawned by " + ProcessHandle.current().pid()),
          streamed.of(OutputLine.Source.STDOUT));
      assertEquals(0, streamed.result().exitCode());
    }
  }

  @Test
  void aStreamOnAPythonScriptNoWorkerCanLoadIsSpawned() throws Exception {
    Path script = dir.resolve("erk");
    Files.writeString(
        script, "#!" + WarmStandIn.python() + "\nimport os\nprint('spawned by', os.getppid())\n");
    script.toFile().setExecutable(true);
    try (CliErkClient warm = warm(script).build()) {
      Streamed streamed = stream(warm, "anything");
      assertEquals(
          List.of("spawned by " + ProcessHandle.current().pid()),
          streamed.of(OutputLine.Source.STDOUT));
    }
  }

  /** Streams {@code tree}; {@code pids} completes with the worker, the call and its child. */
  private static StreamHandle startTree(CliErkClient client, CompletableFuture<long[]> pids) {
    return client.stream(
        ActionRequest.custom(ActionKind.STREAMING, "tree"),
        line -> {
          if (line.text().startsWith("pids ")) {
            pids.complete(
                Arrays.stream(line.text().substring(5).split(" "))
                    .mapToLong(Long::parseLong)
                    .toArray());
          }
        });
  }

  /** The parent of a streamed call: the JVM when spawned, a worker when warm. */
  private static long parentOf(CliErkClient client) throws Exception {
    return Long.parseLong(stream(client, "ppid").result().stdout().strip());
  }
}
