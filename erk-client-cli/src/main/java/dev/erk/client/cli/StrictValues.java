package dev.erk.client.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads or skips a free-form value of a dash-data answer (an unknown row key's, an unknown envelope
 * key's) checking it for duplicate keys, so that the main parser can leave Jackson's detection off:
 * with {@link PlainValues}, or with a caller's mapper on a parser of its own over the same bytes
 * that has the detection on.
 *
 * <p>Why: Jackson detects duplicates with a hash set per JSON object, which for 55-key rows was
 * about a sixth of decoding. {@link RowReader} and {@link DashDataReader} check their own keys
 * against what they already hold; only the free-form values, whose objects they do not see, come
 * here. Errors keep the byte offset in the whole output and Jackson's message, and come in the same
 * document order as with the detection on the main parser.
 */
final class StrictValues {
  private final JsonFactory strict;
  private final @Nullable ObjectReader untyped;
  private final byte[] bytes;
  private final int length;

  /**
   * @param strict must have {@code STRICT_DUPLICATE_DETECTION} on
   * @param untyped a caller's mapper's reader; null for {@link PlainValues}, which checks
   *     duplicates itself and needs no second parser
   */
  StrictValues(JsonFactory strict, @Nullable ObjectReader untyped, byte[] bytes, int length) {
    this.strict = strict;
    this.untyped = untyped;
    this.bytes = bytes;
    this.length = length;
  }

  /**
   * Reads the value the parser is on as plain Java values (through the untyped reader) and leaves
   * the parser on the value's last token.
   */
  @Nullable Object read(JsonParser p) throws IOException, UnexpectedShape {
    ObjectReader reader = untyped;
    if (reader == null) {
      return PlainValues.read(p);
    }
    if (!p.currentToken().isStructStart()) {
      return reader.readValue(p);
    }
    return aside(p, reader, true);
  }

  /** Skips the value the parser is on, checking it for duplicate keys. */
  void skip(JsonParser p) throws IOException, UnexpectedShape {
    ObjectReader reader = untyped;
    if (reader == null) {
      PlainValues.read(p);
    } else if (p.currentToken().isStructStart()) {
      aside(p, reader, false);
    }
  }

  private @Nullable Object aside(JsonParser p, ObjectReader reader, boolean keep)
      throws IOException, UnexpectedShape {
    int start = (int) p.currentTokenLocation().getByteOffset();
    Object value = null;
    try (JsonParser own = strict.createParser(bytes, start, length - start)) {
      own.nextToken();
      if (keep) {
        value = reader.readValue(own);
      } else {
        own.skipChildren();
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      long offset = at != null && at.getByteOffset() >= 0 ? start + at.getByteOffset() : start;
      throw new UnexpectedShape("invalid JSON: " + DashDataReader.what(e), offset, e);
    }
    p.skipChildren();
    return value;
  }

  /** The error for a key that a JSON object of the answer holds twice. */
  static UnexpectedShape duplicate(JsonParser p, String name) {
    return UnexpectedShape.at(p, "invalid JSON: Duplicate field '" + name + "'");
  }
}
