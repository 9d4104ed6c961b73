package dev.erk.examples;

import dev.erk.client.PlanRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Renders plans as a terminal table like erk's dashboard. Cells are the display fields without Rich
 * markup ({@link PlanRow#plain()}); columns are aligned by {@link DisplayWidth}, so emoji and CJK
 * text line up, and every line of the table is exactly as wide as the others.
 */
final class PlanTable {
  /** The widest a title may be before it is cut with {@code …}. */
  static final int TITLE_COLUMNS = 48;

  private static final String GAP = "  ";

  private record Column(String header, int maxWidth, Function<PlanRow, String> cell) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column("PR", 14, PlanTable::pr),
          new Column("Title", TITLE_COLUMNS, PlanRow::fullTitle),
          new Column("Lifecycle", 12, PlanRow::lifecycleDisplay),
          new Column("Checks", 10, PlanRow::checksDisplay),
          new Column("Comments", 8, PlanRow::commentsDisplay),
          new Column("Run", 24, PlanTable::run),
          new Column("Worktree", 24, row -> orDash(row.worktreeName())),
          new Column("Updated", 10, PlanRow::updatedDisplay));

  private PlanTable() {}

  /** The table's lines: a header, a rule, and one line per plan. */
  static List<String> render(List<PlanRow> plans) {
    List<List<String>> cells = new ArrayList<>();
    for (PlanRow row : plans) {
      PlanRow plain = row.plain();
      List<String> line = new ArrayList<>(COLUMNS.size());
      for (Column column : COLUMNS) {
        line.add(DisplayWidth.truncate(clean(column.cell().apply(plain)), column.maxWidth()));
      }
      cells.add(line);
    }
    int[] widths = new int[COLUMNS.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = DisplayWidth.of(COLUMNS.get(c).header());
      for (List<String> line : cells) {
        widths[c] = Math.max(widths[c], DisplayWidth.of(line.get(c)));
      }
    }
    List<String> lines = new ArrayList<>(plans.size() + 2);
    lines.add(join(COLUMNS.stream().map(Column::header).toList(), widths));
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    lines.add(join(rule, widths));
    for (List<String> line : cells) {
      lines.add(join(line, widths));
    }
    return lines;
  }

  private static String join(List<String> cells, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        out.append(GAP);
      }
      out.append(DisplayWidth.pad(cells.get(c), widths[c]));
    }
    return out.toString();
  }

  /** The run column of a plain row: id and state, e.g. {@code 24681357 ❌ Failure}, or {@code -}. */
  static String run(PlanRow plain) {
    String id = plain.runIdDisplay();
    String state = plain.runStateDisplay();
    if ("-".equals(state)) {
      return id;
    }
    return "-".equals(id) ? state : id + " " + state;
  }

  /** erk shows {@code -} for a PR it could not enrich; the number is still worth showing. */
  private static String pr(PlanRow plain) {
    return "-".equals(plain.prDisplay()) ? "#" + plain.prNumber() : plain.prDisplay();
  }

  private static String orDash(String text) {
    return text.isEmpty() ? "-" : text;
  }

  /** Titles may hold line breaks or tabs; a table cell must not. */
  private static String clean(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
