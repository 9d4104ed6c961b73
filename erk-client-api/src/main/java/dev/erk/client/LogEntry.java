package dev.erk.client;

import java.util.Objects;

/**
 * One entry of a plan's {@code log_entries}: erk's {@code [event_name, timestamp, comment_url]}
 * triple. erk declares it but has always sent an empty list so far.
 *
 * @param eventName the event, e.g. {@code workflow-started}
 * @param timestamp the time as erk wrote it (not parsed: erk gives it no fixed format)
 * @param commentUrl the comment that recorded the event, possibly empty
 */
public record LogEntry(String eventName, String timestamp, String commentUrl) {
  /** Checks that no part is null. */
  public LogEntry {
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(commentUrl, "commentUrl");
  }
}
