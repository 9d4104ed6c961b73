package dev.erk.client;

import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * erk's output could not be decoded: it was empty, truncated, not JSON or JSON of the wrong shape.
 * Output larger than the client's limit is the subclass {@link ErkOutputTooLargeException}.
 */
public class ErkUnreadableOutputException extends ErkException {
  private static final long serialVersionUID = 1L;

  /** A short, printable excerpt of the output, around the offset when there is one. */
  private final String snippet;

  /** The byte offset in stdout where decoding failed; null when the output was wrong as a whole. */
  private final @Nullable Long offset;

  /**
   * Output that failed to decode at a known place.
   *
   * @param message what was wrong
   * @param command the argv that printed the output
   * @param snippet a short, printable excerpt of the output around {@code offset}
   * @param offset the byte offset in stdout where decoding failed, 0 or more
   * @param cause the decoder's exception, if any
   * @throws IllegalArgumentException if {@code offset} is negative
   */
  public ErkUnreadableOutputException(
      String message,
      List<String> command,
      String snippet,
      long offset,
      @Nullable Throwable cause) {
    super(message, command, cause);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    this.snippet = snippet;
    this.offset = offset;
  }

  /**
   * Output that was wrong as a whole (nothing printed, no version in it), with no place to name.
   *
   * @param message what was wrong
   * @param command the argv that printed the output
   * @param snippet a short, printable excerpt of the output; empty if there was none
   * @param cause the decoder's exception, if any
   */
  public ErkUnreadableOutputException(
      String message, List<String> command, String snippet, @Nullable Throwable cause) {
    super(message, command, cause);
    this.snippet = snippet;
    this.offset = null;
  }

  /** A short, printable excerpt of the output around {@link #offset()}; may be empty. */
  public String snippet() {
    return snippet;
  }

  /** The byte offset in stdout where decoding failed, if there is one. */
  public OptionalLong offset() {
    return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
  }
}
