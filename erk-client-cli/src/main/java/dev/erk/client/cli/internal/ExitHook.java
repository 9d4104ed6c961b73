package dev.erk.client.cli.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Kills the process trees still running when the JVM exits, so no erk process outlives its host.
 *
 * <p>The JVM shutdown hook exists only while some execution is registered: it is added with the
 * first and removed with the last, so an SDK that is not running anything holds no hook (and its
 * class loader can be unloaded). The system property {@code
 * dev.erk.client.killChildrenOnExit=false} turns it off.
 */
public final class ExitHook {
  static final String PROPERTY = "dev.erk.client.killChildrenOnExit";

  private static final Set<Execution> RUNNING = new LinkedHashSet<>();

  /** Never started: added and removed again to learn whether the JVM is shutting down. */
  private static final Thread PROBE = unstarted(() -> {}, "shutdown-probe");

  /** One thread object, added and removed as executions come and go. */
  private static final Thread HOOK = unstarted(ExitHook::killAll, "shutdown");

  private static boolean hooked;
  private static volatile boolean shuttingDown;

  private ExitHook() {}

  static synchronized void register(Execution execution) {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || shuttingDown) {
      return;
    }
    RUNNING.add(execution);
    if (!hooked) {
      try {
        Runtime.getRuntime().addShutdownHook(HOOK);
        hooked = true;
      } catch (IllegalStateException e) {
        shuttingDown = true;
      }
    }
  }

  static synchronized void unregister(Execution execution) {
    if (RUNNING.remove(execution) && RUNNING.isEmpty()) {
      unhook();
    }
  }

  /**
   * Forgets every execution and removes the hook, for {@code releaseAll} once every call has ended:
   * an execution that outlived its call stays registered a little while (its tree may still be
   * dying), and the timer that would unregister it is gone with the SDK's threads.
   */
  public static synchronized void clear() {
    RUNNING.clear();
    unhook();
  }

  private static void unhook() {
    if (hooked && !shuttingDown) {
      try {
        Runtime.getRuntime().removeShutdownHook(HOOK);
        hooked = false;
      } catch (IllegalStateException e) {
        shuttingDown = true;
      }
    }
  }

  /** True once the JVM has begun to shut down (as far as this hook has seen). */
  static boolean shuttingDown() {
    if (!shuttingDown) {
      synchronized (PROBE) {
        try {
          Runtime.getRuntime().addShutdownHook(PROBE);
          Runtime.getRuntime().removeShutdownHook(PROBE);
        } catch (IllegalStateException e) {
          shuttingDown = true;
        }
      }
    }
    return shuttingDown;
  }

  private static Thread unstarted(Runnable task, String role) {
    Thread thread = new Thread(task, SdkThreads.PREFIX + role);
    thread.setContextClassLoader(null);
    return thread;
  }

  private static void killAll() {
    List<Execution> running;
    synchronized (ExitHook.class) {
      shuttingDown = true;
      running = List.copyOf(RUNNING);
    }
    running.forEach(Execution::markShutdownCancel);
    running.forEach(Execution::killNow);
  }
}
