package dev.erk.client;

import dev.erk.client.internal.CommandLines;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One call made on an {@link ErkClient}, as its {@link EventListener} sees it.
 *
 * @param id a number unique among the calls of this JVM, in the order they were made; use it to
 *     tell concurrent calls apart in logs and traces
 * @param kind which method the call came through
 * @param action the catalogue action of a {@link Kind#RUN} or {@link Kind#STREAM} call, null for a
 *     custom command or another kind of call
 * @param command the argv the call runs, the executable first, with free text {@linkplain Redaction
 *     redacted} unless the client was told not to; for an action, the argv of the {@linkplain
 *     ErkGeneration#CURRENT current} erk generation (an older erk may run other command names)
 */
public record ErkCall(long id, Kind kind, @Nullable DashboardAction action, List<String> command) {

  /** Which {@link ErkClient} method a call came through; blocking and async forms alike. */
  public enum Kind {
    /** {@code listPlans}. */
    LIST_PLANS,
    /** {@code run}, {@code runOrThrow}. */
    RUN,
    /** {@code stream}, {@code streamAsync}. */
    STREAM,
    /** {@code version}. */
    VERSION,
    /** {@code fetch}: a {@linkplain dev.erk.client.details.DetailQuery detail query}. */
    FETCH
  }

  /** Checks the components and copies the command. */
  public ErkCall {
    if (id < 0) {
      throw new IllegalArgumentException("id must not be negative: " + id);
    }
    command = List.copyOf(command);
  }

  /** The command as one line, as exception messages write it: free text is always redacted. */
  public String describe() {
    return CommandLines.describe(command);
  }
}
