package dev.erk.examples.web;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reading requests and writing JSON answers on an {@link HttpExchange}. */
final class Exchanges {
  /**
   * Writes {@code <}, {@code >}, {@code &} and {@code '} as JSON unicode escapes, so that an answer
   * never holds erk's markup literally, even if a browser were to read it as HTML.
   */
  static final ObjectMapper JSON =
      new ObjectMapper(new JsonFactoryBuilder().characterEscapes(new HtmlSafeEscapes()).build());

  /** The most a request body may hold: an action request is a few hundred bytes. */
  private static final int BODY_LIMIT = 64 * 1024;

  private Exchanges() {}

  /** Writes {@code body} as JSON with {@code status} and closes the exchange. */
  static void json(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Answers {@code {"error": message}} with {@code status}. */
  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, Map.of("error", message));
  }

  /** Writes plain bytes with a content type and closes the exchange. */
  static void bytes(HttpExchange exchange, String contentType, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * The request body as a JSON object of strings and numbers.
   *
   * @throws IllegalArgumentException if it is not a JSON object or too large
   */
  static Map<String, Object> jsonBody(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(BODY_LIMIT + 1);
    }
    if (body.length > BODY_LIMIT) {
      throw new IllegalArgumentException("request body larger than " + BODY_LIMIT + " bytes");
    }
    try {
      Object parsed = JSON.readValue(body, Object.class);
      if (!(parsed instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("request body must be a JSON object");
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (key, value) -> {
            if (value != null) {
              copy.put(String.valueOf(key), value);
            }
          });
      return copy;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request body is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A string member of a JSON body, or null when absent. */
  static @Nullable String text(Map<String, Object> body, String name) {
    Object value = body.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String || value instanceof Number)) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return value.toString();
  }

  /** A query parameter's text: {@code a=1&b=x%20y}, URL-decoded. */
  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> values = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&", 0)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      values.put(decode(name), decode(value));
    }
    return values;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;

    private final int[] escapes = standardAsciiEscapesForJSON();

    HtmlSafeEscapes() {
      for (char c : new char[] {'<', '>', '&', '\''}) {
        escapes[c] = ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
