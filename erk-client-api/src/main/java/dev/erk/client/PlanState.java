package dev.erk.client;

import java.util.Locale;

/** The {@code --state} filter of {@code erk exec dash-data}. erk has no "all" state. */
public enum PlanState {
  /** Open plans, erk's default. */
  OPEN,
  /** Closed plans, merged ones included. */
  CLOSED;

  /** The value erk expects on its command line: {@code open} or {@code closed}. */
  public String argument() {
    return name().toLowerCase(Locale.ROOT);
  }
}
