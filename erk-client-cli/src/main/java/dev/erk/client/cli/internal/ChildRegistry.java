package dev.erk.client.cli.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The executions still running, so that a JVM shutdown can kill their process trees instead of
 * leaving erk processes behind. The hook is installed with the first execution; the system
 * property {@code dev.erk.client.killChildrenOnExit=false} turns it off.
 */
final class ChildRegistry {
  static final String PROPERTY = "dev.erk.client.killChildrenOnExit";

  private static final Set<Execution> RUNNING = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean HOOKED = new AtomicBoolean();

  private ChildRegistry() {}

  static void register(Execution execution) {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
      return;
    }
    RUNNING.add(execution);
    if (HOOKED.compareAndSet(false, true)) {
      try {
        Runtime.getRuntime().addShutdownHook(
            new Thread(ChildRegistry::killAll, SharedThreads.PREFIX + "shutdown"));
      } catch (IllegalStateException e) {
        // the JVM is already shutting down
      }
    }
  }

  static void unregister(Execution execution) {
    RUNNING.remove(execution);
  }

  static void killAll() {
    for (Execution execution : RUNNING) {
      execution.killNow();
    }
  }
}
