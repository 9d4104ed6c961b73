package dev.erk.client;

/**
 * The CI check counts of a plan's PR, erk's {@code checks_counts} pair {@code [passing, total]}.
 * Skipped check runs count in neither; neutral ones count as passing.
 *
 * @param passing checks that passed
 * @param total checks that count
 */
public record CheckCounts(int passing, int total) {
  /** Validates that {@code 0 <= passing <= total}. */
  public CheckCounts {
    if (passing < 0 || total < 0 || passing > total) {
      throw new IllegalArgumentException("bad check counts " + passing + "/" + total);
    }
  }

  /** True when every counted check passed. */
  public boolean allPassing() {
    return passing == total;
  }
}
