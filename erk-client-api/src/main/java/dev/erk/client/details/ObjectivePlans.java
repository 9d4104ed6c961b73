package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The plans linked to an objective: {@code erk exec get-prs-for-objective} ({@code
 * get-plans-for-objective}, key {@code plans}, before current erk). erk scans only the first page
 * of plan issues, so a long history may be cut short.
 *
 * @param objectiveNumber the objective
 * @param plans the linked plans
 * @param extras keys erk sent that this version does not know
 */
public record ObjectivePlans(
    int objectiveNumber, List<Plan> plans, Map<String, @Nullable Object> extras) {

  /** Copies. */
  public ObjectivePlans {
    plans = Values.list(plans);
    extras = Values.map(extras);
  }

  /**
   * One linked plan.
   *
   * @param number its number
   * @param state {@code OPEN} or {@code CLOSED} (merged PRs are {@code CLOSED})
   * @param title its title
   */
  public record Plan(int number, String state, String title) {
    /** Checks. */
    public Plan {
      requireNonNull(state, "state");
      requireNonNull(title, "title");
    }
  }
}
