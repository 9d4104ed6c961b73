package dev.erk.client.cli;

import dev.erk.client.ActionResult;
import dev.erk.client.cli.internal.ActionResults;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** What a finished, collected command printed: raw stdout bytes, and stderr. */
@SuppressWarnings("ArrayRecordComponent") // internal: the collector's buffer, not copied
record Collected(
    List<String> command,
    int exitCode,
    byte[] stdout,
    int stdoutSize,
    String stderr,
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

  /** The result, derived by {@link ActionResults#of}. */
  ActionResult toResult(ErkJson json) {
    return ActionResults.of(command, exitCode, stdoutText(), stderr, duration, json);
  }

  /** The failed result of a call whose envelope said {@code error}. */
  ActionResult failure(String erkError) {
    return ActionResults.failure(command, exitCode, stdoutText(), stderr, duration, erkError);
  }
}
