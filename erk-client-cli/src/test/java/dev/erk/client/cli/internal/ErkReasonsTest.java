package dev.erk.client.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.erk.client.ActionResult;
import dev.erk.client.cli.ErkJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * erk's real error and success texts, each with where it comes from (erk's file and the tags where
 * it reads so), through the one derivation: success, message and error type. The texts are built
 * exactly as erk's code builds them; {@code docs/erk-messages.md} lists the sources.
 */
class ErkReasonsTest {
  private static final ErkJson JSON = ErkJson.create();
  static final String ALL = "HEAD, v0.9.11, v0.9.0, v0.7.2";

  /** One case: where the text comes from, what erk printed, and what the result must say. */
  record Case(
      String source,
      String tags,
      int exitCode,
      String stdout,
      String stderr,
      boolean success,
      String message,
      Optional<String> errorType) {
    @Override
    public String toString() {
      return source + " @ " + tags;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
            SubprocessReasons.cases(),
            ClickReasons.cases(),
            EnvelopeReasons.cases(),
            SuccessReasons.cases())
        .flatMap(List::stream);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theResultSaysErksReasonInErksWords(Case c) {
    ActionResult result =
        ActionResults.of(
            List.of("erk", "exec", "x"), c.exitCode(), c.stdout(), c.stderr(), Duration.ZERO, JSON);

    assertEquals(c.success(), result.success(), "success");
    assertEquals(c.message(), result.message(), "message");
    assertEquals(c.errorType(), result.errorType(), "errorType");
  }

  static Case failure(
      String source, String tags, int exitCode, String stdout, String stderr, String message) {
    return new Case(source, tags, exitCode, stdout, stderr, false, message, Optional.empty());
  }

  static Case coded(
      String source,
      String tags,
      int exitCode,
      String stdout,
      String stderr,
      String message,
      String errorType) {
    return new Case(source, tags, exitCode, stdout, stderr, false, message, Optional.of(errorType));
  }

  static Case success(String source, String tags, String stdout, String stderr, String message) {
    return new Case(source, tags, 0, stdout, stderr, true, message, Optional.empty());
  }

  /** A Python traceback ending in the given exception text, as CPython 3.11 prints it. */
  static String traceback(String pythonFile, String function, String exception) {
    return "Traceback (most recent call last):\n"
        + "  File \"/opt/erk/"
        + pythonFile
        + "\", line 168, in "
        + function
        + "\n"
        + "    raise RuntimeError(error_msg) from e\n"
        + exception
        + "\n";
  }
}
