package dev.erk.client.testkit;

import java.util.List;
import java.util.stream.Collectors;

/** Quotes Java strings for POSIX {@code sh} source, and renders argv for humans. */
final class ShellQuoting {

  private ShellQuoting() {}

  /**
   * Returns {@code text} as one single-quoted sh word. Inside single quotes every byte is literal
   * except the quote itself, which is written as {@code '\''}; {@code $(...)}, backquotes, {@code
   * ;} and newlines therefore stay inert.
   *
   * @throws IllegalArgumentException if {@code text} contains NUL, which no sh word can hold
   */
  static String quote(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a shell word cannot contain NUL: " + render(text));
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** Renders argv for messages: words that need no quoting bare, the others single-quoted. */
  static String render(List<String> argv) {
    return argv.stream().map(ShellQuoting::render).collect(Collectors.joining(" "));
  }

  static String render(String word) {
    if (!word.isEmpty() && word.chars().allMatch(ShellQuoting::isPlain)) {
      return word;
    }
    return "'"
        + word.replace("'", "'\\''").replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0")
        + "'";
  }

  private static boolean isPlain(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-_=.,/:@%+".indexOf(c) >= 0;
  }
}
