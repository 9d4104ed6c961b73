package dev.erk.client.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints figures as {@code name value} on stdout, and notes (prefixed {@code #}) on stderr: the
 * spread behind each figure, and whether it meets its goal.
 */
final class Report {
  private final PrintStream out;
  private final PrintStream notes;
  private final List<String> missed = new ArrayList<>();
  private int goals;

  Report(PrintStream out, PrintStream notes) {
    this.out = out;
    this.notes = notes;
  }

  /** A figure without a goal. */
  void figure(String name, double value) {
    out.println(name + " " + format(value));
    out.flush();
  }

  /**
   * A figure without a goal, in the old {@code name value unit} form's arguments: prints {@code
   * name value}, and the unit in a note. Kept so that bench classes written against it compile; new
   * ones use {@link #ratio} or {@link #figure(String, double, Goal)}.
   */
  void figure(String name, double value, String unit) {
    note("%s is in %s", name, unit);
    figure(name, value);
  }

  /** A figure and its goal; the note says whether it is met. */
  void figure(String name, double value, Goal goal) {
    figure(name, value);
    goals++;
    boolean met = goal.isMet(value);
    if (!met) {
      missed.add(name);
    }
    note("%s %s: goal %s %s", name, format(value), goal, met ? "✓" : "✗");
  }

  /**
   * A ratio of two sides measured in the same run, {@code median(sdk) / median(baseline)}, with
   * each side's min/median/max in a note.
   */
  void ratio(String name, Stats sdk, Stats baseline, String unit, Goal goal) {
    note("%s: SDK %s %s; baseline %s %s", name, sdk.spread(), unit, baseline.spread(), unit);
    figure(name, sdk.median() / baseline.median(), goal);
  }

  /** As {@link #ratio(String, Stats, Stats, String, Goal)}, for a figure without a goal. */
  void ratio(String name, Stats sdk, Stats baseline, String unit) {
    note(
        "%s: SDK %s %s; baseline %s %s (no goal)",
        name, sdk.spread(), unit, baseline.spread(), unit);
    figure(name, sdk.median() / baseline.median());
  }

  void note(String format, Object... args) {
    notes.println("# " + String.format(Locale.ROOT, format, args));
    notes.flush();
  }

  /** One closing note: how many goals were met, and which were missed. */
  void summary() {
    note(
        "goals met: %d of %d%s",
        goals - missed.size(),
        goals,
        missed.isEmpty() ? "" : "; missed: " + String.join(", ", missed));
  }

  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.3f", value);
  }
}
