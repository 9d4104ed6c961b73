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
  private static final String NUPROCESS_HOOK = "com.zaxxer.nuprocess.enableShutdownHook";

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

  /**
   * NuProcess destroys the processes it runs in a shutdown hook of its own; with ours turned off,
   * turn its off too (unless set explicitly), or the property would not leave erk running.
   */
  static void configureNuProcess() {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))
        && System.getProperty(NUPROCESS_HOOK) == null) {
      System.setProperty(NUPROCESS_HOOK, "false");
    }
  }

  /**
   * True once the JVM has begun to shut down. NuProcess's own hook then ends the streams of the
   * processes it runs, which finishes their executions: they must stay registered so this
   * registry's hook still kills what outlived them.
   */
  static boolean shuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
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
