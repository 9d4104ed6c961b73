package dev.erk.examples;

import dev.erk.examples.web.DashboardServer;
import dev.erk.examples.web.DemoScenario;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * erk's dashboard in a web browser: serves the plan table, filters, actions and streamed action
 * output on {@code http://127.0.0.1:PORT/} until Ctrl-C, which cancels the running actions (killing
 * erk's process trees). Without {@code --erk} it runs on the testkit's fake erk with {@link
 * DemoScenario}.
 */
public final class WebDashboard {
  static final String USAGE =
      """
      Usage: WebDashboard [options]
        Serves erk's dashboard on http://127.0.0.1:PORT/ until Ctrl-C.
        --erk PATH        the erk executable; without it a demo runs on erk-client's FakeErk
        --cwd DIR         the repository erk runs in (default: the current directory)
        --port N          the port (default: a free one)
        --refresh SECONDS how often the page reloads the plans (default 10)
        --help            print this help""";

  private static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);

  private WebDashboard() {}

  /**
   * Runs the server until the JVM is stopped.
   *
   * @param args the command line, see {@code --help}
   */
  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException e) {
      System.err.println("web-dashboard: " + e.getMessage() + " (try --help)");
      System.exit(Failures.USAGE);
      return;
    }
    if (options.help()) {
      System.out.println(USAGE);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      ExampleErk erk =
          ExampleErk.connect(options.erk(), options.cwd(), DemoScenario::script, System.out);
      DashboardServer server;
      try {
        server = DashboardServer.start(erk.client(), options.port(), options.refresh());
      } catch (RuntimeException e) {
        erk.close();
        throw e;
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    erk.close();
                    stopped.countDown();
                  },
                  "stop-web-dashboard"));
      print(System.out, server);
    } catch (RuntimeException e) {
      System.err.println("web-dashboard: " + Failures.describe(e));
      System.exit(Failures.ERK_FAILED);
    }
    stopped.await();
  }

  static void print(PrintStream out, DashboardServer server) {
    out.println(
        "erk web dashboard: " + server.uri() + "  (Ctrl-C stops it and cancels its actions)");
    out.flush();
  }

  /** The command line of {@link WebDashboard}. */
  record Options(@Nullable Path erk, @Nullable Path cwd, int port, Duration refresh, boolean help) {
    static Options parse(String[] args) throws UsageException {
      Arguments in = new Arguments(args);
      Path erk = null;
      Path cwd = null;
      int port = 0;
      Duration refresh = DEFAULT_REFRESH;
      boolean help = false;
      while (in.hasNext()) {
        String option = in.nextOption();
        switch (option) {
          case "--erk" -> erk = in.path(option);
          case "--cwd" -> cwd = in.path(option);
          case "--port" -> port = in.intAtLeast(option, 0);
          case "--refresh" -> refresh = in.seconds(option);
          case "--help" -> {
            in.flag(option);
            help = true;
          }
          default -> throw Arguments.unknown(option);
        }
      }
      if (port > 65_535) {
        throw new UsageException("--port must be at most 65535");
      }
      return new Options(erk, cwd, port, refresh, help);
    }
  }
}
