package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One field of a plan's plan-header block: {@code erk exec get-pr-metadata PR FIELD} ({@code
 * get-plan-metadata} before current erk).
 *
 * @param prNumber the plan
 * @param field the field asked for
 * @param value the field's JSON value as plain Java (string, number, boolean, map, list); null when
 *     the plan has no such field or no plan-header block
 */
public record PlanHeaderField(int prNumber, String field, @Nullable Object value) {

  /** Checks the field name. */
  public PlanHeaderField {
    requireNonNull(field, "field");
  }

  /** The value, if the plan has the field. */
  public Optional<Object> present() {
    return Optional.ofNullable(value);
  }
}
