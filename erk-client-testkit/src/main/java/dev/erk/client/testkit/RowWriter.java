package dev.erk.client.testkit;

import dev.erk.client.PlanRow;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link PlanRow} as erk's current {@code serialize_pr_row} does, then its extras. The
 * keys are the record's components in order, in snake case: {@link PlanRow} names each component
 * after erk's key, in erk's order.
 */
final class RowWriter {
  private static final List<RecordComponent> COMPONENTS = new ArrayList<>();
  private static final List<String> KEYS = new ArrayList<>();
  private static final Set<String> KNOWN = new HashSet<>();

  static {
    for (RecordComponent component : PlanRow.class.getRecordComponents()) {
      if (!component.getName().equals("extras")) {
        COMPONENTS.add(component);
        KEYS.add(snakeCase(component.getName()));
      }
    }
    KNOWN.addAll(KEYS);
  }

  private RowWriter() {}

  static void write(PlanRow row, PythonJsonWriter out) {
    out.raw("{");
    for (int i = 0; i < COMPONENTS.size(); i++) {
      out.key(KEYS.get(i), i == 0);
      out.value(valueOf(COMPONENTS.get(i), row));
    }
    for (Map.Entry<String, @Nullable Object> extra : row.extras().entrySet()) {
      if (KNOWN.contains(extra.getKey())) {
        throw new IllegalArgumentException(
            "extras hold \"" + extra.getKey() + "\", which is one of erk's row keys");
      }
      out.key(extra.getKey(), false);
      out.value(extra.getValue());
    }
    out.raw("}");
  }

  private static @Nullable Object valueOf(RecordComponent component, PlanRow row) {
    try {
      return component.getAccessor().invoke(row);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }

  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
