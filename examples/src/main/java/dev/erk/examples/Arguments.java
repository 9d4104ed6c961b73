package dev.erk.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Walks a command line of GNU-style long options: {@code --name value}, {@code --name=value} and
 * bare flags. Each example's options class asks it for the next option and its value.
 */
final class Arguments {
  private final Deque<String> tokens;
  private @Nullable String inlineValue;

  Arguments(String[] args) {
    this.tokens = new ArrayDeque<>(Arrays.asList(args));
  }

  boolean hasNext() {
    return !tokens.isEmpty();
  }

  /** The next option's name, e.g. {@code --limit}; its {@code =value} part is kept for later. */
  String nextOption() throws UsageException {
    String token = tokens.removeFirst();
    if (!token.startsWith("--") || token.length() == 2) {
      throw new UsageException("unexpected argument '" + token + "'");
    }
    int equals = token.indexOf('=');
    inlineValue = equals < 0 ? null : token.substring(equals + 1);
    return equals < 0 ? token : token.substring(0, equals);
  }

  /** Refuses an {@code =value} given to a flag. */
  void flag(String option) throws UsageException {
    if (inlineValue != null) {
      throw new UsageException(option + " takes no value");
    }
  }

  String value(String option) throws UsageException {
    String value = inlineValue;
    inlineValue = null;
    if (value == null) {
      if (tokens.isEmpty() || tokens.peekFirst().startsWith("--")) {
        throw new UsageException(option + " needs a value");
      }
      value = tokens.removeFirst();
    }
    if (value.isEmpty()) {
      throw new UsageException(option + " needs a non-empty value");
    }
    return value;
  }

  int positiveInt(String option) throws UsageException {
    return intAtLeast(option, 1);
  }

  int intAtLeast(String option, int min) throws UsageException {
    String value = value(option);
    try {
      int n = Integer.parseInt(value);
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        option + " needs a whole number of at least " + min + ", not '" + value + "'");
  }

  /** Seconds, possibly fractional ({@code 0.5}), as a positive duration. */
  Duration seconds(String option) throws UsageException {
    String value = value(option);
    try {
      double seconds = Double.parseDouble(value);
      if (seconds > 0 && seconds < 86_400) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " needs a positive number of seconds, not '" + value + "'");
  }

  Path path(String option) throws UsageException {
    return Path.of(value(option));
  }

  static UsageException unknown(String option) {
    return new UsageException("unknown option " + option);
  }
}
