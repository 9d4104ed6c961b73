package dev.erk.client.cli.reliability;

import dev.erk.client.PlanList;
import dev.erk.client.cli.CliErkClient;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link HostEnvironmentTest} in a JVM without JNA: prints how {@code listPlansAsync} ends,
 * {@code async-threw <exception>} if it threw instead of returning a future.
 */
public final class WithoutJnaMain {
  private WithoutJnaMain() {}

  public static void main(String[] args) throws Exception {
    try (CliErkClient client = CliErkClient.builder().executable(Path.of(args[0])).build()) {
      CompletableFuture<PlanList> plans;
      try {
        plans = client.listPlansAsync(dev.erk.client.PlanQuery.defaults());
      } catch (Throwable e) {
        System.out.println("async-threw " + e);
        return;
      }
      try {
        plans.get(30, TimeUnit.SECONDS);
        System.out.println("listed");
      } catch (ExecutionException e) {
        System.out.println(
            "failed " + e.getCause().getClass().getName() + ": " + e.getCause().getMessage());
      }
    }
  }
}
