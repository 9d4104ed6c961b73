package dev.erk.client.cli.internal.warm;

import java.time.Duration;

/**
 * How a client keeps erk warm.
 *
 * @param enabled whether calls go to warm workers at all
 * @param poolSize the most workers one client keeps, so the most warm calls running at once
 * @param maxCallsPerWorker after this many calls a worker is replaced by a fresh one
 * @param idleTime a worker unused this long exits
 */
public record WarmSettings(
    boolean enabled, int poolSize, int maxCallsPerWorker, Duration idleTime) {

  /** Off, with the defaults used when it is turned on: 2 workers, 1000 calls, 5 minutes. */
  public static final WarmSettings OFF = new WarmSettings(false, 2, 1000, Duration.ofMinutes(5));

  public WarmSettings {
    if (poolSize < 1) {
      throw new IllegalArgumentException("warm pool size must be at least 1: " + poolSize);
    }
    if (maxCallsPerWorker < 1) {
      throw new IllegalArgumentException(
          "max calls per worker must be at least 1: " + maxCallsPerWorker);
    }
    if (idleTime.isNegative() || idleTime.isZero()) {
      throw new IllegalArgumentException("warm idle time must be positive: " + idleTime);
    }
  }

  public WarmSettings withEnabled(boolean enabled) {
    return new WarmSettings(enabled, poolSize, maxCallsPerWorker, idleTime);
  }

  public WarmSettings withPoolSize(int poolSize) {
    return new WarmSettings(enabled, poolSize, maxCallsPerWorker, idleTime);
  }

  public WarmSettings withMaxCallsPerWorker(int maxCalls) {
    return new WarmSettings(enabled, poolSize, maxCalls, idleTime);
  }

  public WarmSettings withIdleTime(Duration idleTime) {
    return new WarmSettings(enabled, poolSize, maxCallsPerWorker, idleTime);
  }
}
