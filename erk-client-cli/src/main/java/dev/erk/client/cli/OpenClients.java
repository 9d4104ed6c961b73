package dev.erk.client.cli;

import dev.erk.client.cli.internal.ExitHook;
import dev.erk.client.cli.internal.NativeRelease;
import dev.erk.client.cli.internal.SdkThreads;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The clients not closed yet, weakly held, for {@link CliErkClient#releaseAll}: a client its user
 * dropped without closing is not kept alive by this set.
 */
final class OpenClients {
  private static final Set<CliErkClient> OPEN = Collections.newSetFromMap(new WeakHashMap<>());

  private OpenClients() {}

  private static boolean released;

  static synchronized void opened(CliErkClient client) {
    if (released) {
      throw new IllegalStateException(
          "erk-client was released by CliErkClient.releaseAll() and"
              + " cannot start processes in this class loader any more");
    }
    OPEN.add(client);
  }

  static synchronized void closed(CliErkClient client) {
    OPEN.remove(client);
  }

  static boolean releaseAll(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<CliErkClient> open;
    synchronized (OpenClients.class) {
      released = true;
      open = List.copyOf(OPEN);
      OPEN.clear();
    }
    open.forEach(CliErkClient::close);
    boolean nativeReleased = NativeRelease.release(left(deadline));
    boolean threadsEnded = SdkThreads.release(left(deadline));
    ExitHook.clear();
    return nativeReleased && threadsEnded;
  }

  private static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }
}
