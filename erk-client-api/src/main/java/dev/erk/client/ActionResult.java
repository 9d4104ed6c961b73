package dev.erk.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one erk command did: its command line, exit code, output and the message meant for a
 * human.
 *
 * <p>A command that exits non-zero is a result first: {@link #success()} is false and
 * {@link #message()} says why. Call {@link #orThrow()} (or {@link ErkClient#runOrThrow}) to turn a
 * failed result into an {@link ErkCommandFailedException}.
 *
 * @param command the argv that ran, the executable first
 * @param exitCode the exit code; a process killed by a signal reports {@code 128 + signal}
 * @param stdout standard output, decoded as UTF-8; for a streamed action its bounded tail
 * @param stderr standard error, decoded as UTF-8; for a streamed action its bounded tail
 * @param success exit code 0 and, when erk printed a JSON envelope, {@code "success"} not false
 * @param message erk's JSON {@code error} or {@code message}, else the last meaningful stderr (or
 *     stdout) line, else a description of the exit; never null, possibly empty on success
 * @param envelope the JSON object erk printed (on stdout, or on stderr for commands that write
 *     their errors there), as plain maps, lists, strings, numbers and booleans; null when erk
 *     printed none
 * @param duration how long the command ran
 */
public record ActionResult(
    List<String> command,
    int exitCode,
    String stdout,
    String stderr,
    boolean success,
    String message,
    @Nullable Map<String, @Nullable Object> envelope,
    Duration duration) {

  /** Checks the non-null components and copies the collections. */
  public ActionResult {
    command = List.copyOf(command);
    requireNonNull(stdout, "stdout");
    requireNonNull(stderr, "stderr");
    requireNonNull(message, "message");
    requireNonNull(duration, "duration");
    if (envelope != null) {
      envelope = Collections.unmodifiableMap(new LinkedHashMap<>(envelope));
    }
  }

  /** The envelope, if erk printed one. */
  public Optional<Map<String, @Nullable Object>> json() {
    return Optional.ofNullable(envelope);
  }

  /**
   * A bounded description for logs: the command with free text {@linkplain Redaction redacted},
   * the exit, the message, and at most 200 characters of the output,
   * the envelope and the message each (with their full length). {@link #stdout()} and the other
   * accessors hold everything.
   */
  @Override
  public String toString() {
    return "ActionResult[command=" + ErkException.describe(command) + ", exitCode=" + exitCode
        + ", success=" + success + ", message=" + ValueText.bounded(message)
        + ", stdout=" + ValueText.bounded(stdout) + ", stderr=" + ValueText.bounded(stderr)
        + ", envelope=" + (envelope == null ? "null" : ValueText.bounded(envelope.toString()))
        + ", duration=" + duration + "]";
  }

  /**
   * This result if it succeeded.
   *
   * @throws ErkCommandFailedException carrying this result, if it did not
   */
  public ActionResult orThrow() {
    if (!success) {
      throw new ErkCommandFailedException(this);
    }
    return this;
  }
}
