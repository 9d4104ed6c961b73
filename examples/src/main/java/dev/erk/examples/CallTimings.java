package dev.erk.examples;

import dev.erk.client.ActionParameter;
import dev.erk.client.ActionRequest;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkException;
import dev.erk.client.LineListener;
import dev.erk.client.PlanQuery;
import dev.erk.client.cli.CliErkClient;
import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.Fixtures;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Makes a few erk calls with an {@link dev.erk.client.EventListener} on the client and prints a
 * timing summary: for each call, when erk was spawned, first printed, exited, and when the call
 * ended, from the call's start. On the demo it also streams {@code erk launch pr-address}; with
 * {@code --erk} it only reads ({@code erk --version}, {@code erk exec dash-data}).
 */
public final class CallTimings {
  static final String USAGE =
      """
      Usage: CallTimings [options]
        Runs a few erk calls and prints when each was spawned, printed, exited and ended.
        --erk PATH   the erk executable; without it a demo runs on erk-client's FakeErk
        --cwd DIR    the repository erk runs in (default: the current directory)
        --help       print this help""";

  private static final int DEMO_PR = 7911;

  private CallTimings() {}

  /**
   * Runs the example.
   *
   * @param args the command line, see {@code --help}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Makes the calls the command line asks for and prints their timing summary.
   *
   * @return 0 when every call was made (a failed call is part of the summary), 2 for a bad line
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    @Nullable Path erkPath = null;
    @Nullable Path cwd = null;
    try {
      Arguments in = new Arguments(args);
      while (in.hasNext()) {
        String option = in.nextOption();
        switch (option) {
          case "--erk" -> erkPath = in.path(option);
          case "--cwd" -> cwd = in.path(option);
          case "--help" -> {
            in.flag(option);
            out.println(USAGE);
            return 0;
          }
          default -> throw Arguments.unknown(option);
        }
      }
    } catch (UsageException e) {
      err.println("call-timings: " + e.getMessage() + " (try --help)");
      return Failures.USAGE;
    }
    List<String> lines = new CopyOnWriteArrayList<>();
    Semaphore ended = new Semaphore(0);
    try (ExampleErk erk =
        ExampleErk.connect(
            erkPath,
            cwd,
            fake -> {
              fake.stubFor(ArgvPattern.exactly("--version"))
                  .willReturn(Fixtures.VERSION_0_9_11.reply());
              DemoPlans.dashboard(fake);
              DemoPlans.launch(fake, DEMO_PR);
            },
            out,
            builder ->
                builder.eventListenerFactory(
                    call ->
                        new TimingListener(
                            line -> {
                              lines.add(line);
                              ended.release();
                            })))) {
      CliErkClient client = erk.client();
      int calls = 0;
      calls += attempt(() -> client.version(), err);
      calls += attempt(() -> client.listPlans(PlanQuery.defaults()), err);
      if (erk.isDemo()) {
        ActionRequest launch =
            ActionRequest.of(
                DashboardAction.ADDRESS_REMOTE,
                Map.of(ActionParameter.PR_NUMBER, Integer.toString(DEMO_PR)));
        calls += attempt(() -> client.stream(launch, LineListener.NONE).completion().join(), err);
      }
      // The last event of a call may come just after its result: wait for every summary line.
      if (!ended.tryAcquire(calls, 10, TimeUnit.SECONDS)) {
        err.println("call-timings: some calls told no end");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Failures.INTERRUPTED;
    } catch (RuntimeException e) {
      err.println("call-timings: " + Failures.describe(e));
      return Failures.ERK_FAILED;
    }
    out.println(TimingListener.HEADER);
    lines.forEach(out::println);
    return 0;
  }

  /** Makes one call; a failure is reported by its listener too. Returns 1, the calls made. */
  private static int attempt(Runnable call, PrintStream err) {
    try {
      call.run();
    } catch (ErkException | java.util.concurrent.CompletionException e) {
      err.println("call-timings: " + Failures.describe(e));
    }
    return 1;
  }
}
