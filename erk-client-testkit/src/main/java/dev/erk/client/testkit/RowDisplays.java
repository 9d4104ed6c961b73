package dev.erk.client.testkit;

import dev.erk.client.CheckCounts;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** erk's display strings, derived from raw facts as erk's {@code real_provider.py} does. */
final class RowDisplays {

  private RowDisplays() {}

  static String checks(@Nullable CheckCounts counts, boolean pending) {
    if (counts == null) {
      return pending ? "\uD83D\uDD04" : "-";
    }
    String icon = counts.allPassing() ? "\u2705" : "\uD83D\uDEAB";
    return icon + " " + counts.passing() + "/" + counts.total();
  }

  static String runState(@Nullable String status, @Nullable String conclusion) {
    if (status == null) {
      return "-";
    }
    if (!status.equals("completed")) {
      return status.equals("queued")
          ? "[yellow]\u29D7 Queued[/yellow]"
          : "[blue]\u27F3 Running[/blue]";
    }
    if ("success".equals(conclusion)) {
      return "[green]\u2705 Success[/green]";
    }
    return "cancelled".equals(conclusion)
        ? "[dim]\u26D4 Cancelled[/dim]"
        : "[red]\u274C Failure[/red]";
  }

  static String learn(@Nullable String status, @Nullable Integer issue) {
    if (status == null || status.equals("not_started")) {
      return "- not started";
    }
    return switch (status) {
      case "pending" -> "\u27F3 in progress";
      case "completed_no_plan" -> "\u2205 no insights";
      case "completed_with_plan" -> "\uD83D\uDCCB #" + issue;
      case "pending_review" -> "\uD83D\uDEA7 #" + issue;
      case "plan_completed" -> "\u2713 #" + issue;
      default -> status;
    };
  }

  static String learnIcon(@Nullable String status, @Nullable Integer issue) {
    String display = learn(status, issue);
    return display.equals("- not started")
        ? "-"
        : display.split(" ", 2)[0] + (display.contains("#") ? " #" + issue : "");
  }

  static String lifecycle(boolean open, boolean hasRun) {
    if (!open) {
      return "[dim red]closed[/dim red]";
    }
    return hasRun ? "[yellow]impl[/yellow]" : "[dim]planned[/dim]";
  }

  static String slug(String title, String body) {
    if (body.isEmpty()) {
      return "-";
    }
    String slug = title.startsWith("Objective: ") ? title.substring(11) : title;
    return slug.length() > 25 ? slug.substring(0, 25) : slug;
  }

  /** The compressed roadmap sparkline: ✓ per done node, ▶ for the next, ○ for the rest. */
  static String frontier(int done, int total) {
    if (total == 0 || done >= total) {
      return "-";
    }
    int pending = total - done - 1;
    String rest = pending > 4 ? "[" + pending + "x\u25CB]" : "\u25CB".repeat(pending);
    return "\u2713".repeat(done) + "\u25B6" + rest;
  }

  /** erk's relative time: just now, 5m ago, 2h ago, 3d ago, 2w ago, 4mo ago, 1y ago, or "-". */
  static String relative(@Nullable OffsetDateTime then, OffsetDateTime now) {
    if (then == null) {
      return "-";
    }
    long minutes = Duration.between(then, now).toMinutes();
    if (minutes < 1) {
      return "just now";
    }
    long[] limits = {60, 60 * 24, 60 * 24 * 7, 60 * 24 * 30, 60 * 24 * 365, Long.MAX_VALUE};
    String[] units = {"m", "h", "d", "w", "mo", "y"};
    long size = 1;
    for (int i = 0; i < units.length; i++) {
      if (minutes < limits[i]) {
        return minutes / size + units[i] + " ago";
      }
      size = limits[i];
    }
    return "-";
  }
}
