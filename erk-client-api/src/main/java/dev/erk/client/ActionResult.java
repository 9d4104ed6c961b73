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
   * erk's machine-readable error code, when its envelope carries one: {@code error_type} (the
   * {@code erk json} protocol and the exec scripts' {@code exit_with_error}), else {@code error}
   * when a separate {@code message} holds the human text ({@code get-pr-info}, {@code
   * get-pr-metadata}).
   */
  public Optional<String> errorType() {
    if (envelope == null) {
      return Optional.empty();
    }
    if (envelope.get("error_type") instanceof String type && !type.isBlank()) {
      return Optional.of(type);
    }
    if (envelope.get("error") instanceof String code && !code.isBlank()
        && envelope.get("message") instanceof String text && !text.isBlank()) {
      return Optional.of(code);
    }
    return Optional.empty();
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
