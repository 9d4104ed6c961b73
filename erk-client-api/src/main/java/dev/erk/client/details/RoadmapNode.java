package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One node (step) of an objective's roadmap.
 *
 * @param id the node id, e.g. {@code 1.2}
 * @param slug its kebab-case slug, or null when erk has none (always null on 0.7.x)
 * @param description what the node is
 * @param status {@code pending}, {@code planning}, {@code in_progress}, {@code done}, {@code
 *     blocked} or {@code skipped}
 * @param pr the PR that works on it, as erk writes it (e.g. {@code #456}), or null
 * @param dependsOn the ids it depends on; null when the roadmap does not say
 * @param comment the node's note (why it was skipped, …): current erk's {@code comment}, v0.9.x's
 *     {@code reason}; null when there is none
 * @param extras keys erk sent that this version does not know
 */
public record RoadmapNode(
    String id,
    @Nullable String slug,
    String description,
    String status,
    @Nullable String pr,
    @Nullable List<String> dependsOn,
    @Nullable String comment,
    Map<String, @Nullable Object> extras) {

  /** Checks and copies. */
  public RoadmapNode {
    requireNonNull(id, "id");
    requireNonNull(description, "description");
    requireNonNull(status, "status");
    dependsOn = Values.nullableList(dependsOn);
    extras = Values.map(extras);
  }
}
