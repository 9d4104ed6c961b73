package dev.erk.client.testkit;

import dev.erk.client.PlanRow;
import java.util.List;

/**
 * Writes erk's dash-data output in Python's {@code json.dumps} format (ASCII only, {@code ", "} and
 * {@code ": "}), byte for byte as erk writes it: test fixtures, not part of the client.
 */
final class DashDataWriter {
  private DashDataWriter() {}

  /** One row: the 55 keys in erk's order, then the extras in their order. */
  static String row(PlanRow row) {
    StringBuilder out = new StringBuilder(2048);
    RowWriter.write(row, new PythonJsonWriter(out));
    return out.toString();
  }

  /** {@code {"success": true, "plans": [...], "count": N}}, without a trailing newline. */
  static String dashData(List<PlanRow> rows) {
    StringBuilder out = new StringBuilder(64 + rows.size() * 2048);
    PythonJsonWriter writer = new PythonJsonWriter(out);
    writer.raw("{\"success\": true, \"plans\": [");
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        writer.raw(", ");
      }
      RowWriter.write(rows.get(i), writer);
    }
    return out.append("], \"count\": ").append(rows.size()).append('}').toString();
  }

  /** {@code {"success": false, "error": "…"}}, without a trailing newline. */
  static String failure(String error) {
    StringBuilder out =
        new StringBuilder(error.length() + 40).append("{\"success\": false, \"error\": ");
    new PythonJsonWriter(out).string(error);
    return out.append('}').toString();
  }
}
