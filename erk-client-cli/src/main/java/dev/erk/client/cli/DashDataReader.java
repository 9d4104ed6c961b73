package dev.erk.client.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.PlanList;
import dev.erk.client.PlanRow;
import dev.erk.client.internal.CommandLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Streams erk's dash-data envelope {@code {"success": …, "plans": […], "count": N}} (or {@code
 * {"success": false, "error": "…"}}) from stdout bytes. Envelope keys may come in any order;
 * unknown envelope keys are skipped. Every failure becomes an {@link ErkUnreadableOutputException}.
 */
final class DashDataReader {
  private static final int SNIPPET_CHARS = 120;
  private static final String REDACTED_SOURCE =
      "Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";

  private final JsonFactory factory;
  private final @Nullable ObjectReader untyped;

  /**
   * @param untyped a caller's mapper's reader for unknown values; null for {@link PlainValues}
   */
  DashDataReader(JsonFactory factory, @Nullable ObjectReader untyped) {
    this.factory = factory;
    this.untyped = untyped;
  }

  ErkJson.DashData read(byte[] bytes, int length, List<String> command) {
    JsonParser parser = null;
    try {
      rejectNonUtf8(bytes, length);
      parser = factory.createParser(bytes, 0, length);
      // Checked here and in RowReader at less cost; StrictValues checks the free-form values.
      parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      return envelope(parser, new StrictValues(factory, untyped, bytes, length));
    } catch (UnexpectedShape e) {
      throw unreadable(String.valueOf(e.getMessage()), e.offset(), e, bytes, length, command);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      long offset = at != null && at.getByteOffset() >= 0 ? at.getByteOffset() : offsetOf(parser);
      throw unreadable("invalid JSON: " + what(e), offset, e, bytes, length, command);
    } catch (IOException | RuntimeException e) {
      throw unreadable("could not decode it: " + e, offsetOf(parser), e, bytes, length, command);
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException ignored) {
          // A parser over a byte array has nothing to release.
        }
      }
    }
  }

  /** Jackson's message without its location or its note on the redacted source. */
  static String what(JsonProcessingException e) {
    return String.valueOf(e.getOriginalMessage()).replace(REDACTED_SOURCE, "");
  }

  private ErkJson.DashData envelope(JsonParser p, StrictValues values)
      throws IOException, UnexpectedShape {
    JsonToken token = p.nextToken();
    if (token == null) {
      throw new UnexpectedShape("it printed nothing (or only whitespace)", 0, null);
    }
    if (token != JsonToken.START_OBJECT) {
      throw UnexpectedShape.at(
          p,
          "expected erk's JSON object {\"success\": …}, found " + UnexpectedShape.describe(token));
    }
    Boolean success = null;
    String error = null;
    List<PlanRow> plans = null;
    List<String> firstKeys = new ArrayList<>();
    Set<String> names = new HashSet<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      if (!names.add(name)) {
        throw StrictValues.duplicate(p, name);
      }
      token = p.nextToken();
      switch (name) {
        case "success" -> {
          if (!token.isBoolean()) {
            throw UnexpectedShape.at(
                p, "\"success\" should be true or false, found " + UnexpectedShape.describe(token));
          }
          success = token == JsonToken.VALUE_TRUE;
        }
        case "error" -> {
          if (token != JsonToken.VALUE_STRING) {
            throw UnexpectedShape.at(
                p, "\"error\" should be a string, found " + UnexpectedShape.describe(token));
          }
          error = p.getText();
        }
        case "count" -> {
          if (token != JsonToken.VALUE_NUMBER_INT) {
            throw UnexpectedShape.at(
                p, "\"count\" should be an integer, found " + UnexpectedShape.describe(token));
          }
        }
        case "plans" -> plans = plans(p, token, firstKeys, values);
        default -> values.skip(p);
      }
    }
    long end = p.currentTokenLocation().getByteOffset();
    JsonToken after = p.nextToken();
    if (after != null) {
      throw UnexpectedShape.at(
          p,
          "found "
              + UnexpectedShape.describe(after)
              + " after the JSON object; expected the end of the output");
    }
    if (success == null) {
      throw new UnexpectedShape("the JSON object has no \"success\" key", end, null);
    }
    if (!success) {
      if (error == null) {
        throw new UnexpectedShape("\"success\" is false but there is no \"error\" text", end, null);
      }
      return new ErkJson.DashData.Failure(error);
    }
    if (plans == null) {
      throw new UnexpectedShape("\"success\" is true but there is no \"plans\" list", end, null);
    }
    ErkGeneration generation =
        plans.isEmpty() ? null : ErkGeneration.detect(firstKeys).orElse(ErkGeneration.CURRENT);
    return new ErkJson.DashData.Plans(new PlanList(plans, generation));
  }

  private List<PlanRow> plans(
      JsonParser p, JsonToken token, List<String> firstKeys, StrictValues values)
      throws IOException, UnexpectedShape {
    if (token != JsonToken.START_ARRAY) {
      throw UnexpectedShape.at(
          p, "\"plans\" should be a list, found " + UnexpectedShape.describe(token));
    }
    RowReader rows = new RowReader(values);
    List<PlanRow> plans = new ArrayList<>();
    JsonToken next;
    while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
      if (next != JsonToken.START_OBJECT) {
        throw UnexpectedShape.at(
            p,
            "plans["
                + plans.size()
                + "] should be an object, found "
                + UnexpectedShape.describe(next));
      }
      plans.add(rows.read(p, plans.size(), plans.isEmpty() ? firstKeys : null));
    }
    return plans;
  }

  /**
   * Jackson guesses UTF-16 and UTF-32 from NUL bytes among the first four; erk prints UTF-8, where
   * such a NUL can only be invalid JSON, so it is reported instead of decoded in another encoding.
   */
  private static void rejectNonUtf8(byte[] bytes, int length) throws UnexpectedShape {
    for (int i = 0; i < Math.min(4, length); i++) {
      if (bytes[i] == 0) {
        throw new UnexpectedShape(
            "it is not UTF-8 (a NUL byte at the start: UTF-16 or UTF-32?)", i, null);
      }
    }
  }

  private static long offsetOf(@Nullable JsonParser parser) {
    return parser == null ? -1 : parser.currentLocation().getByteOffset();
  }

  private static ErkUnreadableOutputException unreadable(
      String what, long offset, Throwable cause, byte[] bytes, int length, List<String> command) {
    String message =
        "Could not read the output of `"
            + CommandLines.describe(command)
            + "`: "
            + what
            + (offset >= 0 ? " (at byte " + offset + " of " + length + ")" : "");
    String snippet = snippet(bytes, length, offset);
    return offset >= 0
        ? new ErkUnreadableOutputException(message, command, snippet, offset, cause)
        : new ErkUnreadableOutputException(message, command, snippet, cause);
  }

  /**
   * Up to 120 printable characters of the output around {@code offset}, starting 40 bytes before
   * it. Control and format characters are escaped as in Java source (a newline becomes the two
   * characters backslash and n); a character cut by the window's edge becomes U+FFFD.
   */
  static String snippet(byte[] bytes, int length, long offset) {
    int at = (int) Math.max(0, Math.min(offset, length));
    int from = Math.max(0, at - 40);
    int to = Math.min(length, from + SNIPPET_CHARS * 2);
    String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(SNIPPET_CHARS);
    for (int i = 0; i < text.length() && out.length() < SNIPPET_CHARS; i++) {
      char c = text.charAt(i);
      String escaped =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    ? String.format("\\u%04x", (int) c)
                    : null;
          };
      if (escaped == null) {
        out.append(c);
      } else if (out.length() + escaped.length() <= SNIPPET_CHARS) {
        out.append(escaped);
      } else {
        break;
      }
    }
    return out.toString();
  }
}
