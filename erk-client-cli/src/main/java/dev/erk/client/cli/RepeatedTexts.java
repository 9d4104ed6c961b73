package dev.erk.client.cli;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads a row's string value, reusing the previous row's {@link String} for the same key when the
 * characters are the same. Many display keys repeat from row to row ({@code "-"}, a lifecycle
 * label, an author), so this saves building and keeping one string per row and key; the characters
 * are still decoded and checked by the parser as before.
 */
@SuppressWarnings("EnumOrdinal") // a table indexed by RowField, as in RowSlots
final class RepeatedTexts {
  /** Longer values (titles, bodies, URLs) rarely repeat; comparing them would only cost. */
  private static final int MAX_REUSED = 48;

  private final @Nullable String[] last = new @Nullable String[RowField.values().length];
  // The same characters in a buffer per key: Arrays.equals is vectorised, String.charAt is not.
  private final char[][] lastChars = new char[RowField.values().length][MAX_REUSED];

  /** The string value the parser is on. */
  String read(JsonParser p, RowField field) throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    if (length > MAX_REUSED) {
      return new String(chars, offset, length);
    }
    int slot = field.ordinal();
    String previous = last[slot];
    char[] previousChars = lastChars[slot];
    if (previous != null
        && previous.length() == length
        && Arrays.equals(previousChars, 0, length, chars, offset, offset + length)) {
      return previous;
    }
    String text = new String(chars, offset, length);
    last[slot] = text;
    System.arraycopy(chars, offset, previousChars, 0, length);
    return text;
  }
}
