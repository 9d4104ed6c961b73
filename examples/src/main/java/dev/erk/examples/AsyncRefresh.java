package dev.erk.examples;

import dev.erk.client.ErkCancelledException;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.PlanRow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The IDE-plugin pattern: refresh the plan list in the background every few seconds with {@link
 * dev.erk.client.ErkClient#listPlansAsync}, never blocking a UI thread, and print what changed
 * (plans added, removed, fields changed) by PR number.
 *
 * <p>A refresh still running when the next one is due has overrun: it is cancelled with {@code
 * cancel(true)}, which kills its erk process, and the new one starts. Results are handled on the
 * scheduler thread ({@code whenCompleteAsync(…, scheduler)}), not on the SDK's threads.
 */
public final class AsyncRefresh {
  static final String USAGE =
      """
      Usage: AsyncRefresh [options]
        Refreshes erk's plan list in the background and prints what changed.
        --erk PATH       the erk executable; without it a demo runs on erk-client's FakeErk
        --cwd DIR        the repository erk runs in (default: the current directory)
        --every SECONDS  time between refreshes (default 3; fractions allowed)
        --times N        number of refreshes, 0 for until Ctrl-C (default 3)
        --help           print this help""";

  private AsyncRefresh() {}

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
   * @return 0 when every refresh succeeded, 1 if one failed, 2 for a bad command line
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException e) {
      err.println("async-refresh: " + e.getMessage() + " (try --help)");
      return Failures.USAGE;
    }
    if (options.help()) {
      out.println(USAGE);
      return 0;
    }
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "plan-refresh");
              thread.setDaemon(true);
              return thread;
            });
    try (ExampleErk erk =
        ExampleErk.connect(options.erk(), options.cwd(), DemoPlans::refreshes, out)) {
      Refresher refresher = new Refresher(erk, scheduler, options.times(), out, err);
      var unused =
          scheduler.scheduleAtFixedRate( // ends with the scheduler
              refresher::tick, 0, options.every().toMillis(), TimeUnit.MILLISECONDS);
      refresher.awaitDone();
      return refresher.failures.get() == 0 ? 0 : Failures.ERK_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("async-refresh: interrupted");
      return Failures.INTERRUPTED;
    } catch (RuntimeException e) {
      err.println("async-refresh: " + Failures.describe(e));
      return Failures.ERK_FAILED;
    } finally {
      scheduler.shutdownNow();
    }
  }

  /** Starts one refresh per tick and reports each outcome; all its state is confined or atomic. */
  private static final class Refresher {
    private final ExampleErk erk;
    private final ScheduledExecutorService scheduler;
    private final PrintStream out;
    private final PrintStream err;
    private final int times;
    private final CountDownLatch done;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<@Nullable CompletableFuture<PlanList>> inFlight =
        new AtomicReference<>();
    private @Nullable List<PlanRow> previous; // only touched on the scheduler thread

    Refresher(
        ExampleErk erk,
        ScheduledExecutorService scheduler,
        int times,
        PrintStream out,
        PrintStream err) {
      this.erk = erk;
      this.scheduler = scheduler;
      this.times = times;
      this.out = out;
      this.err = err;
      this.done = new CountDownLatch(times == 0 ? 1 : times);
    }

    void tick() {
      CompletableFuture<PlanList> overran = inFlight.get();
      if (overran != null && overran.cancel(true)) {
        out.println("  (previous refresh overran: cancelled, its erk process killed)");
      }
      if (times > 0 && started.get() >= times) {
        return;
      }
      int number = started.incrementAndGet();
      CompletableFuture<PlanList> refresh = erk.client().listPlansAsync(PlanQuery.defaults());
      inFlight.set(refresh);
      var unused =
          refresh.whenCompleteAsync(
              (plans, failure) -> { // reports its own failures
                inFlight.compareAndSet(refresh, null);
                report(number, plans, failure);
                if (times > 0) {
                  done.countDown();
                }
              },
              scheduler);
    }

    private void report(int number, @Nullable PlanList plans, @Nullable Throwable failure) {
      String label = "[refresh " + number + "] ";
      if (plans == null) {
        Throwable cause =
            failure == null ? new IllegalStateException("no result") : Failures.unwrap(failure);
        if (cause instanceof java.util.concurrent.CancellationException
            || cause instanceof ErkCancelledException) {
          out.println(label + "cancelled");
        } else {
          failures.incrementAndGet();
          err.println("async-refresh: " + label + "failed: " + Failures.describe(cause));
        }
        return;
      }
      List<PlanRow> rows = plans.plans();
      List<PlanRow> before = previous;
      previous = rows;
      if (before == null) {
        out.println(label + rows.size() + " plans: " + numbers(rows));
        return;
      }
      List<String> changes = PlanChanges.between(before, rows);
      out.println(
          label
              + rows.size()
              + " plans, "
              + (changes.isEmpty() ? "no changes" : changes.size() + " changed"));
      changes.forEach(change -> out.println("  " + change));
    }

    void awaitDone() throws InterruptedException {
      done.await();
    }

    private static String numbers(List<PlanRow> rows) {
      StringBuilder text = new StringBuilder();
      for (PlanRow row : rows) {
        text.append(text.length() == 0 ? "#" : " #").append(row.prNumber());
      }
      return text.length() == 0 ? "none" : text.toString();
    }
  }

  /** The command line of {@link AsyncRefresh}. */
  record Options(@Nullable Path erk, @Nullable Path cwd, Duration every, int times, boolean help) {
    static Options parse(String[] args) throws UsageException {
      Arguments in = new Arguments(args);
      Path erk = null;
      Path cwd = null;
      Duration every = Duration.ofSeconds(3);
      int times = 3;
      boolean help = false;
      while (in.hasNext()) {
        String option = in.nextOption();
        switch (option) {
          case "--erk" -> erk = in.path(option);
          case "--cwd" -> cwd = in.path(option);
          case "--every" -> every = in.seconds(option);
          case "--times" -> times = in.intAtLeast(option, 0);
          case "--help" -> {
            in.flag(option);
            help = true;
          }
          default -> throw Arguments.unknown(option);
        }
      }
      return new Options(erk, cwd, every, times, help);
    }
  }
}
