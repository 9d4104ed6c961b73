package dev.erk.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One complete line that a streaming action printed.
 *
 * <p>The line ending is removed (LF, CRLF, or a bare CR that redraws a progress line), ANSI escape
 * sequences are removed, and the bytes are decoded as UTF-8 (invalid bytes become U+FFFD). A line
 * longer than the client's line limit arrives in pieces.
 *
 * @param source the stream the line came from
 * @param text the line's text
 * @param sequence position of the line among all lines of this action, from 0, across both streams
 * @param timestamp when the SDK read the line
 */
public record OutputLine(Source source, String text, long sequence, Instant timestamp) {
  /** Checks the components. */
  public OutputLine {
    requireNonNull(source, "source");
    requireNonNull(text, "text");
    requireNonNull(timestamp, "timestamp");
    if (sequence < 0) {
      throw new IllegalArgumentException("negative sequence " + sequence);
    }
  }

  /** Which stream of the child a line came from. erk writes its progress to stderr. */
  public enum Source {
    /** The child's standard output. */
    STDOUT,
    /** The child's standard error, where erk writes its progress and its errors. */
    STDERR
  }

  @Override
  public String toString() {
    return source + ": " + text;
  }
}
