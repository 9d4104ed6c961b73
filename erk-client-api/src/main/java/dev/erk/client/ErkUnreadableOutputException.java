package dev.erk.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * erk's output could not be decoded: it was empty, truncated, not JSON, JSON of the wrong shape,
 * or larger than the client's output limit.
 */
public class ErkUnreadableOutputException extends ErkException {
  private static final long serialVersionUID = 1L;

  private final String snippet;
  private final long offset;

  /**
   * @param message what was wrong
   * @param command the argv that printed the output
   * @param snippet a short, printable excerpt of the output around {@code offset}
   * @param offset the byte offset in stdout where decoding failed, or -1 if unknown
   * @param cause the decoder's exception, if any
   */
  public ErkUnreadableOutputException(
      String message, List<String> command, String snippet, long offset, @Nullable Throwable cause) {
    super(message, command, cause);
    this.snippet = snippet;
    this.offset = offset;
  }

  /** A short, printable excerpt of the output around {@link #offset()}. */
  public String snippet() {
    return snippet;
  }

  /** The byte offset in stdout where decoding failed, or -1 if unknown. */
  public long offset() {
    return offset;
  }
}
