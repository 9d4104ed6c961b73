package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One phase of an objective's roadmap.
 *
 * @param number the phase number
 * @param suffix its letter suffix ({@code A} for "Phase 1A"), or empty
 * @param name its name; erk sends "Phase N" placeholders, the real names live only in the
 *     objective's comment
 * @param nodes its nodes in order
 */
public record RoadmapPhase(int number, String suffix, String name, List<RoadmapNode> nodes) {

  /** Checks and copies. */
  public RoadmapPhase {
    requireNonNull(suffix, "suffix");
    requireNonNull(name, "name");
    nodes = Values.list(nodes);
  }

  /** {@code number} and {@code suffix}, e.g. {@code 1A}. */
  public String label() {
    return number + suffix;
  }
}
