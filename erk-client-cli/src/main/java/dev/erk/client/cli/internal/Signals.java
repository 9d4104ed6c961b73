package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.internal.LibC;

/**
 * Sends POSIX signals to processes known by their handles. A handle is checked to be alive just
 * before its pid is signalled ({@link ProcessHandle#isAlive()} compares the start time, so a
 * recycled pid is not hit, short of a reuse within those microseconds).
 *
 * <p>{@link ProcessHandle} can only terminate and kill; freezing a tree before killing it needs
 * {@code SIGSTOP} and {@code SIGCONT}, sent here through {@code kill(2)}. Where that is not
 * available, stop and continue do nothing and the tree is killed without being frozen.
 */
final class Signals {
  private static final String OS = System.getProperty("os.name", "");
  private static final boolean POSIX = !OS.startsWith("Windows");
  private static final boolean BSD = OS.startsWith("Mac") || OS.contains("BSD");
  private static final int SIGSTOP = BSD ? 17 : 19;
  private static final int SIGCONT = BSD ? 19 : 18;

  private Signals() {}

  /** Stops the process until {@link #resume}; returns false if it could not be stopped. */
  static boolean stop(ProcessHandle process) {
    return send(process, SIGSTOP);
  }

  /** Continues a stopped process; a signal sent while it was stopped is handled first. */
  static void resume(ProcessHandle process) {
    send(process, SIGCONT);
  }

  /** SIGTERM. */
  static void terminate(ProcessHandle process) {
    if (process.isAlive()) {
      process.destroy();
    }
  }

  /** SIGKILL. */
  static void kill(ProcessHandle process) {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private static boolean send(ProcessHandle process, int signal) {
    if (!POSIX || !process.isAlive()) {
      return false;
    }
    try {
      return LibC.kill((int) process.pid(), signal) == 0;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
