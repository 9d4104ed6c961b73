package dev.erk.client.details;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Node counts by status.
 *
 * @param totalNodes all nodes ({@code total_steps} on 0.7.x)
 * @param pending pending nodes
 * @param planning nodes being planned; 0 on 0.7.x, which has no such status
 * @param done done nodes
 * @param inProgress nodes in progress
 * @param blocked blocked nodes
 * @param skipped skipped nodes
 * @param inFlight planning plus in progress, as {@code objective view} adds it; null from {@code
 *     objective check}, which does not
 * @param extras keys erk sent that this version does not know
 */
public record RoadmapSummary(
    int totalNodes,
    int pending,
    int planning,
    int done,
    int inProgress,
    int blocked,
    int skipped,
    @Nullable Integer inFlight,
    Map<String, @Nullable Object> extras) {

  /** Copies. */
  public RoadmapSummary {
    extras = Values.map(extras);
  }
}
