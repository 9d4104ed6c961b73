package dev.erk.examples;

import dev.erk.client.PlanQuery;
import dev.erk.client.PlanState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The command line of {@link Dashboard}.
 *
 * @param erk the erk executable, or null for the demo fake
 * @param cwd the repository erk runs in, or null for the current directory
 * @param query the dash-data filters
 * @param json print rows as JSON lines instead of a table
 * @param help print the usage and stop
 * @param pr print this plan's detail instead of the plan list, or null
 * @param objective print this objective's roadmap instead of the plan list, or null
 */
record DashboardOptions(
    @Nullable Path erk,
    @Nullable Path cwd,
    PlanQuery query,
    boolean json,
    boolean help,
    @Nullable Integer pr,
    @Nullable Integer objective) {

  static final String USAGE =
      """
      Usage: Dashboard [options]
        Lists erk's plans as a table, like erk's dashboard.
        --erk PATH        the erk executable (or anything speaking its protocol);
                          without it a demo runs on erk-client's FakeErk
        --cwd DIR         the repository erk runs in (default: the current directory)
        --state S         open or closed (default: erk's, open)
        --label L         a label to filter on; repeatable (default: erk's, erk-pr)
        --limit N         at most N plans
        --runs            look up workflow runs (erk's --show-runs)
        --creator LOGIN   only plans created by this GitHub login
        --json            print each plan as one line of JSON, every field
        --pr N            print plan N's detail: PR state, checks, open review
                          threads, CI failure summaries, event log
        --objective N     print objective N's roadmap as a tree
        --help            print this help""";

  static DashboardOptions parse(String[] args) throws UsageException {
    Arguments in = new Arguments(args);
    Path erk = null;
    Path cwd = null;
    PlanQuery.Builder query = PlanQuery.builder();
    List<String> labels = new ArrayList<>();
    boolean json = false;
    boolean help = false;
    Integer pr = null;
    Integer objective = null;
    while (in.hasNext()) {
      String option = in.nextOption();
      switch (option) {
        case "--erk" -> erk = in.path(option);
        case "--cwd" -> cwd = in.path(option);
        case "--state" -> query.state(state(in.value(option)));
        case "--label" -> labels.add(in.value(option));
        case "--limit" -> query.limit(in.positiveInt(option));
        case "--creator" -> query.creator(in.value(option));
        case "--runs" -> {
          in.flag(option);
          query.showRuns(true);
        }
        case "--json" -> {
          in.flag(option);
          json = true;
        }
        case "--pr" -> pr = in.positiveInt(option);
        case "--objective" -> objective = in.positiveInt(option);
        case "--help" -> {
          in.flag(option);
          help = true;
        }
        default -> throw Arguments.unknown(option);
      }
    }
    try {
      if (pr != null && objective != null) {
        throw new UsageException("give --pr or --objective, not both");
      }
      return new DashboardOptions(
          erk, cwd, query.labels(labels).build(), json, help, pr, objective);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() == null ? "bad option value" : e.getMessage());
    }
  }

  private static PlanState state(String value) throws UsageException {
    return switch (value) {
      case "open" -> PlanState.OPEN;
      case "closed" -> PlanState.CLOSED;
      default -> throw new UsageException("--state must be open or closed, not '" + value + "'");
    };
  }
}
