package dev.erk.client.cli.internal.warm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ErkTimeoutException;
import dev.erk.client.cli.internal.BoundedCollector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Warm runs of the Python stand-in against spawned runs of the same command, byte for byte. */
class WarmPoolTest {
  private static final Duration LONG = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final List<WarmPool> pools = new ArrayList<>();

  @AfterEach
  void closePools() {
    pools.forEach(pool -> pool.close(Duration.ofSeconds(5)));
  }

  static Stream<Arguments> cases() {
    List<List<String>> commands =
        List.of(
            List.of("bytes"),
            List.of("exit", "3"),
            List.of("exit", "300"),
            List.of("exit-text"),
            List.of("raise"),
            List.of("usage"),
            List.of("stdin"),
            List.of("chdir"),
            List.of("setenv"),
            List.of("subprocess"),
            List.of("os-exit", "7"),
            List.of("big"),
            List.of("exec", "dash-data"),
            List.of("no-such-command"));
    List<Arguments> cases = new ArrayList<>();
    for (boolean unbuffered : new boolean[] {true, false}) {
      commands.forEach(command -> cases.add(Arguments.of(command, unbuffered)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, PYTHONUNBUFFERED set: {1}")
  @MethodSource("cases")
  void aWarmRunPrintsAndExitsExactlyAsASpawnedOne(List<String> arguments, boolean unbuffered)
      throws Exception {
    Path script = WarmStandIn.install(dir);
    Map<String, String> environment = WarmStandIn.environment(0.2, unbuffered);
    WarmPool pool = pool(script, environment, 1);

    Spawned warm = warm(pool, command(script, arguments));
    Spawned spawned = Spawned.run(command(script, arguments), dir, environment);

    assertSame(spawned, warm);
    Spawned after = warm(pool, command(script, List.of("state")));
    assertSame(Spawned.run(command(script, List.of("state")), dir, environment), after);
  }

  @Test
  void concurrentCallsShareThePoolAndEachGetsItsOwnOutput() throws Exception {
    Path script = WarmStandIn.install(dir);
    WarmPool pool = pool(script, WarmStandIn.environment(0.2, true), 2);
    List<CompletableFuture<Spawned>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int code = i;
      calls.add(
          CompletableFuture.supplyAsync(
              () -> warmUnchecked(pool, command(script, List.of("exit", Integer.toString(code))))));
    }
    for (int i = 0; i < 8; i++) {
      Spawned result = calls.get(i).get(60, TimeUnit.SECONDS);
      assertEquals(i, result.exitCode());
      assertEquals("leaving with " + i + "\n", new String(result.stdout(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aWorkerIsReplacedWhenTheScriptChangesOnDisk() throws Exception {
    Path script = WarmStandIn.install(dir);
    WarmPool pool = pool(script, WarmStandIn.environment(0.2, true), 1);
    assertEquals(0, warm(pool, command(script, List.of("--version"))).exitCode());
    Path cli = dir.resolve("slowerk").resolve("cli.py");
    Files.writeString(cli, Files.readString(cli).replace("version 0.9.11", "version 0.9.12"));
    Files.writeString(script, Files.readString(script) + "\n# upgraded\n");

    Spawned after = warm(pool, command(script, List.of("--version")));

    assertEquals("erk, version 0.9.12\n", new String(after.stdout(), StandardCharsets.UTF_8));
  }

  @Test
  void aWorkerIsReplacedAfterItsMaximumNumberOfCalls() throws Exception {
    Path script = WarmStandIn.install(dir);
    WarmPool pool =
        WarmPool.create(
            script,
            dir,
            WarmStandIn.environment(0.2, true),
            new WarmSettings(true, 1, 2, Duration.ofMinutes(1)),
            Duration.ofMillis(300),
            System.getLogger("test"));
    pools.add(pool);
    long first = warmPid(pool, script);
    assertEquals(first, warmPid(pool, script));
    assertNotEquals(first, warmPid(pool, script));
  }

  @Test
  void aTimeoutKillsTheWorkersTreeAndAFreshWorkerTakesOver() throws Exception {
    Path script = WarmStandIn.install(dir);
    WarmPool pool = pool(script, WarmStandIn.environment(0.2, true), 1);
    BoundedCollector out = new BoundedCollector(1 << 20, () -> {});
    WarmRun hang =
        pool.run(
            command(script, List.of("hang")),
            Duration.ofSeconds(3),
            out,
            new BoundedCollector(1 << 20, () -> {}));
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> hang.outcome().get(60, TimeUnit.SECONDS));
    assertInstanceOf(ErkTimeoutException.class, failure.getCause());

    assertEquals(0, warm(pool, command(script, List.of("--version"))).exitCode());
  }

  @Test
  void aWorkerThatDiesMidCallEndsThatCallWithItsExitCode() throws Exception {
    Path script = WarmStandIn.install(dir);
    WarmPool pool = pool(script, WarmStandIn.environment(0.2, true), 1);
    long workerPid = warmPid(pool, script);
    WarmRun hang =
        pool.run(
            command(script, List.of("hang")),
            LONG,
            new BoundedCollector(1 << 20, () -> {}),
            new BoundedCollector(1 << 20, () -> {}));
    ProcessHandle.of(workerPid).orElseThrow().destroyForcibly();

    WarmOutcome outcome = hang.outcome().get(60, TimeUnit.SECONDS);

    WarmOutcome.WorkerDied died = assertInstanceOf(WarmOutcome.WorkerDied.class, outcome);
    assertEquals(137, died.exit().exitCode());
    assertEquals(0, warm(pool, command(script, List.of("--version"))).exitCode());
  }

  @Test
  void aShellScriptIsNotKeptWarm() throws Exception {
    Path script = dir.resolve("erk");
    Files.writeString(script, "#!/bin/sh\necho spawned\n");
    script.toFile().setExecutable(true);
    WarmPool pool = pool(script, WarmStandIn.environment(0.2, true), 1);

    WarmRun run =
        pool.run(
            command(script, List.of("--version")),
            LONG,
            new BoundedCollector(1024, () -> {}),
            new BoundedCollector(1024, () -> {}));

    assertInstanceOf(WarmOutcome.Unavailable.class, run.outcome().get(60, TimeUnit.SECONDS));
  }

  @Test
  void aPythonScriptThatIsNotAConsoleScriptIsNotKeptWarm() throws Exception {
    Path script = dir.resolve("erk");
    Files.writeString(script, "#!" + WarmStandIn.python() + "\nprint('runs at import')\n");
    script.toFile().setExecutable(true);
    WarmPool pool = pool(script, WarmStandIn.environment(0.2, true), 1);

    WarmRun run =
        pool.run(
            command(script, List.of("--version")),
            LONG,
            new BoundedCollector(1024, () -> {}),
            new BoundedCollector(1024, () -> {}));

    WarmOutcome outcome = run.outcome().get(60, TimeUnit.SECONDS);
    assertTrue(
        ((WarmOutcome.Unavailable) outcome).reason().contains("does more than import"),
        outcome::toString);
  }

  private long warmPid(WarmPool pool, Path script) throws Exception {
    Spawned result = warm(pool, command(script, List.of("ppid")));
    return Long.parseLong(new String(result.stdout(), StandardCharsets.UTF_8).strip());
  }

  private WarmPool pool(Path script, Map<String, String> environment, int size) {
    WarmPool pool =
        WarmPool.create(
            script,
            dir,
            environment,
            new WarmSettings(true, size, 1000, Duration.ofMinutes(1)),
            Duration.ofMillis(300),
            System.getLogger("test"));
    pools.add(pool);
    return pool;
  }

  private static List<String> command(Path script, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(arguments);
    return command;
  }

  private static Spawned warmUnchecked(WarmPool pool, List<String> command) {
    try {
      return warm(pool, command);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Spawned warm(WarmPool pool, List<String> command) throws Exception {
    BoundedCollector out = new BoundedCollector(1 << 24, () -> {});
    BoundedCollector err = new BoundedCollector(1 << 24, () -> {});
    WarmOutcome outcome = pool.run(command, LONG, out, err).outcome().get(60, TimeUnit.SECONDS);
    int code =
        outcome instanceof WarmOutcome.Exited exited
            ? exited.exit().exitCode()
            : ((WarmOutcome.WorkerDied) outcome).exit().exitCode();
    return new Spawned(
        java.util.Arrays.copyOf(out.bytes(), out.size()),
        java.util.Arrays.copyOf(err.bytes(), err.size()),
        code);
  }

  private static void assertSame(Spawned expected, Spawned actual) {
    String both = "spawned:\n" + expected.describe() + "\nwarm:\n" + actual.describe();
    assertEquals(expected.exitCode(), actual.exitCode(), both);
    assertArrayEquals(expected.stdout(), actual.stdout(), both);
    assertArrayEquals(expected.stderr(), actual.stderr(), both);
  }
}
