package dev.erk.client;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The plans one {@code erk exec dash-data} call returned, in erk's order (most recently updated
 * first).
 *
 * @param plans the rows
 * @param generation the row schema the answer used, detected from its keys; null when there were no
 *     rows to tell from
 */
public record PlanList(List<PlanRow> plans, @Nullable ErkGeneration generation) {
  /** Copies the list. */
  public PlanList {
    plans = List.copyOf(plans);
  }

  /** The number of plans, erk's {@code count}. */
  public int count() {
    return plans.size();
  }

  /** The row with this number, if the list has it. */
  public Optional<PlanRow> find(int prNumber) {
    return plans.stream().filter(row -> row.prNumber() == prNumber).findFirst();
  }
}
