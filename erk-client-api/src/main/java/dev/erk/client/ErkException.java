package dev.erk.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The base of every exception erk-client throws. Unchecked.
 *
 * <p>Subclasses say what went wrong: {@link ErkStartException} (the executable could not be
 * started), {@link ErkCommandFailedException} (erk ran and failed), {@link
 * ErkUnreadableOutputException} (erk's output could not be decoded; {@link
 * ErkOutputTooLargeException} when it passed the output limit), {@link ErkTimeoutException}, {@link
 * ErkCancelledException} and {@link ErkUnsupportedActionException} (the action does not exist in
 * this erk). Every message names the command.
 */
public class ErkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The command line that was run or attempted, as its argv. */
  private final List<String> command;

  /**
   * @param message what happened, for a human
   * @param command the argv concerned, the executable first; empty if none was built
   * @param cause the underlying failure, if any
   */
  public ErkException(String message, List<String> command, @Nullable Throwable cause) {
    super(message, cause);
    this.command = List.copyOf(command);
  }

  /** What happened, naming the command; never null. */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? getClass().getSimpleName() : message;
  }

  /** The argv concerned, the executable first; empty if none was built. */
  public List<String> command() {
    return command;
  }
}
