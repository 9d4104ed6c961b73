package dev.erk.client.cli.internal;

import java.util.ArrayDeque;

/**
 * The last characters of a stream, for an action's result: whole lines where they fit, and the end
 * of a line too long to fit, so the text never exceeds {@code maxChars}.
 */
final class TextTail {
  private final int maxChars;
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private long chars;

  TextTail(int maxChars) {
    this.maxChars = maxChars;
  }

  synchronized void add(String line) {
    String kept = line.length() >= maxChars ? line.substring(line.length() - (maxChars - 1)) : line;
    lines.addLast(kept);
    chars += kept.length() + 1;
    while (chars > maxChars) {
      String first = lines.removeFirst();
      long excess = chars - maxChars;
      chars -= first.length() + 1;
      if (excess < first.length()) {
        // Keep the end of the oldest line: the tail is the last maxChars characters exactly.
        String end = first.substring((int) excess);
        lines.addFirst(end);
        chars += end.length() + 1;
      }
    }
  }

  /** The kept lines, each ended by a line feed. */
  synchronized String text() {
    StringBuilder out = new StringBuilder((int) Math.min(chars, maxChars + 1L));
    for (String line : lines) {
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
