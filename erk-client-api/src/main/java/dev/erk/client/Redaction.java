package dev.erk.client;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Hides the free text of an erk command line (comments, prompts) from what the SDK writes for
 * humans: log lines, exception messages and {@code toString}.
 *
 * <p>Free text is where the catalogue's free-text parameters go ({@link ActionParameter#COMMENT},
 * {@link ActionParameter#PROMPT}), recognized by the shape of the argv, so a custom command of the
 * same shape is redacted too:
 *
 * <ul>
 *   <li>the value of {@code --comment}, as {@code --comment=TEXT} or {@code --comment TEXT};
 *   <li>every argument after {@code one-shot} that is not an option (the prompt).
 * </ul>
 *
 * <p>Each such value becomes {@value #MARK}. Numbers, branches, options and the command names stay,
 * so a redacted line still says what ran. The argv itself ({@link ErkException#command()}, {@link
 * ActionResult#command()}) is never redacted.
 */
public final class Redaction {
  /** What a redacted value is replaced with. */
  public static final String MARK = "<redacted>";

  /**
   * The system property that, set to {@code false}, keeps free text in exception messages and in
   * {@code toString} of results, JVM-wide (those values cannot know which client made them). A
   * client's DEBUG log and events follow its builder's {@code redactFreeText} instead.
   */
  public static final String PROPERTY = "dev.erk.client.redactFreeText";

  private static final String COMMENT = "--comment";
  private static final String ONE_SHOT = "one-shot";

  private Redaction() {}

  /**
   * The argv as exception messages and {@code toString} show it: {@linkplain #redact redacted},
   * unless the system property {@value #PROPERTY} is {@code false}.
   */
  public static List<String> forMessages(List<String> command) {
    return "false".equals(System.getProperty(PROPERTY)) ? command : redact(command);
  }

  /**
   * The argv with its free-text values replaced by {@value #MARK}; the same list if it has none.
   *
   * @param command an argv, with or without the executable first
   */
  public static List<String> redact(List<String> command) {
    @Nullable List<String> redacted = null;
    boolean prompt = false;
    for (int i = 0; i < command.size(); i++) {
      String argument = command.get(i);
      @Nullable String replacement = null;
      if (argument.startsWith(COMMENT + "=")) {
        replacement = COMMENT + "=" + MARK;
      } else if (i > 0 && command.get(i - 1).equals(COMMENT)) {
        replacement = MARK;
      } else if (prompt && !argument.startsWith("-")) {
        replacement = MARK;
      }
      if (argument.equals(ONE_SHOT)) {
        prompt = true;
      }
      if (replacement != null && !replacement.equals(argument)) {
        if (redacted == null) {
          redacted = new ArrayList<>(command);
        }
        redacted.set(i, replacement);
      }
    }
    return redacted == null ? command : List.copyOf(redacted);
  }
}
