package dev.erk.client;

import dev.erk.client.internal.CommandLines;
import java.time.Duration;
import java.util.List;

/** erk ran longer than its timeout; its process tree was killed. */
public class ErkTimeoutException extends ErkException {
  private static final long serialVersionUID = 1L;

  /** How long the command was allowed to take. */
  private final Duration timeout;

  /**
   * @param command the argv that timed out
   * @param timeout the timeout that expired
   */
  public ErkTimeoutException(List<String> command, Duration timeout) {
    super(
        "`"
            + CommandLines.describe(command)
            + "` timed out after "
            + format(timeout)
            + " and was killed",
        command,
        null);
    this.timeout = timeout;
  }

  /** The timeout that expired. */
  public Duration timeout() {
    return timeout;
  }

  private static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
