package dev.erk.client.internal;

import dev.erk.client.Redaction;
import java.util.List;

/**
 * Writes an argv as one line for messages, quoting what a POSIX shell would split. Not part of the
 * API: exported only to erk-client's own modules.
 */
public final class CommandLines {
  private CommandLines() {}

  /**
   * The command as one line: free text (comments, prompts) is {@linkplain Redaction#forMessages
   * redacted}; arguments with blanks, quotes or control characters are quoted.
   */
  public static String describe(List<String> command) {
    StringBuilder out = new StringBuilder();
    for (String arg : Redaction.forMessages(command)) {
      if (out.length() > 0) {
        out.append(' ');
      }
      boolean plain =
          !arg.isEmpty() && arg.chars().noneMatch(c -> c <= ' ' || c == '\'' || c == '"');
      out.append(plain ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return out.toString();
  }
}
