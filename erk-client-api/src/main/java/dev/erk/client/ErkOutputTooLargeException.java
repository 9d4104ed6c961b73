package dev.erk.client;

import java.util.List;

/**
 * erk printed more than the client's output limit ({@code CliErkClient.Builder.outputLimit}), or a
 * stream's line listener fell further behind than that limit; the command was killed. A kind of
 * {@link ErkUnreadableOutputException}, with no snippet and no offset.
 */
public class ErkOutputTooLargeException extends ErkUnreadableOutputException {
  private static final long serialVersionUID = 1L;

  /** The output limit, in bytes, that the command went past. */
  private final long limit;

  /**
   * @param message what was too large, naming the command
   * @param command the argv that was killed
   * @param limit the limit that was passed, in bytes; positive
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  public ErkOutputTooLargeException(String message, List<String> command, long limit) {
    super(message, command, "", null);
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.limit = limit;
  }

  /** The limit that was passed, in bytes. */
  public long limit() {
    return limit;
  }
}
