package dev.erk.client;

import dev.erk.client.internal.CommandLines;
import java.util.Optional;

/**
 * erk ran and failed: a non-zero exit, or a JSON envelope with {@code "success": false}.
 *
 * <p>The message is erk's reason, by {@linkplain ActionResult the rule of} {@link
 * ActionResult#message()} (one line), then erk's error code if it gave one, the command line and
 * the exit code: {@code PR #42 not found (pr_not_found; `erk exec get-pr-info 42` exited with 1)}.
 * {@link #result()} has everything.
 */
public class ErkCommandFailedException extends ErkException {
  private static final long serialVersionUID = 1L;

  private final transient ActionResult result;

  /**
   * @param result the failed result
   */
  public ErkCommandFailedException(ActionResult result) {
    super(messageFor(result), result.command(), null);
    this.result = result;
  }

  /** The failed command's result. */
  public ActionResult result() {
    return result;
  }

  /** erk's reason, without the command line around it: {@link ActionResult#message()}. */
  public String erkMessage() {
    return result.message();
  }

  /** erk's machine-readable error code, if it gave one: {@link ActionResult#errorType()}. */
  public Optional<String> errorType() {
    return result.errorType();
  }

  private static String messageFor(ActionResult result) {
    String what = result.message().isEmpty() ? "failed" : result.message();
    String code = result.errorType().map(type -> type + "; ").orElse("");
    return what
        + " ("
        + code
        + "`"
        + CommandLines.describe(result.command())
        + "` exited with "
        + result.exitCode()
        + ")";
  }
}
