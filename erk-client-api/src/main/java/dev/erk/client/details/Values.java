package dev.erk.client.details;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Copies for the records of this package: JSON-like maps and lists may hold nulls. */
final class Values {
  private Values() {}

  static Map<String, @Nullable Object> map(Map<String, ? extends @Nullable Object> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <T> List<T> list(List<T> list) {
    return List.copyOf(list);
  }

  static @Nullable List<String> nullableList(@Nullable List<String> list) {
    return list == null ? null : List.copyOf(list);
  }
}
