package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An objective's validation: {@code erk json objective check} on current erk, {@code erk objective
 * check N --json-output} before. A failed check is data here, not an error (the old form exits 1
 * for it; the new one always says {@code success: true}).
 *
 * @param issueNumber the objective
 * @param checks every check with its outcome
 * @param phases the roadmap's phases
 * @param summary node counts
 * @param nextNode the node to work on next, or null
 * @param validationErrors erk's validation messages
 * @param allComplete whether every node is done; null on 0.7.x, which does not say
 * @param extras keys erk sent that this version does not know
 */
public record ObjectiveChecks(
    int issueNumber,
    List<Check> checks,
    List<RoadmapPhase> phases,
    RoadmapSummary summary,
    @Nullable NextNode nextNode,
    List<String> validationErrors,
    @Nullable Boolean allComplete,
    Map<String, @Nullable Object> extras) {

  /** Checks and copies. */
  public ObjectiveChecks {
    checks = Values.list(checks);
    phases = Values.list(phases);
    requireNonNull(summary, "summary");
    validationErrors = Values.list(validationErrors);
    extras = Values.map(extras);
  }

  /** True when every check passed. */
  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }

  /**
   * One check.
   *
   * @param passed whether it passed
   * @param description what it checks
   */
  public record Check(boolean passed, String description) {
    /** Checks. */
    public Check {
      requireNonNull(description, "description");
    }
  }

  /**
   * The node to work on next ({@code next_node}; {@code next_step} on 0.7.x).
   *
   * @param id its id
   * @param description what it is
   * @param phase the name of its phase
   * @param extras further keys ({@code slug}, {@code status} on newer erk)
   */
  public record NextNode(
      String id, String description, String phase, Map<String, @Nullable Object> extras) {
    /** Checks and copies. */
    public NextNode {
      requireNonNull(id, "id");
      requireNonNull(description, "description");
      requireNonNull(phase, "phase");
      extras = Values.map(extras);
    }
  }
}
