package dev.erk.examples;

import dev.erk.client.ActionParameter;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkException;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Streams a long erk action, {@code erk launch pr-address --pr N}, printing each line as it arrives
 * with the time since the start ({@code [ 0.41s] Checking PR status...}). Ctrl-C cancels it
 * cleanly: a shutdown hook cancels the {@link StreamHandle}, which kills erk's process tree, and
 * waits briefly for that to finish.
 */
public final class StreamAction {
  static final String USAGE =
      """
      Usage: StreamAction [options]
        Runs `erk launch pr-address --pr N` and prints its lines live; Ctrl-C cancels it.
        --erk PATH   the erk executable; without it a demo runs on erk-client's FakeErk
        --cwd DIR    the repository erk runs in (default: the current directory)
        --pr N       the plan's PR number (required with --erk; demo default 7911)
        --help       print this help""";

  private static final int DEMO_PR = 7911;
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(3);

  private final AtomicReference<@Nullable StreamHandle> running = new AtomicReference<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** A fresh run; {@link #cancel()} may be called from any thread. */
  public StreamAction() {}

  /**
   * Runs the example; Ctrl-C (or any JVM shutdown) cancels the action.
   *
   * @param args the command line, see {@code --help}
   */
  public static void main(String[] args) {
    StreamAction action = new StreamAction();
    Thread hook = new Thread(action::cancel, "cancel-erk-on-exit");
    Runtime.getRuntime().addShutdownHook(hook);
    int code = action.run(args, System.out, System.err);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      return; // Ctrl-C: the hook is cancelling; let the JVM finish its shutdown
    }
    System.exit(code);
  }

  /**
   * Runs the action to its end, or until {@link #cancel()}.
   *
   * @return 0 on success, 1 if erk failed, 2 for a bad command line, 130 if cancelled
   */
  public int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException e) {
      err.println("stream-action: " + e.getMessage() + " (try --help)");
      return Failures.USAGE;
    }
    if (options.help()) {
      out.println(USAGE);
      return 0;
    }
    int pr = options.pr() != null ? options.pr() : DEMO_PR;
    ActionRequest request =
        ActionRequest.of(
            DashboardAction.ADDRESS_REMOTE,
            Map.of(ActionParameter.PR_NUMBER, Integer.toString(pr)));
    Instant start = Instant.now();
    try (ExampleErk erk =
        ExampleErk.connect(options.erk(), options.cwd(), fake -> DemoPlans.launch(fake, pr), out)) {
      out.println("$ " + request.display());
      StreamHandle handle = erk.client().stream(request, line -> print(out, start, line));
      running.set(handle);
      if (cancelled.get()) {
        handle.cancel();
      }
      ActionResult result = handle.completion().join();
      String took = seconds(Duration.between(start, Instant.now()));
      if (!result.success()) {
        err.println(
            "stream-action: "
                + Failures.oneLine(result.message())
                + " (exit "
                + result.exitCode()
                + " after "
                + took
                + ")");
        return Failures.ERK_FAILED;
      }
      out.println("done in " + took);
      return 0;
    } catch (CompletionException | ErkException e) {
      if (Failures.unwrap(e) instanceof ErkCancelledException) {
        err.println(
            "stream-action: cancelled after "
                + seconds(Duration.between(start, Instant.now()))
                + "; erk was stopped");
        return Failures.INTERRUPTED;
      }
      err.println("stream-action: " + Failures.describe(e));
      return Failures.ERK_FAILED;
    } catch (RuntimeException e) {
      err.println("stream-action: unexpected failure: " + Failures.describe(e));
      return Failures.ERK_FAILED;
    } finally {
      running.set(null);
    }
  }

  /**
   * Cancels the running action, killing erk's process tree, and waits up to three seconds for it to
   * end. Safe to call from a shutdown hook, before the action starts, or twice.
   */
  public void cancel() {
    cancelled.set(true);
    StreamHandle handle = running.get();
    if (handle == null) {
      return;
    }
    handle.cancel();
    try {
      handle.await(CANCEL_WAIT);
    } catch (ErkException expected) {
      // it ended as cancelled, which is what we asked for
    }
  }

  private static void print(PrintStream out, Instant start, OutputLine line) {
    String elapsed =
        String.format(
            Locale.ROOT, "%6.2fs", Duration.between(start, line.timestamp()).toMillis() / 1000.0);
    out.println("[" + elapsed + "] " + line.text());
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2fs", duration.toMillis() / 1000.0);
  }

  /** The command line of {@link StreamAction}. */
  record Options(@Nullable Path erk, @Nullable Path cwd, @Nullable Integer pr, boolean help) {
    static Options parse(String[] args) throws UsageException {
      Arguments in = new Arguments(args);
      Path erk = null;
      Path cwd = null;
      Integer pr = null;
      boolean help = false;
      while (in.hasNext()) {
        String option = in.nextOption();
        switch (option) {
          case "--erk" -> erk = in.path(option);
          case "--cwd" -> cwd = in.path(option);
          case "--pr" -> pr = in.positiveInt(option);
          case "--help" -> {
            in.flag(option);
            help = true;
          }
          default -> throw Arguments.unknown(option);
        }
      }
      if (erk != null && pr == null && !help) {
        throw new UsageException("--pr is required with --erk: it launches a real workflow");
      }
      return new Options(erk, cwd, pr, help);
    }
  }
}
