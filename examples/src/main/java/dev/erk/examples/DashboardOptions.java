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
 */
record DashboardOptions(
    @Nullable Path erk, @Nullable Path cwd, PlanQuery query, boolean json, boolean help) {

  static final String USAGE = """
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
        --help            print this help""";

  static DashboardOptions parse(String[] args) throws UsageException {
    Arguments in = new Arguments(args);
    Path erk = null;
    Path cwd = null;
    PlanQuery.Builder query = PlanQuery.builder();
    List<String> labels = new ArrayList<>();
    boolean json = false;
    boolean help = false;
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
        case "--help" -> {
          in.flag(option);
          help = true;
        }
        default -> throw Arguments.unknown(option);
      }
    }
    try {
      return new DashboardOptions(erk, cwd, query.labels(labels).build(), json, help);
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
