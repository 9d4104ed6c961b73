package dev.erk.client.cli.internal.warm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.erk.client.ErkCancelledException;
import dev.erk.client.cli.internal.BoundedCollector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WarmPool#stream}: a streamed call's worker is out of the pool for the call's run. */
class WarmPoolStreamTest {
  private static final Duration LONG = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final List<WarmPool> pools = new ArrayList<>();

  @AfterEach
  void closePools() {
    pools.forEach(pool -> pool.close(Duration.ofSeconds(5)));
  }

  @Test
  void aRunningStreamHoldsNoPlaceInThePool() throws Exception {
    Path script = WarmStandIn.install(dir);
    WarmPool pool = pool(script);
    long pooled = ppid(pool, script);
    WarmRun hang = pool.stream(command(script, "hang"), LONG, collector(), collector());

    long other = ppid(pool, script);

    assertEquals(pooled, hang.workerPid().orElseThrow());
    assertNotEquals(pooled, other);
    hang.cancel();
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> hang.outcome().get(60, TimeUnit.SECONDS));
    assertInstanceOf(ErkCancelledException.class, failure.getCause());
    hang.settled().get(60, TimeUnit.SECONDS);
    assertEquals(other, ppid(pool, script));
  }

  @Test
  void aStreamsWorkerRejoinsThePoolWhenThereIsRoom() throws Exception {
    Path script = WarmStandIn.install(dir);
    WarmPool pool = pool(script);
    long pooled = ppid(pool, script);
    BoundedCollector out = collector();
    WarmRun streamed = pool.stream(command(script, "ppid"), LONG, out, collector());

    WarmOutcome outcome = streamed.outcome().get(60, TimeUnit.SECONDS);
    streamed.settled().get(60, TimeUnit.SECONDS); // the worker is back in the pool by then

    assertInstanceOf(WarmOutcome.Exited.class, outcome);
    assertEquals(
        Long.toString(pooled),
        new String(out.bytes(), 0, out.size(), StandardCharsets.UTF_8).strip());
    assertEquals(pooled, ppid(pool, script));
  }

  private WarmPool pool(Path script) {
    WarmPool pool =
        WarmPool.create(
            script,
            dir,
            WarmStandIn.environment(0.2, true),
            new WarmSettings(true, 1, 1000, Duration.ofMinutes(1), true),
            Duration.ofMillis(300),
            System.getLogger("test"));
    pools.add(pool);
    return pool;
  }

  private static long ppid(WarmPool pool, Path script) throws Exception {
    Spawned result = WarmPoolTest.warm(pool, command(script, "ppid"));
    return Long.parseLong(new String(result.stdout(), StandardCharsets.UTF_8).strip());
  }

  private static BoundedCollector collector() {
    return new BoundedCollector(1 << 20, () -> {});
  }

  private static List<String> command(Path script, String argument) {
    return List.of(script.toString(), argument);
  }
}
