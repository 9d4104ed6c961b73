package dev.erk.client.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.erk.client.CheckCounts;
import dev.erk.client.DependencyPlan;
import dev.erk.client.LogEntry;
import dev.erk.client.PlanRow;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Streams one dash-data row object from a parser into {@link RowSlots}, checking each known value's
 * JSON type where it stands so that errors carry the offending byte offset, and that no key comes
 * twice (the parser's own duplicate check is off, see {@link StrictValues}).
 */
final class RowReader {
  private final StrictValues values;
  private final RowSlots slots = new RowSlots();
  private final KeyOrder order = new KeyOrder();
  private final RepeatedTexts texts = new RepeatedTexts();
  private int index;
  private String key = "";

  RowReader(StrictValues values) {
    this.values = values;
  }

  /**
   * Reads the row whose START_OBJECT the parser is on and leaves the parser on its END_OBJECT.
   *
   * @param index the row's position in {@code plans}, for messages
   * @param keys receives the row's keys in order, or null when the caller does not need them
   */
  PlanRow read(JsonParser parser, int index, @Nullable List<String> keys)
      throws IOException, UnexpectedShape {
    this.index = index;
    slots.clear(index, parser.currentTokenLocation().getByteOffset());
    RowField expected = order.first();
    while (true) {
      RowField field;
      String name;
      if (expected != null && parser.nextFieldName(KeyOrder.quoted(expected))) {
        field = expected;
        name = field.key();
      } else {
        name = expected == null ? parser.nextFieldName() : nameOrNull(parser);
        if (name == null) {
          break;
        }
        field = RowField.of(name);
      }
      if (keys != null) {
        keys.add(name);
      }
      if (field == null ? slots.hasExtra(name) : slots.has(field)) {
        throw StrictValues.duplicate(parser, name);
      }
      JsonToken token = parser.nextToken();
      if (field == null) {
        slots.putExtra(name, token == JsonToken.VALUE_NULL ? null : values.read(parser));
      } else {
        key = name;
        slots.put(field, value(parser, token, field));
      }
      if (field != null) {
        expected = order.next(field);
      }
    }
    return slots.toRow();
  }

  /** The name the parser stopped on after a failed match, or null at the end of the object. */
  private static @Nullable String nameOrNull(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.FIELD_NAME ? parser.currentName() : null;
  }

  private @Nullable Object value(JsonParser p, JsonToken token, RowField field)
      throws IOException, UnexpectedShape {
    RowField.Kind kind = field.kind();
    if (token == JsonToken.VALUE_NULL) {
      return switch (kind) {
        case NULLABLE_INT, NULLABLE_LONG, NULLABLE_TEXT, NULLABLE_FLAG, TIME, COUNTS -> null;
        case INT, TEXT, FLAG, LOG, DEPS -> throw wrongType(p, kind);
      };
    }
    return switch (kind) {
      case INT, NULLABLE_INT -> integer(p, token, kind);
      case NULLABLE_LONG -> longInteger(p, token, kind);
      case TEXT, NULLABLE_TEXT -> texts.read(expectString(p, token, kind), field);
      case FLAG, NULLABLE_FLAG -> flag(p, token, kind);
      case TIME -> time(p, text(p, token, kind));
      case COUNTS -> counts(p, token);
      case LOG -> logEntries(p, token);
      case DEPS -> dependencyPlans(p, token);
    };
  }

  private int integer(JsonParser p, JsonToken token, RowField.Kind kind)
      throws IOException, UnexpectedShape {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType(p, kind);
    }
    if (p.getNumberType() != JsonParser.NumberType.INT) {
      throw UnexpectedShape.at(p, where() + ": " + p.getText() + " does not fit in an int");
    }
    return p.getIntValue();
  }

  private long longInteger(JsonParser p, JsonToken token, RowField.Kind kind)
      throws IOException, UnexpectedShape {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType(p, kind);
    }
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw UnexpectedShape.at(p, where() + ": " + p.getText() + " does not fit in a long");
    }
    return p.getLongValue();
  }

  private String text(JsonParser p, JsonToken token, RowField.Kind kind)
      throws IOException, UnexpectedShape {
    return expectString(p, token, kind).getText();
  }

  private JsonParser expectString(JsonParser p, JsonToken token, RowField.Kind kind)
      throws UnexpectedShape {
    if (token != JsonToken.VALUE_STRING) {
      throw wrongType(p, kind);
    }
    return p;
  }

  private boolean flag(JsonParser p, JsonToken token, RowField.Kind kind) throws UnexpectedShape {
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw wrongType(p, kind);
  }

  private OffsetDateTime time(JsonParser p, String text) throws UnexpectedShape {
    try {
      return parseTime(text);
    } catch (DateTimeParseException e) {
      throw new UnexpectedShape(
          where() + ": \"" + text + "\" is not an ISO date-time",
          p.currentTokenLocation().getByteOffset(),
          e);
    }
  }

  /** Reads Python's isoformat(): an offset or {@code Z}, or no offset (taken as UTC). */
  static OffsetDateTime parseTime(String text) {
    OffsetDateTime fast = IsoTimes.parse(text);
    if (fast != null) {
      return fast;
    }
    TemporalAccessor parsed =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime offset
        ? offset
        : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
  }

  private CheckCounts counts(JsonParser p, JsonToken token) throws IOException, UnexpectedShape {
    if (token != JsonToken.START_ARRAY) {
      throw wrongType(p, RowField.Kind.COUNTS);
    }
    long start = p.currentTokenLocation().getByteOffset();
    int[] numbers = new int[2];
    int size = 0;
    JsonToken next;
    while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
      if (size == 2) {
        throw UnexpectedShape.at(p, where() + ": expected [passing, total], found more");
      }
      numbers[size++] = integer(p, next, RowField.Kind.INT);
    }
    if (size != 2) {
      throw UnexpectedShape.at(
          p, where() + ": expected [passing, total], found " + size + " element(s)");
    }
    try {
      return new CheckCounts(numbers[0], numbers[1]);
    } catch (IllegalArgumentException e) {
      throw new UnexpectedShape(where() + ": " + e.getMessage(), start, e);
    }
  }

  private List<LogEntry> logEntries(JsonParser p, JsonToken token)
      throws IOException, UnexpectedShape {
    List<LogEntry> entries = new ArrayList<>();
    for (List<String> t : tuples(p, token, 3, RowField.Kind.LOG)) {
      entries.add(new LogEntry(t.get(0), t.get(1), t.get(2)));
    }
    return entries;
  }

  private List<DependencyPlan> dependencyPlans(JsonParser p, JsonToken token)
      throws IOException, UnexpectedShape {
    List<DependencyPlan> plans = new ArrayList<>();
    for (List<String> t : tuples(p, token, 2, RowField.Kind.DEPS)) {
      plans.add(new DependencyPlan(t.get(0), t.get(1)));
    }
    return plans;
  }

  /** A list of lists of exactly {@code size} strings. */
  private List<List<String>> tuples(JsonParser p, JsonToken token, int size, RowField.Kind kind)
      throws IOException, UnexpectedShape {
    if (token != JsonToken.START_ARRAY) {
      throw wrongType(p, kind);
    }
    List<List<String>> tuples = new ArrayList<>();
    JsonToken next;
    while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
      if (next != JsonToken.START_ARRAY) {
        throw notTuple(p, size, UnexpectedShape.describe(next));
      }
      List<String> tuple = new ArrayList<>(size);
      while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
        if (tuple.size() == size) {
          throw notTuple(p, size, "more elements");
        }
        if (next != JsonToken.VALUE_STRING) {
          throw notTuple(p, size, UnexpectedShape.describe(next));
        }
        tuple.add(p.getText());
      }
      if (tuple.size() != size) {
        throw notTuple(p, size, tuple.size() + " element(s)");
      }
      tuples.add(tuple);
    }
    return tuples;
  }

  private UnexpectedShape notTuple(JsonParser p, int size, String found) {
    return UnexpectedShape.at(
        p, where() + ": expected a list of " + size + " strings, found " + found);
  }

  /** The current value's place, for messages: {@code plans[3].pr_number}. */
  private String where() {
    return "plans[" + index + "]." + key;
  }

  private UnexpectedShape wrongType(JsonParser p, RowField.Kind kind) {
    return UnexpectedShape.at(
        p,
        where()
            + ": expected "
            + expected(kind)
            + ", found "
            + UnexpectedShape.describe(p.currentToken()));
  }

  private static String expected(RowField.Kind kind) {
    return switch (kind) {
      case INT -> "an integer";
      case NULLABLE_INT, NULLABLE_LONG -> "an integer or null";
      case TEXT -> "a string";
      case NULLABLE_TEXT -> "a string or null";
      case FLAG -> "a boolean";
      case NULLABLE_FLAG -> "a boolean or null";
      case TIME -> "an ISO date-time string or null";
      case COUNTS -> "[passing, total] or null";
      case LOG -> "a list of [event, timestamp, url] lists";
      case DEPS -> "a list of [display, url] lists";
    };
  }
}
