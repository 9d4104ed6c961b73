package dev.erk.examples;

import dev.erk.client.ErkException;
import dev.erk.client.PlanList;
import dev.erk.client.PlanRow;
import dev.erk.client.testkit.PlanRows;
import java.io.PrintStream;

/**
 * Prints erk's plans as a terminal table, like erk's own dashboard: {@code erk exec dash-data}
 * through {@link dev.erk.client.ErkClient#listPlans}. Run {@code Dashboard --help} for the options;
 * without {@code --erk} it shows the testkit's FakeErk with bundled fixtures.
 */
public final class Dashboard {
  private Dashboard() {}

  /**
   * Runs the example and exits with its code.
   *
   * @param args the command line, see {@code --help}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the example.
   *
   * @return 0 on success, 1 if erk failed, 2 for a bad command line
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    DashboardOptions options;
    try {
      options = DashboardOptions.parse(args);
    } catch (UsageException e) {
      err.println("dashboard: " + e.getMessage() + " (try --help)");
      return Failures.USAGE;
    }
    if (options.help()) {
      out.println(DashboardOptions.USAGE);
      return 0;
    }
    // In --json mode stdout carries only JSON, so the demo note goes to stderr.
    PrintStream note = options.json() ? err : out;
    try (ExampleErk erk =
        ExampleErk.connect(
            options.erk(),
            options.cwd(),
            fake -> {
              DemoPlans.dashboard(fake);
              DemoDetails.script(fake);
            },
            note)) {
      if (options.pr() != null) {
        PlanDetail.print(erk.client(), options.pr(), out);
        return 0;
      }
      if (options.objective() != null) {
        ObjectiveTree.print(erk.client(), options.objective(), out);
        return 0;
      }
      PlanList plans = erk.client().listPlans(options.query());
      if (options.json()) {
        for (PlanRow row : plans.plans()) {
          out.println(PlanRows.toJson(row));
        }
      } else if (plans.count() == 0) {
        out.println("No plans.");
      } else {
        PlanTable.render(plans.plans()).forEach(out::println);
      }
      return 0;
    } catch (ErkException | IllegalArgumentException e) {
      err.println("dashboard: " + Failures.describe(e));
      return Failures.ERK_FAILED;
    } catch (RuntimeException e) {
      err.println("dashboard: unexpected failure: " + Failures.describe(e));
      return Failures.ERK_FAILED;
    }
  }
}
