package dev.erk.client;

import static java.util.Objects.requireNonNull;

import dev.erk.client.internal.CommandLines;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one erk command did: its command line, exit code, output, and erk's reason in erk's words.
 *
 * <p>A command that exits non-zero is a result first: {@link #success()} is false and {@link
 * #message()} says why. Call {@link #orThrow()} (or {@link ErkClient#runOrThrow}) to turn a failed
 * result into an {@link ErkCommandFailedException}.
 *
 * <p><b>The message rule.</b> {@link #message()} is one line, taken in this order:
 *
 * <ol>
 *   <li>The JSON envelope's text: on failure its {@code message}, else its {@code error}; on
 *       success its {@code message}. When an envelope has both {@code error} and {@code message},
 *       or an {@code error_type}, the code is {@link #errorType()} and the text is the message
 *       ({@code {"error": "pr_not_found", "message": "PR #42 not found"}} reads {@code PR #42 not
 *       found}).
 *   <li>Else erk's human text, stderr first, then stdout unless stdout holds the envelope. On
 *       failure: the exception of a Python traceback (the last one), else the last {@code Error: …}
 *       line with the lines after it up to the first blank line (hints follow a blank line), else
 *       the last line. On success: the last line. ANSI codes are removed.
 *   <li>Else, on failure, {@code exited with N} or {@code killed by signal N}; on success, empty.
 * </ol>
 *
 * <p>A reason that spans lines is joined into one line with {@code " — "}. In erk's
 * subprocess-error shape ({@code Failed to …}, then {@code Command:}, {@code Exit code:}, {@code
 * stdout:}, {@code stderr:}), the {@code Command:}, {@code Full command:} and {@code Exit code:}
 * lines are context and are left out, and the {@code stderr:} text (else the {@code stdout:} text)
 * follows the headline: {@code RuntimeError: Failed to fetch GitHub token for github.com — no oauth
 * token found for github.com}. When the last lines of a successful command are such a block (a
 * warning), the block from its headline is the message. The raw JSON line is never the message.
 *
 * <p><b>Building one.</b> Use {@link #success} and {@link #failure}; {@link #success()} is derived
 * from the exit code and the envelope, so a result cannot claim success for a failed command. The
 * canonical constructor gains a component whenever erk's results gain a part; the two factories are
 * the stable way to build results (for tests).
 *
 * @param command the argv that ran, the executable first
 * @param exitCode the exit code, 0 or more; a process killed by a signal reports {@code 128 +
 *     signal}
 * @param stdout standard output, decoded as UTF-8; for a streamed action its bounded tail
 * @param stderr standard error, decoded as UTF-8; for a streamed action its bounded tail
 * @param message erk's reason by the rule above; never null, possibly empty on success
 * @param envelope the JSON object erk printed (on stdout, or on stderr for commands that write
 *     their errors there), as plain maps, lists, strings, numbers and booleans; null when erk
 *     printed none
 * @param payload the typed value of a JSON action's success (see {@link ActionPayload}); null on
 *     failure, for other commands, or when erk's answer lacked the keys
 * @param duration how long the command ran
 */
public record ActionResult(
    List<String> command,
    int exitCode,
    String stdout,
    String stderr,
    String message,
    @Nullable Map<String, @Nullable Object> envelope,
    @Nullable ActionPayload payload,
    Duration duration) {

  /**
   * Checks the components and copies the collections.
   *
   * @throws IllegalArgumentException if the exit code is negative, or a failed result has a payload
   */
  public ActionResult {
    command = List.copyOf(command);
    requireNonNull(stdout, "stdout");
    requireNonNull(stderr, "stderr");
    requireNonNull(message, "message");
    requireNonNull(duration, "duration");
    if (exitCode < 0) {
      throw new IllegalArgumentException("exitCode must not be negative: " + exitCode);
    }
    if (envelope != null) {
      envelope = Collections.unmodifiableMap(new LinkedHashMap<>(envelope));
    }
    if (payload != null && !succeeded(exitCode, envelope)) {
      throw new IllegalArgumentException("a failed result has no payload: " + payload);
    }
  }

  /**
   * A successful result: exit code 0.
   *
   * @throws IllegalArgumentException if the envelope says {@code "success": false}
   */
  public static ActionResult success(
      List<String> command,
      String stdout,
      String stderr,
      String message,
      @Nullable Map<String, @Nullable Object> envelope,
      @Nullable ActionPayload payload,
      Duration duration) {
    if (!succeeded(0, envelope)) {
      throw new IllegalArgumentException("the envelope says \"success\": false: " + envelope);
    }
    return new ActionResult(command, 0, stdout, stderr, message, envelope, payload, duration);
  }

  /**
   * A failed result: a non-zero exit, or an envelope saying {@code "success": false}.
   *
   * @throws IllegalArgumentException if the exit code is 0 and no envelope says it failed
   */
  public static ActionResult failure(
      List<String> command,
      int exitCode,
      String stdout,
      String stderr,
      String message,
      @Nullable Map<String, @Nullable Object> envelope,
      Duration duration) {
    if (succeeded(exitCode, envelope)) {
      throw new IllegalArgumentException("exit code 0 without a failing envelope is a success");
    }
    return new ActionResult(command, exitCode, stdout, stderr, message, envelope, null, duration);
  }

  /** Exit code 0 and, when erk printed a JSON envelope, its {@code "success"} not false. */
  public boolean success() {
    return succeeded(exitCode, envelope);
  }

  /**
   * erk's machine-readable error code, on failure: the envelope's {@code error_type}, or its {@code
   * error} when it also has a {@code message} (the {@code error} is then a code such as {@code
   * pr_not_found}). Empty on success and when erk gave no code.
   */
  public Optional<String> errorType() {
    if (envelope == null || success()) {
      return Optional.empty();
    }
    if (envelope.get("error_type") instanceof String type && !type.isBlank()) {
      return Optional.of(type);
    }
    if (envelope.get("error") instanceof String code
        && !code.isBlank()
        && envelope.get("message") instanceof String text
        && !text.isBlank()) {
      return Optional.of(code);
    }
    return Optional.empty();
  }

  /** The envelope, if erk printed one. */
  public Optional<Map<String, @Nullable Object>> json() {
    return Optional.ofNullable(envelope);
  }

  /**
   * The typed value of a JSON action's success, if it is of the given type.
   *
   * <pre>{@code
   * class Closing {
   *   static void close(ErkClient erk, PlanRow row) {
   *     ActionResult closed = erk.run(DashboardAction.CLOSE_PR.request(row, "Superseded"));
   *     closed.payload(ActionPayload.PlanClosed.class)
   *         .ifPresent(c -> System.out.println("comment " + c.commentId()));
   *   }
   * }
   * }</pre>
   */
  public <T extends ActionPayload> Optional<T> payload(Class<T> type) {
    return type.isInstance(payload) ? Optional.of(type.cast(payload)) : Optional.empty();
  }

  /**
   * A bounded description for logs: the command with free text {@linkplain Redaction redacted}, the
   * exit, the message, and at most 200 characters of the output, the envelope and the message each
   * (with their full length). {@link #stdout()} and the other accessors hold everything.
   */
  @Override
  public String toString() {
    return "ActionResult[command="
        + CommandLines.describe(command)
        + ", exitCode="
        + exitCode
        + ", success="
        + success()
        + ", message="
        + ValueText.bounded(message)
        + ", stdout="
        + ValueText.bounded(stdout)
        + ", stderr="
        + ValueText.bounded(stderr)
        + ", envelope="
        + (envelope == null ? "null" : ValueText.bounded(envelope.toString()))
        + ", duration="
        + duration
        + "]";
  }

  /**
   * This result if it succeeded.
   *
   * @throws ErkCommandFailedException carrying this result, if it did not
   */
  public ActionResult orThrow() {
    if (!success()) {
      throw new ErkCommandFailedException(this);
    }
    return this;
  }

  private static boolean succeeded(int exitCode, @Nullable Map<String, @Nullable Object> envelope) {
    return exitCode == 0 && (envelope == null || !Boolean.FALSE.equals(envelope.get("success")));
  }
}
