package dev.erk.client.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints figures as {@code name value unit} on stdout, and notes (prefixed {@code #}) on stderr. */
final class Report {
  private final PrintStream out;
  private final PrintStream notes;

  Report(PrintStream out, PrintStream notes) {
    this.out = out;
    this.notes = notes;
  }

  void figure(String name, double value, String unit) {
    String text = value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.3f", value);
    out.println(name + " " + text + " " + unit);
    out.flush();
  }

  void note(String format, Object... args) {
    notes.println("# " + String.format(Locale.ROOT, format, args));
    notes.flush();
  }
}
