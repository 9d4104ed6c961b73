package dev.erk.client.cli;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads from one decoded JSON object of erk's detail commands. A missing or mistyped required
 * key throws {@link BadDetail} naming the key; the caller turns it into {@link
 * dev.erk.client.ErkUnreadableOutputException}.
 */
final class JsonFields {
  private final Map<String, @Nullable Object> map;
  private final String where;

  JsonFields(Map<String, @Nullable Object> map, String where) {
    this.map = map;
    this.where = where;
  }

  @SuppressWarnings("unchecked") // the untyped reader makes JSON objects Map<String, Object>
  static JsonFields of(@Nullable Object value, String where) {
    if (!(value instanceof Map<?, ?> object)) {
      throw new BadDetail(where + " is not a JSON object");
    }
    return new JsonFields((Map<String, @Nullable Object>) object, where);
  }

  boolean has(String key) {
    return map.containsKey(key);
  }

  @Nullable Object raw(String key) {
    return map.get(key);
  }

  String string(String key) {
    return required(key, String.class, "a string");
  }

  @Nullable String nullableString(String key) {
    return nullable(key, String.class, "a string or null");
  }

  /** A string, or a number written as its digits (erk changed some ids from int to str). */
  String text(String key) {
    Object value = map.get(key);
    if (value instanceof String || value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    throw wrong(key, "a string or an integer");
  }

  int integer(String key) {
    return required(key, Integer.class, "an integer");
  }

  @Nullable Integer nullableInteger(String key) {
    return nullable(key, Integer.class, "an integer or null");
  }

  long longInteger(String key) {
    Object value = map.get(key);
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    throw wrong(key, "an integer");
  }

  boolean bool(String key) {
    return required(key, Boolean.class, "true or false");
  }

  @Nullable Boolean nullableBool(String key) {
    return nullable(key, Boolean.class, "true, false or null");
  }

  /** The key's value if it is a {@code type}; else the error naming the key and what it holds. */
  private <T> T required(String key, Class<T> type, String expected) {
    Object value = map.get(key);
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    throw wrong(key, expected);
  }

  /** As {@link #required}, but an absent key or JSON null gives null. */
  private <T> @Nullable T nullable(String key, Class<T> type, String expected) {
    Object value = map.get(key);
    return value == null ? null : required(key, type, expected);
  }

  /** An ISO-8601 time; null when the key is absent, null or not a time erk-client can read. */
  @Nullable OffsetDateTime time(String key) {
    return map.get(key) instanceof String s ? parseTime(s) : null;
  }

  OffsetDateTime requiredTime(String key) {
    OffsetDateTime time = time(key);
    if (time == null) {
      throw wrong(key, "an ISO-8601 time");
    }
    return time;
  }

  static @Nullable OffsetDateTime parseTime(String s) {
    OffsetDateTime fast = IsoTimes.parse(s);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeException e) {
      return null;
    }
  }

  List<String> strings(String key) {
    List<String> result = new ArrayList<>();
    for (Object item : list(key)) {
      if (!(item instanceof String s)) {
        throw wrong(key, "a list of strings");
      }
      result.add(s);
    }
    return result;
  }

  @Nullable List<String> nullableStrings(String key) {
    return map.get(key) == null ? null : strings(key);
  }

  List<@Nullable Object> list(String key) {
    if (map.get(key) instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    throw wrong(key, "a list");
  }

  <T> List<T> objects(String key, Function<JsonFields, T> item) {
    List<T> result = new ArrayList<>();
    int index = 0;
    for (Object value : list(key)) {
      result.add(item.apply(of(value, where + "." + key + "[" + index++ + "]")));
    }
    return result;
  }

  JsonFields object(String key) {
    return of(map.get(key), where + "." + key);
  }

  /** The keys not in {@code known}, in erk's order. */
  Map<String, @Nullable Object> extras(Set<String> known) {
    Map<String, @Nullable Object> extras = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (!known.contains(key)) {
            extras.put(key, value);
          }
        });
    return extras;
  }

  private BadDetail wrong(String key, String expected) {
    String found = map.containsKey(key) ? "is " + describe(map.get(key)) : "is missing";
    return new BadDetail(where + "." + key + " should be " + expected + " but " + found);
  }

  private static String describe(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value);
    return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
        + " "
        + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
  }
}
