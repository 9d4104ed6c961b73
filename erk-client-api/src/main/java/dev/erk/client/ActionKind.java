package dev.erk.client;

/**
 * How an erk command reports back, which decides the client's default timeout for it and the
 * natural way to run it.
 */
public enum ActionKind {
  /**
   * Finishes quickly and prints a JSON envelope {@code {"success": …}}; use {@link ErkClient#run}.
   */
  JSON,
  /** Finishes quickly and prints text; use {@link ErkClient#run}. */
  TEXT,
  /** Runs for minutes and prints progress lines; use {@link ErkClient#stream}. */
  STREAMING
}
