package dev.erk.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The rule every per-call timeout follows: absent, or positive. */
final class Timeouts {
  private Timeouts() {}

  static void check(@Nullable Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }
}
