package dev.erk.client.bench;

/** A bound a figure must stay within: at most or at least a value. */
record Goal(boolean upper, double bound) {
  static Goal atMost(double bound) {
    return new Goal(true, bound);
  }

  static Goal atLeast(double bound) {
    return new Goal(false, bound);
  }

  boolean isMet(double value) {
    return upper ? value <= bound : value >= bound;
  }

  @Override
  public String toString() {
    return (upper ? "≤ " : "≥ ") + Report.format(bound);
  }
}
