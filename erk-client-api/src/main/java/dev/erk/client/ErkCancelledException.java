package dev.erk.client;

import dev.erk.client.internal.CommandLines;
import java.util.List;

/**
 * The call was cancelled before erk finished; its process tree was killed. Besides an explicit
 * cancel, a JVM shutdown cancels the calls still running (see {@code CliErkClient}'s JVM-exit
 * hook), and says so in the message.
 */
public class ErkCancelledException extends ErkException {
  private static final long serialVersionUID = 1L;

  /**
   * @param command the argv that was cancelled
   */
  public ErkCancelledException(List<String> command) {
    super("`" + CommandLines.describe(command) + "` was cancelled", command, null);
  }

  /**
   * @param command the argv that was cancelled
   * @param reason why, for a human, such as {@code "the JVM is shutting down"}
   */
  public ErkCancelledException(List<String> command, String reason) {
    super("`" + CommandLines.describe(command) + "` was cancelled: " + reason, command, null);
  }
}
