package dev.erk.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The filters of one {@code erk exec dash-data} call, and the argv they map to.
 *
 * <p>An unset filter is left out of the command line, so erk's own default applies: open plans,
 * label {@code erk-pr} (erk 0.7.x: {@code erk-plan}), limit 100 (older erk: 30), no workflow-run
 * lookup, every author. Every value is validated when the query is built, before any process
 * exists.
 *
 * <pre>{@code
 * PlanQuery query = PlanQuery.builder().state(PlanState.OPEN).showRuns(true).limit(50).build();
 * }</pre>
 *
 * @param state {@code --state}, or null for erk's default (open)
 * @param labels {@code --label}, repeated; empty for erk's default ({@code erk-pr}). The label
 *     {@code erk-objective} switches erk to objective rows.
 * @param limit {@code --limit}, 1 or more; null for erk's default
 * @param showPrs {@code --show-prs}/{@code --no-show-prs}; erk ignores it, null leaves it out
 * @param showRuns {@code --show-runs}: look up workflow runs, filling the {@code run_*} fields
 * @param runState {@code --run-state}: keep rows whose run is in this state ({@code queued}, {@code
 *     in_progress}, {@code success}, {@code failure}, {@code cancelled}); enables run lookup
 * @param creator {@code --creator}: a GitHub login; null for every author
 * @param timeout how long this call may take, or null for the client's data-fetch timeout; not part
 *     of the command line
 */
public record PlanQuery(
    @Nullable PlanState state,
    List<String> labels,
    @Nullable Integer limit,
    @Nullable Boolean showPrs,
    boolean showRuns,
    @Nullable String runState,
    @Nullable String creator,
    @Nullable Duration timeout) {

  private static final PlanQuery DEFAULTS =
      new PlanQuery(null, List.of(), null, null, false, null, null, null);

  /** Validates every value; see the component descriptions. */
  public PlanQuery {
    labels = List.copyOf(labels);
    for (String label : labels) {
      ArgumentCheck.token("label", label);
      if (label.contains(",")) {
        throw new IllegalArgumentException("label must not contain ',' (erk joins labels with it)");
      }
    }
    if (limit != null) {
      ArgumentCheck.positive("limit", limit);
    }
    if (runState != null) {
      ArgumentCheck.token("runState", runState);
    }
    if (creator != null) {
      ArgumentCheck.githubLogin("creator", creator);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** The query with every filter at erk's default: {@code erk exec dash-data}. */
  public static PlanQuery defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /** A builder that starts from this query. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** This query with another per-call timeout. */
  public PlanQuery withTimeout(@Nullable Duration timeout) {
    return new PlanQuery(state, labels, limit, showPrs, showRuns, runState, creator, timeout);
  }

  /** The arguments after the executable: {@code exec dash-data} and one option per filter. */
  public List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("exec", "dash-data"));
    if (state != null) {
      args.add("--state");
      args.add(state.argument());
    }
    for (String label : labels) {
      args.add("--label");
      args.add(label);
    }
    if (limit != null) {
      args.add("--limit");
      args.add(Integer.toString(limit));
    }
    if (showPrs != null) {
      args.add(showPrs ? "--show-prs" : "--no-show-prs");
    }
    if (showRuns) {
      args.add("--show-runs");
    }
    if (runState != null) {
      args.add("--run-state");
      args.add(runState);
    }
    if (creator != null) {
      args.add("--creator");
      args.add(creator);
    }
    return List.copyOf(args);
  }

  /** Builds a {@link PlanQuery}; every setter returns this builder. */
  public static final class Builder {
    private @Nullable PlanState state;
    private List<String> labels;
    private @Nullable Integer limit;
    private @Nullable Boolean showPrs;
    private boolean showRuns;
    private @Nullable String runState;
    private @Nullable String creator;
    private @Nullable Duration timeout;

    private Builder(PlanQuery from) {
      state = from.state;
      labels = from.labels;
      limit = from.limit;
      showPrs = from.showPrs;
      showRuns = from.showRuns;
      runState = from.runState;
      creator = from.creator;
      timeout = from.timeout;
    }

    /** Plans in this state only ({@code --state}); null leaves erk's default, open plans. */
    public Builder state(@Nullable PlanState state) {
      this.state = state;
      return this;
    }

    /** Replaces the labels ({@code --label}, repeated); none leaves erk's default label. */
    public Builder labels(String... labels) {
      return labels(List.of(labels));
    }

    /** Replaces the labels with a copy of {@code labels}; see {@link #labels(String...)}. */
    public Builder labels(List<String> labels) {
      this.labels = List.copyOf(labels);
      return this;
    }

    /** At most this many rows ({@code --limit}, 1 or more); checked by {@link #build()}. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Passes {@code --show-prs} or {@code --no-show-prs}; current erk ignores the flag. */
    public Builder showPrs(boolean showPrs) {
      this.showPrs = showPrs;
      return this;
    }

    /** Whether erk looks up workflow runs ({@code --show-runs}), filling the run fields. */
    public Builder showRuns(boolean showRuns) {
      this.showRuns = showRuns;
      return this;
    }

    /** Rows whose run is in this state only ({@code --run-state}); null for any state. */
    public Builder runState(@Nullable String runState) {
      this.runState = runState;
      return this;
    }

    /** Plans by this GitHub login only ({@code --creator}); null for every author. */
    public Builder creator(@Nullable String creator) {
      this.creator = creator;
      return this;
    }

    /** How long the call may take; null uses the client's data-fetch timeout. */
    public Builder timeout(@Nullable Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Builds the query.
     *
     * @throws IllegalArgumentException if a value would not be a safe, valid argument
     */
    public PlanQuery build() {
      return new PlanQuery(
          state,
          Objects.requireNonNull(labels),
          limit,
          showPrs,
          showRuns,
          runState,
          creator,
          timeout);
    }
  }
}
