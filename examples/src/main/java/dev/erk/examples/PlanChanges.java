package dev.erk.examples;

import dev.erk.client.PlanRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two plan lists, by PR number: plans added, plans removed, and for the others
 * the shown fields whose value changed. Fields are compared without Rich markup.
 */
final class PlanChanges {
  private static final Map<String, Function<PlanRow, Object>> FIELDS = fields();

  private PlanChanges() {}

  private static Map<String, Function<PlanRow, Object>> fields() {
    Map<String, Function<PlanRow, Object>> fields = new LinkedHashMap<>();
    fields.put("title", PlanRow::fullTitle);
    fields.put("pr", PlanRow::prDisplay);
    fields.put("lifecycle", PlanRow::lifecycleDisplay);
    fields.put("checks", PlanRow::checksDisplay);
    fields.put("comments", PlanRow::commentsDisplay);
    fields.put("run", PlanTable::run);
    fields.put("worktree", PlanRow::worktreeName);
    fields.put("learn", PlanRow::learnDisplay);
    fields.put("objective", PlanRow::objectiveProgressDisplay);
    fields.put("status", PlanRow::statusDisplay);
    return Collections.unmodifiableMap(fields);
  }

  /** One line per change, e.g. {@code ~ #7905 checks: 🔄 → ✅ 6/6}; empty if nothing changed. */
  static List<String> between(List<PlanRow> before, List<PlanRow> after) {
    Map<Integer, PlanRow> old = byNumber(before);
    Map<Integer, PlanRow> now = byNumber(after);
    List<String> lines = new ArrayList<>();
    now.forEach(
        (number, row) -> {
          if (!old.containsKey(number)) {
            lines.add("+ #" + number + " " + row.fullTitle());
          }
        });
    old.forEach(
        (number, row) -> {
          if (!now.containsKey(number)) {
            lines.add("- #" + number + " " + row.fullTitle());
          }
        });
    now.forEach(
        (number, row) -> {
          PlanRow was = old.get(number);
          if (was == null) {
            return;
          }
          List<String> changed = new ArrayList<>();
          FIELDS.forEach(
              (name, field) -> {
                Object from = field.apply(was);
                Object to = field.apply(row);
                if (!Objects.equals(from, to)) {
                  changed.add(name + ": " + show(from) + " → " + show(to));
                }
              });
          if (!changed.isEmpty()) {
            lines.add("~ #" + number + " " + String.join("; ", changed));
          }
        });
    return lines;
  }

  private static Map<Integer, PlanRow> byNumber(List<PlanRow> rows) {
    Map<Integer, PlanRow> map = new LinkedHashMap<>();
    for (PlanRow row : rows) {
      map.put(row.prNumber(), row.plain());
    }
    return map;
  }

  private static String show(Object value) {
    String text = value.toString().strip();
    return text.isEmpty() ? "-" : DisplayWidth.truncate(text, 40);
  }
}
