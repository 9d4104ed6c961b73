package dev.erk.examples.web;

import dev.erk.client.testkit.FakeErk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** The fake erk's processes under this JVM, and waiting for conditions without fixed sleeps. */
final class ErkProcesses {
  /** Generous: the machine running the tests may be heavily loaded. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private ErkProcesses() {}

  /**
   * Every live process of the fake (its scripts run with the executable's path in argv) and their
   * children.
   */
  static List<ProcessHandle> of(FakeErk erk) {
    String executable = erk.executable().toString();
    List<ProcessHandle> found = new ArrayList<>();
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(executable))
        .forEach(
            p -> {
              found.add(p);
              p.descendants().forEach(found::add);
            });
    return found;
  }

  /** Waits until every process in {@code processes} has ended. */
  static void awaitGone(List<ProcessHandle> processes) {
    await(
        () -> processes.stream().noneMatch(ProcessHandle::isAlive),
        () ->
            "still alive: "
                + processes.stream()
                    .filter(ProcessHandle::isAlive)
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                    .collect(Collectors.joining(", ")));
  }

  /** Waits for {@code condition}, polling; fails with {@code what} after {@link #PATIENCE}. */
  static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up waiting after " + PATIENCE + ": " + what.get());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
