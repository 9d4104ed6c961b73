package dev.erk.client.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.jspecify.annotations.Nullable;

/** Well-formed JSON whose shape or values are not what erk writes; carries the byte offset. */
final class UnexpectedShape extends Exception {
  private static final long serialVersionUID = 1L;

  private final long offset;

  UnexpectedShape(String message, long offset, @Nullable Throwable cause) {
    super(message, cause);
    this.offset = offset;
  }

  /** A problem with the value the parser is on now. */
  static UnexpectedShape at(JsonParser parser, String message) {
    return new UnexpectedShape(message, parser.currentTokenLocation().getByteOffset(), null);
  }

  long offset() {
    return offset;
  }

  /** A token as a phrase for messages: "a string", "an object", "null", … */
  static String describe(@Nullable JsonToken token) {
    if (token == null) {
      return "the end of the output";
    }
    return switch (token) {
      case START_OBJECT, END_OBJECT -> "an object";
      case START_ARRAY, END_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case FIELD_NAME -> "a key";
      case VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE -> "an unexpected token";
    };
  }
}
