package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A plan's event log: {@code erk pr log N --json} ({@code erk plan log} on 0.7.x), which erk writes
 * to standard error.
 *
 * @param events the events, oldest first; empty when the plan has none
 */
public record PlanLog(List<Event> events) {

  /** Copies. */
  public PlanLog {
    events = Values.list(events);
  }

  /**
   * One event.
   *
   * @param eventType {@code plan-created}, {@code submission-queued}, {@code workflow-started},
   *     {@code implementation-status}, {@code plan-retry}, {@code worktree-created}, …
   * @param timestamp the time as erk sent it (copied from a metadata block)
   * @param time {@code timestamp} read as an ISO-8601 time; null if it is not one
   * @param metadata the event's details, which depend on its type
   */
  public record Event(
      String eventType,
      String timestamp,
      @Nullable OffsetDateTime time,
      Map<String, @Nullable Object> metadata) {

    /** Checks and copies. */
    public Event {
      requireNonNull(eventType, "eventType");
      requireNonNull(timestamp, "timestamp");
      metadata = Values.map(metadata);
    }
  }
}
