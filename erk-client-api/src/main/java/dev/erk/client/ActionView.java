package dev.erk.client;

/** The dashboard tab an action belongs to in erk's terminal UI. */
public enum ActionView {
  /** The plans (PRs and Learn) tabs. */
  PLAN,
  /** The Objectives tab: rows fetched with the {@code erk-objective} label. */
  OBJECTIVE,
  /** The Runs tab: the workflow run attached to a plan. */
  RUN,
  /** Not tied to a row. */
  GLOBAL
}
