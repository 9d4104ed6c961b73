package dev.erk.client.bench;

import java.util.Arrays;

/** Order statistics over samples. */
final class Stats {
  private final double[] sorted;

  private Stats(double[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    this.sorted = samples.clone();
    Arrays.sort(sorted);
  }

  static Stats of(double[] samples) {
    return new Stats(samples);
  }

  /** The nearest-rank percentile, {@code p} in [0, 100]. */
  double percentile(double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  double median() {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  double max() {
    return sorted[sorted.length - 1];
  }

  double min() {
    return sorted[0];
  }

  /** {@code min/median/max} with three significant decimals. */
  String spread() {
    return Report.format(min())
        + "/"
        + Report.format(median())
        + "/"
        + Report.format(max())
        + " (min/median/max of "
        + count()
        + ")";
  }

  int count() {
    return sorted.length;
  }
}
