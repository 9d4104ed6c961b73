package dev.erk.client.details;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The failure summaries of a PR's latest CI run: {@code erk exec ci-fetch-summaries}. Empty when
 * the branch has no CI run, or the run has no summaries (erk prints {@code {}}).
 *
 * @param summaries summary text by check name, in erk's order; each text is raw log output and may
 *     hold GitHub's per-line timestamps
 */
public record CiSummaries(Map<String, String> summaries) {

  /** Copies, keeping the order. */
  public CiSummaries {
    summaries = Collections.unmodifiableMap(new LinkedHashMap<>(summaries));
  }

  /** No summaries. */
  public static CiSummaries none() {
    return new CiSummaries(Map.of());
  }

  /** True when there are no summaries. */
  public boolean isEmpty() {
    return summaries.isEmpty();
  }
}
