package dev.erk.client;

import java.util.regex.Pattern;

/**
 * Validates values before they become arguments of an erk command line.
 *
 * <p>erk is always spawned with an argv array, never through a shell, so quoting is not the risk.
 * The risks are a value that erk would read as an option (a leading {@code -}), text that is not
 * valid UTF-16 (a lone surrogate would reach erk as {@code ?}), and characters that no honest value
 * contains. A refused value is shown whole in the message, cut to {@value #SHOWN_CHARACTERS}
 * characters, with invisible characters written as {@code \}{@code uXXXX}; free text (a comment, a
 * prompt, a custom argument) is not shown, only where the offending character is.
 */
final class ArgumentCheck {
  static final int SHOWN_CHARACTERS = 60;
  private static final Pattern GITHUB_LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

  private ArgumentCheck() {}

  /** A single-token value: not blank, no leading {@code -}, no control character at all. */
  static String token(String what, String value) {
    text(what, value, false);
    if (value.startsWith("-")) {
      throw refused(what, "must not start with '-' (erk would read it as an option)", value);
    }
    return value;
  }

  /**
   * A token in which every kind of space is refused too: Unicode whitespace and space separators
   * (no-break space included) and format characters (zero-width space, bidirectional overrides).
   */
  static String spaceless(String what, String value) {
    token(what, value);
    value
        .codePoints()
        .filter(ArgumentCheck::isSpaceOrFormat)
        .findFirst()
        .ifPresent(
            c -> {
              throw refused(
                  what,
                  String.format("must not contain whitespace or format character" + " U+%04X", c),
                  value);
            });
    return value;
  }

  /**
   * Free text such as a comment or a prompt: line feeds and tabs are allowed, other control
   * characters (NUL included) and lone surrogates are not.
   */
  static String text(String what, String value) {
    return text(what, value, true);
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
      throw refused(what, "is not a GitHub login", value);
    }
    return value;
  }

  static String digits(String what, String value) {
    if (!DIGITS.matcher(value).matches()) {
      throw refused(what, "must be a decimal number", value);
    }
    return value;
  }

  /** Strips leading and trailing whitespace as Python's {@code str.strip()} does. */
  static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isPythonSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  static IllegalArgumentException refused(String what, String rule, String value) {
    return new IllegalArgumentException(what + " " + rule + ": " + shown(value));
  }

  /**
   * A refusal of free text (a comment, a prompt, a custom argument): the message says where, not
   * what, since free text is never repeated in messages (see {@link Redaction}).
   */
  static IllegalArgumentException refusedFreeText(String what, String rule, String value, int at) {
    return new IllegalArgumentException(
        what
            + " "
            + rule
            + " (at character "
            + (at + 1)
            + " of "
            + value.length()
            + "; free text is not repeated in messages)");
  }

  /** The value quoted, invisible characters escaped, cut to {@link #SHOWN_CHARACTERS}. */
  static String shown(String value) {
    StringBuilder out = new StringBuilder("\"");
    int limit = Math.min(value.length(), SHOWN_CHARACTERS);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      boolean visible =
          c == ' '
              || !(Character.isISOControl(c) || Character.isSurrogate(c) || isSpaceOrFormat(c));
      out.append(visible ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    out.append('"');
    if (value.length() > limit) {
      out.append("… (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }

  private static String text(String what, String value, boolean allowLines) {
    if (value.isBlank()) {
      throw refusedFreeText(what, "must not be blank", value, 0);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        throw refusedFreeText(
            what, String.format("must be valid UTF-16 (lone surrogate U+%04X)", (int) c), value, i);
      }
      boolean lineOrTab = c == '\n' || c == '\t';
      if ((Character.isISOControl(c) && !(allowLines && lineOrTab))
          || c == '\u2028'
          || c == '\u2029') {
        throw refusedFreeText(
            what, String.format("must not contain control character U+%04X", (int) c), value, i);
      }
    }
    return value;
  }

  private static boolean isSpaceOrFormat(int c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT;
  }

  private static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || (c >= 0x1C && c <= 0x1F)
        || c == '\u0085';
  }
}
