package dev.erk.client;

import java.util.Objects;

/**
 * A plan an objective's next node depends on, from erk's {@code objective_deps_plans} pairs {@code
 * [display, url]}, e.g. {@code ["#7911", "https://github.com/o/r/pull/7911"]}.
 *
 * @param display the roadmap node's PR text, normally {@code #N}
 * @param url the PR's URL
 */
public record DependencyPlan(String display, String url) {
  /** Checks that no part is null. */
  public DependencyPlan {
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(url, "url");
  }
}
