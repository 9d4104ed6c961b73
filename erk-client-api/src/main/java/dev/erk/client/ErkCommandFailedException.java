package dev.erk.client;

import java.util.Optional;

/**
 * erk ran and failed: a non-zero exit, or a JSON envelope with {@code "success": false}.
 *
 * <p>The message is the command line, the exit code and what erk meant for a human (its JSON
 * {@code error}, or the last meaningful stderr line such as {@code RuntimeError: Command not
 * found while trying to fetch GitHub token for github.com: gh}). {@link #result()} has
 * everything.
 */
public class ErkCommandFailedException extends ErkException {
  private static final long serialVersionUID = 1L;

  private final transient ActionResult result;

  /** @param result the failed result */
  public ErkCommandFailedException(ActionResult result) {
    super(messageFor(result), result.command(), null);
    this.result = result;
  }

  /** The failed command's result. */
  public ActionResult result() {
    return result;
  }

  /** erk's own message, without the command line around it. */
  public String erkMessage() {
    return result.message();
  }

  /** erk's machine-readable error code, if it sent one; see {@link ActionResult#errorType()}. */
  public Optional<String> errorType() {
    return result.errorType();
  }

  private static String messageFor(ActionResult result) {
    String what = result.message().isEmpty() ? "failed" : result.message();
    return what + " (`" + describe(result.command()) + "` exited with " + result.exitCode() + ")";
  }
}
