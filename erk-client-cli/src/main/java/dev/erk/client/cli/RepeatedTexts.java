package dev.erk.client.cli;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
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

  /** The string value the parser is on. */
  String read(JsonParser p, RowField field) throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    if (length > MAX_REUSED) {
      return new String(chars, offset, length);
    }
    String previous = last[field.ordinal()];
    if (previous != null && same(previous, chars, offset, length)) {
      return previous;
    }
    String text = new String(chars, offset, length);
    last[field.ordinal()] = text;
    return text;
  }

  private static boolean same(String text, char[] chars, int offset, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
