package dev.erk.client.cli.internal;

import java.util.regex.Pattern;

/**
 * Finds the line of erk's output that a human should see when a command fails.
 *
 * <p>For a Python traceback that is the exception line after the last {@code Traceback} header
 * (e.g. {@code RuntimeError: Command not found while trying to fetch GitHub token for github.com:
 * gh}), not the continuation lines after it; otherwise the last non-blank line, such as Click's
 * {@code Error: No such command 'x'.} or {@code Aborted!}.
 */
public final class ErkMessages {
  private static final String TRACEBACK = "Traceback (most recent call last):";
  private static final Pattern ANSI =
      Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|[@-Z\\\\-_])");

  private ErkMessages() {}

  /** The meaningful line of the text, stripped of ANSI codes and blanks; "" if there is none. */
  public static String lastMeaningfulLine(String text) {
    String clean = ANSI.matcher(text).replaceAll("").replace('\0', ' ');
    String[] lines = clean.split("\r\n|\r|\n");
    int header = -1;
    for (int i = lines.length - 1; i >= 0; i--) {
      if (lines[i].startsWith(TRACEBACK)) {
        header = i;
        break;
      }
    }
    if (header >= 0) {
      for (int i = header + 1; i < lines.length; i++) {
        String line = lines[i];
        if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
          return line.strip();
        }
      }
    }
    for (int i = lines.length - 1; i >= 0; i--) {
      if (!lines[i].isBlank()) {
        return lines[i].strip();
      }
    }
    return "";
  }
}
