package dev.erk.client.cli.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Finds erk's reason in what it printed, in erk's words, as one line: the text rule of {@link
 * dev.erk.client.ActionResult}'s message.
 *
 * <p>Text is read as a line listener sees it (one {@link LineSplitter}: ANSI codes removed, split
 * on LF, CR and CRLF). A block of lines becomes one line: its headline, its other lines, and for
 * erk's subprocess-error shape ({@code Command:}/{@code Full command:}, {@code Exit code:}, {@code
 * stdout:}, {@code stderr:}) the {@code stderr:} text (else the {@code stdout:} text) without the
 * context lines, joined with {@link #SEPARATOR}.
 */
public final class ErkMessages {
  /** Joins the lines of a reason that spans several. */
  public static final String SEPARATOR = " \u2014 ";

  private static final String TRACEBACK = "Traceback (most recent call last):";
  private static final String ERROR = "Error: ";
  private static final int MAX_LINE_CHARS = 1024 * 1024;

  private ErkMessages() {}

  /**
   * The reason in a stream's text; "" if it has no non-blank line.
   *
   * @param failed whether the command failed: then a traceback's exception, else the last {@code
   *     Error:} paragraph, comes before the last line
   */
  public static String reason(String text, boolean failed) {
    List<String> lines = lines(text);
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    if (end == 0) {
      return "";
    }
    if (failed) {
      int header = lastStartingWith(lines, TRACEBACK, end);
      if (header >= 0) {
        for (int i = header + 1; i < end; i++) {
          String line = lines.get(i);
          if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
            return summary(lines.subList(i, end));
          }
        }
      }
      int error = lastStartingWith(lines, ERROR, end);
      if (error >= 0) {
        int paragraphEnd = error + 1;
        while (paragraphEnd < end && !lines.get(paragraphEnd).isBlank()) {
          paragraphEnd++;
        }
        return summary(lines.subList(error, paragraphEnd));
      }
    }
    return summary(lines.subList(lastBlockStart(lines, end), end));
  }

  /** erk's text given whole (a JSON {@code message} or {@code error}) as one line. */
  public static String summary(String text) {
    return summary(lines(text));
  }

  /** The lines of the text, as a line listener receives them. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    LineSplitter splitter = new LineSplitter(lines::add, MAX_LINE_CHARS);
    splitter.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    splitter.finish();
    return lines;
  }

  private static int lastStartingWith(List<String> lines, String prefix, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Where the last statement begins: the last line, or, when the last lines of the paragraph are a
   * subprocess error's context, the headline above its {@code Command:} line.
   */
  private static int lastBlockStart(List<String> lines, int end) {
    for (int i = end - 1; i > 0 && !lines.get(i).isBlank(); i--) {
      if (isCommandLine(lines.get(i)) && !lines.get(i - 1).isBlank()) {
        return i - 1;
      }
    }
    return end - 1;
  }

  private static boolean isCommandLine(String line) {
    return line.startsWith("Command: ") || line.startsWith("Full command: ");
  }

  private enum Part {
    REASON,
    CONTEXT,
    STDOUT,
    STDERR
  }

  private static String summary(List<String> block) {
    List<String> reason = new ArrayList<>();
    List<String> stdout = new ArrayList<>();
    List<String> stderr = new ArrayList<>();
    Part part = Part.REASON;
    for (String line : block) {
      if (isCommandLine(line)) {
        part = Part.CONTEXT;
      } else if (part != Part.REASON && line.startsWith("Exit code: ")) {
        part = Part.CONTEXT;
      } else if (part != Part.REASON && line.startsWith("stdout: ")) {
        part = Part.STDOUT;
        stdout.add(line.substring("stdout: ".length()));
      } else if (part != Part.REASON && line.startsWith("stderr: ")) {
        part = Part.STDERR;
        stderr.add(line.substring("stderr: ".length()));
      } else {
        switch (part) {
          case REASON -> reason.add(line);
          case STDOUT -> stdout.add(line);
          case STDERR -> stderr.add(line);
          case CONTEXT -> {} // the command's own lines, such as a multi-line GraphQL query
        }
      }
    }
    reason.addAll(stderr.isEmpty() ? stdout : stderr);
    StringJoiner joined = new StringJoiner(SEPARATOR);
    for (String line : reason) {
      // One printable line: control characters the splitter keeps (NUL, tab …) become spaces.
      String printable =
          line.codePoints()
              .map(c -> Character.isISOControl(c) ? ' ' : c)
              .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
              .toString();
      if (!printable.isBlank()) {
        joined.add(printable.strip());
      }
    }
    return joined.toString();
  }
}
