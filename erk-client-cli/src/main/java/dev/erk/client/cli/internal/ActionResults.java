package dev.erk.client.cli.internal;

import dev.erk.client.ActionResult;
import dev.erk.client.cli.ErkJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Derives an {@link ActionResult} from what a finished command printed: whether it succeeded, its
 * JSON envelope, and the message for a human. The one place these rules live; the client and the
 * testkit's in-memory client both use it.
 *
 * <p>Success is exit code 0 with no envelope saying {@code "success": false}. The message is the
 * envelope's non-blank {@code error} or {@code message}, else the {@linkplain
 * ErkMessages#lastMeaningfulLine meaningful line} of stderr, then of stdout, else (on failure)
 * {@code "exited with N"} or, above 128, {@code "killed by signal N-128"}.
 */
public final class ActionResults {
  private ActionResults() {}

  /**
   * The result, with the JSON envelope erk printed on stdout or, when it failed and printed none
   * there, on stderr (where some commands write their errors).
   */
  public static ActionResult of(List<String> command, int exitCode, String stdout, String stderr,
      Duration duration, ErkJson json) {
    Map<String, @Nullable Object> envelope = json.decodeObject(stdout);
    if (envelope == null && exitCode != 0) {
      envelope = json.decodeObject(stderr);
    }
    return result(command, exitCode, stdout, stderr, duration, envelope, null);
  }

  /** The failed result of a call whose envelope said {@code error}. */
  public static ActionResult failure(List<String> command, int exitCode, String stdout,
      String stderr, Duration duration, String erkError) {
    return result(command, exitCode, stdout, stderr, duration, null, erkError);
  }

  private static ActionResult result(List<String> command, int exitCode, String stdout,
      String stderr, Duration duration, @Nullable Map<String, @Nullable Object> envelope,
      @Nullable String erkError) {
    boolean success = erkError == null && exitCode == 0
        && (envelope == null || !Boolean.FALSE.equals(envelope.get("success")));
    String message = erkError != null ? erkError
        : message(exitCode, stdout, stderr, envelope, success);
    return new ActionResult(command, exitCode, stdout, stderr, success, message, envelope,
        duration);
  }

  private static String message(int exitCode, String stdout, String stderr,
      @Nullable Map<String, @Nullable Object> envelope, boolean success) {
    if (envelope != null) {
      for (String key : List.of("error", "message")) {
        if (envelope.get(key) instanceof String text && !text.isBlank()) {
          return text;
        }
      }
    }
    String line = ErkMessages.lastMeaningfulLine(stderr);
    if (line.isEmpty()) {
      line = ErkMessages.lastMeaningfulLine(stdout);
    }
    if (line.isEmpty() && !success) {
      line = exitCode > 128 ? "killed by signal " + (exitCode - 128) : "exited with " + exitCode;
    }
    return line;
  }
}
