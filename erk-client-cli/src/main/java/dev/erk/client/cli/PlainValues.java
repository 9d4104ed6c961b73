package dev.erk.client.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON value into the plain Java values a default Jackson {@code ObjectMapper} gives for
 * {@code Object.class}: {@link LinkedHashMap} for objects, {@link ArrayList} for lists, {@link
 * String}, {@link Integer}/{@link Long}/{@link java.math.BigInteger} by size, {@link Double},
 * {@link Boolean} and null. A key that comes twice in one object is an error.
 *
 * <p>Why not the mapper: building an {@code ObjectMapper} and its untyped deserializer costs a cold
 * JVM about as much as the whole first call of a plain {@code ProcessBuilder} program, and a codec
 * without a caller's mapper needs nothing else from it. Iterative, so no nesting depth overflows
 * the stack (Jackson's nesting limit applies in the parser).
 */
final class PlainValues {
  private PlainValues() {}

  /** Reads the value whose first token the parser is on; leaves the parser on its last token. */
  static @Nullable Object read(JsonParser p) throws IOException, UnexpectedShape {
    JsonToken token = p.currentToken();
    if (!token.isStructStart()) {
      return scalar(p, token);
    }
    ArrayDeque<Object> open = new ArrayDeque<>();
    Object root = container(token);
    open.push(root);
    while (!open.isEmpty()) {
      Object current = open.peek();
      String name = null;
      if (current instanceof Map) {
        name = p.nextFieldName();
        if (name == null) {
          open.pop();
          continue;
        }
        if (((Map<?, ?>) current).containsKey(name)) {
          throw StrictValues.duplicate(p, name);
        }
      }
      token = p.nextToken();
      if (token == JsonToken.END_ARRAY) {
        open.pop();
        continue;
      }
      if (token.isStructStart()) {
        Object child = container(token);
        add(current, name, child);
        open.push(child);
      } else {
        add(current, name, scalar(p, token));
      }
    }
    return root;
  }

  private static Object container(JsonToken token) {
    return token == JsonToken.START_OBJECT
        ? new LinkedHashMap<String, @Nullable Object>()
        : new ArrayList<@Nullable Object>();
  }

  @SuppressWarnings("unchecked") // only this class builds these containers
  private static void add(Object container, @Nullable String name, @Nullable Object value) {
    if (name != null) {
      ((Map<String, @Nullable Object>) container).put(name, value);
    } else {
      ((List<@Nullable Object>) container).add(value);
    }
  }

  private static @Nullable Object scalar(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      default -> throw new IllegalStateException("not a JSON value: " + token);
    };
  }
}
