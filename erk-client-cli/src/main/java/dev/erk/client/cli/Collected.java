package dev.erk.client.cli;

import dev.erk.client.ActionResult;
import dev.erk.client.cli.internal.ErkMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a finished, collected command printed: raw stdout bytes, and stderr. */
record Collected(List<String> command, int exitCode, byte[] stdout, int stdoutSize, String stderr,
    Duration duration) {

  String stdoutText() {
    return new String(stdout, 0, stdoutSize, StandardCharsets.UTF_8);
  }

  boolean stdoutIsBlank() {
    for (int i = 0; i < stdoutSize; i++) {
      byte b = stdout[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The result, with the JSON envelope erk printed on stdout (or, for some commands, stderr). */
  ActionResult toResult(ErkJson json) {
    String out = stdoutText();
    Map<String, @Nullable Object> envelope = json.decodeObject(out);
    if (envelope == null && exitCode != 0) {
      envelope = json.decodeObject(stderr);
    }
    return result(out, envelope, null);
  }

  /** The failed result of a call whose envelope said {@code error}. */
  ActionResult failure(String erkError) {
    return result(stdoutText(), null, erkError);
  }

  private ActionResult result(
      String out, @Nullable Map<String, @Nullable Object> envelope, @Nullable String erkError) {
    boolean success = erkError == null && exitCode == 0
        && (envelope == null || !Boolean.FALSE.equals(envelope.get("success")));
    String message = erkError != null ? erkError : message(out, envelope, success);
    return new ActionResult(command, exitCode, out, stderr, success, message, envelope, duration);
  }

  private String message(String out, @Nullable Map<String, @Nullable Object> envelope,
      boolean success) {
    if (envelope != null) {
      for (String key : List.of("error", "message")) {
        if (envelope.get(key) instanceof String text && !text.isBlank()) {
          return text;
        }
      }
    }
    String line = ErkMessages.lastMeaningfulLine(stderr);
    if (line.isEmpty()) {
      line = ErkMessages.lastMeaningfulLine(out);
    }
    if (line.isEmpty() && !success) {
      line = exitCode > 128 ? "killed by signal " + (exitCode - 128) : "exited with " + exitCode;
    }
    return line;
  }
}
