package dev.erk.client;

import java.util.regex.Pattern;

/**
 * Validates values before they become arguments of an erk command line.
 *
 * <p>erk is always spawned with an argv array, never through a shell, so quoting is not the
 * risk. The risks are a value that erk would read as an option (a leading {@code -}), and control
 * characters that no honest value contains.
 */
final class ArgumentCheck {
  private static final Pattern GITHUB_LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

  private ArgumentCheck() {}

  /** A single-token value: not blank, no leading {@code -}, no control character at all. */
  static String token(String what, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.startsWith("-")) {
      throw new IllegalArgumentException(
          what + " must not start with '-' (erk would read it as an option): " + value);
    }
    rejectControlCharacters(what, value, false);
    return value;
  }

  /**
   * Free text such as a comment or a prompt: line feeds and tabs are allowed, other control
   * characters (NUL included) are not.
   */
  static String text(String what, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    rejectControlCharacters(what, value, true);
    return value;
  }

  static int positive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
    return value;
  }

  static String githubLogin(String what, String value) {
    token(what, value);
    if (!GITHUB_LOGIN.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " is not a GitHub login: " + value);
    }
    return value;
  }

  static String digits(String what, String value) {
    if (!DIGITS.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be a decimal number: " + value);
    }
    return value;
  }

  private static void rejectControlCharacters(String what, String value, boolean allowLines) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean lineOrTab = c == '\n' || c == '\t';
      if ((Character.isISOControl(c) && !(allowLines && lineOrTab))
          || c == '\u2028'
          || c == '\u2029') {
        throw new IllegalArgumentException(
            String.format("%s must not contain control character U+%04X", what, (int) c));
      }
    }
  }
}
