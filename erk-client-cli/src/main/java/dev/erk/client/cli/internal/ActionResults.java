package dev.erk.client.cli.internal;

import dev.erk.client.ActionResult;
import dev.erk.client.cli.ErkJson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Derives an {@link ActionResult} from what a finished command printed: whether it succeeded, its
 * JSON envelope, erk's reason and the typed payload. The one place these rules live: the client's
 * runs and streams and the testkit's in-memory client all come here.
 *
 * <p>The rules are those of {@link ActionResult}'s Javadoc; the text part is {@link ErkMessages}
 * and the payloads are {@link Payloads}.
 */
public final class ActionResults {
  private ActionResults() {}

  /**
   * The result, with the JSON envelope erk printed on stdout or, when it failed and printed none
   * there, on stderr (where some commands write their errors).
   */
  public static ActionResult of(
      List<String> command,
      int exitCode,
      String stdout,
      String stderr,
      Duration duration,
      ErkJson json) {
    Map<String, @Nullable Object> envelope = json.decodeObject(stdout);
    boolean onStdout = envelope != null;
    if (envelope == null && exitCode != 0) {
      envelope = json.decodeObject(stderr);
    }
    return derive(command, exitCode, stdout, stderr, duration, envelope, onStdout);
  }

  /**
   * The failed result of a command whose stdout envelope said {@code "success": false} with this
   * {@code error}, when the envelope was read by a streaming decoder rather than as a map.
   */
  public static ActionResult failure(
      List<String> command,
      int exitCode,
      String stdout,
      String stderr,
      Duration duration,
      String erkError) {
    Map<String, @Nullable Object> envelope = new LinkedHashMap<>();
    envelope.put("success", false);
    envelope.put("error", erkError);
    return derive(command, exitCode, stdout, stderr, duration, envelope, true);
  }

  private static ActionResult derive(
      List<String> command,
      int exitCode,
      String stdout,
      String stderr,
      Duration duration,
      @Nullable Map<String, @Nullable Object> envelope,
      boolean onStdout) {
    boolean failed =
        exitCode != 0 || (envelope != null && Boolean.FALSE.equals(envelope.get("success")));
    String message = message(exitCode, stdout, stderr, envelope, onStdout, failed);
    if (failed) {
      return ActionResult.failure(command, exitCode, stdout, stderr, message, envelope, duration);
    }
    return ActionResult.success(
        command,
        stdout,
        stderr,
        message,
        envelope,
        envelope == null ? null : Payloads.decode(command, envelope),
        duration);
  }

  private static String message(
      int exitCode,
      String stdout,
      String stderr,
      @Nullable Map<String, @Nullable Object> envelope,
      boolean onStdout,
      boolean failed) {
    if (envelope != null) {
      String text = text(envelope, "message");
      if (text.isEmpty() && failed) {
        text = text(envelope, "error");
      }
      if (!text.isEmpty()) {
        return ErkMessages.summary(text);
      }
    }
    boolean envelopeOnStderr = envelope != null && !onStdout;
    String reason = envelopeOnStderr ? "" : ErkMessages.reason(stderr, failed);
    if (reason.isEmpty() && !onStdout) {
      reason = ErkMessages.reason(stdout, failed);
    }
    if (reason.isEmpty() && failed) {
      reason =
          exitCode > 128
              ? "killed by signal " + (exitCode - 128)
              : exitCode == 0 ? "erk reported \"success\": false" : "exited with " + exitCode;
    }
    return reason;
  }

  private static String text(Map<String, @Nullable Object> envelope, String key) {
    return envelope.get(key) instanceof String text && !text.isBlank() ? text : "";
  }
}
