package dev.erk.client;

import java.util.Collection;
import java.util.Optional;

/**
 * A generation of the erk command line: its row schema for {@code erk exec dash-data} and the
 * command names its dashboard actions use.
 *
 * <p>erk renamed row keys and commands three times between February and April 2026. The version
 * string alone cannot tell {@link #V0_9_11} from {@link #CURRENT} (both report {@code 0.9.11}), so
 * the generation is detected from the keys of a dash-data row ({@link #detect(Collection)}).
 *
 * <p>The constants are declared newest first, so {@link #compareTo} orders an older generation
 * after a newer one. Compare generations with {@link #isAtLeast} and {@link #isOlderThan}, which
 * say what they mean.
 */
public enum ErkGeneration {
  /** erk's main branch after the 0.9.11 release: {@code pr_number}/{@code pr_body}, 55 keys. */
  CURRENT("current (after v0.9.11)", 55),
  /** The v0.9.11 release: {@code plan_id}/{@code plan_url}/{@code plan_body}, 57 keys. */
  V0_9_11("v0.9.11", 57),
  /** erk 0.9.0: {@code plan_id} with {@code objective_head_*} keys, 56 keys. */
  V0_9_0("0.9.0", 56),
  /**
   * erk 0.7.x and 0.8.x: plans are issues and actions act on the linked PR. 0.7.x rows have {@code
   * issue_number} (38 keys); 0.8.x rows already say {@code plan_id}, without either objective-plans
   * key.
   */
  V0_7("0.7.x", 38);

  private final String label;
  private final int rowKeyCount;

  ErkGeneration(String label, int rowKeyCount) {
    this.label = label;
    this.rowKeyCount = rowKeyCount;
  }

  /** A short human name such as {@code "v0.9.11"}. */
  public String label() {
    return label;
  }

  /**
   * Whether this generation is {@code other} or newer, e.g. {@code generation.isAtLeast(V0_9_11)}
   * for "has what v0.9.11 added".
   */
  @SuppressWarnings("EnumOrdinal") // the constants are declared newest first: order is the contract
  public boolean isAtLeast(ErkGeneration other) {
    return ordinal() <= other.ordinal();
  }

  /** Whether this generation is older than {@code other}: the opposite of {@link #isAtLeast}. */
  public boolean isOlderThan(ErkGeneration other) {
    return !isAtLeast(other);
  }

  /** How many keys a dash-data row of this generation has. */
  public int rowKeyCount() {
    return rowKeyCount;
  }

  /**
   * Detects the generation from the keys of one dash-data row.
   *
   * <p>{@code pr_body} means {@link #CURRENT}; {@code plan_id} with {@code objective_deps_plans}
   * means {@link #V0_9_11}, with {@code objective_head_plans} {@link #V0_9_0}, and with neither
   * (erk 0.8.x) {@link #V0_7}; {@code issue_number} means {@link #V0_7}.
   *
   * @return the generation, or empty when the keys fit none
   */
  public static Optional<ErkGeneration> detect(Collection<String> rowKeys) {
    if (rowKeys.contains("pr_body")) {
      return Optional.of(CURRENT);
    }
    if (rowKeys.contains("plan_id")) {
      if (rowKeys.contains("objective_deps_plans")) {
        return Optional.of(V0_9_11);
      }
      return Optional.of(rowKeys.contains("objective_head_plans") ? V0_9_0 : V0_7);
    }
    if (rowKeys.contains("issue_number")) {
      return Optional.of(V0_7);
    }
    return Optional.empty();
  }
}
