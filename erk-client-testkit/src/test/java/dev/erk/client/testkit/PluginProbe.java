package dev.erk.client.testkit;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkGeneration;
import dev.erk.client.PlanList;
import dev.erk.client.cli.CliErkClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What an IDE plugin does with erk-client before it is unloaded: build a client, list plans, run a
 * fast action, stream one, close the client, then call CliErkClient.releaseAll.
 *
 * <p>{@link PluginHost} loads this class through the plugin's class loader, from a directory that
 * holds nothing else, and calls it through {@link Callable} only, so that no type of the plugin
 * leaks into the host. It must not use the test kit: the plugin loader has erk-client's jars and
 * their dependencies, nothing more.
 */
public final class PluginProbe implements Callable<String> {
  private final String executable;
  private final String directory;

  public PluginProbe(String executable, String directory) {
    this.executable = executable;
    this.directory = directory;
  }

  @Override
  public String call() throws Exception {
    StringBuilder report = new StringBuilder();
    try (CliErkClient client =
        CliErkClient.builder()
            .executable(Path.of(executable))
            .workingDirectory(Path.of(directory))
            .killGrace(Duration.ofMillis(100))
            .generation(ErkGeneration.CURRENT)
            .build()) {
      PlanList plans = client.listPlans();
      report.append("listPlans: ").append(plans.count()).append(" plans\n");
      ActionResult run = client.run(ActionRequest.custom(ActionKind.JSON, "exec", "close-pr", "7"));
      report.append("run: exit ").append(run.exitCode()).append('\n');
      List<String> lines = new CopyOnWriteArrayList<>();
      ActionResult streamed =
          client.stream(
                  ActionRequest.custom(ActionKind.STREAMING, "launch", "pr-address"),
                  line -> lines.add(line.text()))
              .completion()
              .join();
      report
          .append("stream: exit ")
          .append(streamed.exitCode())
          .append(", lines ")
          .append(lines)
          .append('\n');
    }
    long start = System.nanoTime();
    String release = release();
    report
        .append("release: ")
        .append(release)
        .append(" in ")
        .append((System.nanoTime() - start) / 1_000_000)
        .append(" ms\n");
    return report.toString();
  }

  private static String release() {
    if (!CliErkClient.releaseAll(Duration.ofSeconds(10))) {
      throw new IllegalStateException("CliErkClient.releaseAll did not finish within 10 s");
    }
    return "CliErkClient.releaseAll";
  }
}
