package dev.erk.client.cli.internal;

import java.util.ArrayDeque;

/** The last lines of a stream, up to a number of characters, for an action's result. */
final class TextTail {
  private final int maxChars;
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private long chars;

  TextTail(int maxChars) {
    this.maxChars = maxChars;
  }

  synchronized void add(String line) {
    lines.addLast(line);
    chars += line.length() + 1;
    while (chars > maxChars && lines.size() > 1) {
      chars -= lines.removeFirst().length() + 1;
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
