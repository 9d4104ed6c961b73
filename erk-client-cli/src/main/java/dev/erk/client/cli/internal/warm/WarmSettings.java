package dev.erk.client.cli.internal.warm;

import java.time.Duration;

/**
 * How a client keeps erk warm.
 *
 * @param enabled whether calls go to warm workers at all
 * @param poolSize the most workers one client keeps, so the most warm calls running at once
 * @param maxCallsPerWorker after this many calls a worker is replaced by a fresh one
 * @param idleTime a worker unused this long exits
 * @param streams whether streaming actions run on warm workers too (only if {@code enabled})
 */
public record WarmSettings(
    boolean enabled, int poolSize, int maxCallsPerWorker, Duration idleTime, boolean streams) {

  /**
   * Off, with the defaults used when it is turned on: 2 workers, 1000 calls, 5 minutes, streams
   * spawned.
   */
  public static final WarmSettings OFF = new WarmSettings(false, 2, 1000, Duration.ofMinutes(5));

  /** Settings whose streaming actions are spawned. */
  public WarmSettings(boolean enabled, int poolSize, int maxCallsPerWorker, Duration idleTime) {
    this(enabled, poolSize, maxCallsPerWorker, idleTime, false);
  }

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
    return new WarmSettings(enabled, poolSize, maxCallsPerWorker, idleTime, streams);
  }

  public WarmSettings withPoolSize(int poolSize) {
    return new WarmSettings(enabled, poolSize, maxCallsPerWorker, idleTime, streams);
  }

  public WarmSettings withMaxCallsPerWorker(int maxCalls) {
    return new WarmSettings(enabled, poolSize, maxCalls, idleTime, streams);
  }

  public WarmSettings withIdleTime(Duration idleTime) {
    return new WarmSettings(enabled, poolSize, maxCallsPerWorker, idleTime, streams);
  }

  public WarmSettings withStreams(boolean streams) {
    return new WarmSettings(enabled, poolSize, maxCallsPerWorker, idleTime, streams);
  }

  /** Whether streaming actions go to warm workers: both warm and warm streams are on. */
  public boolean warmStreams() {
    return enabled && streams;
  }
}
