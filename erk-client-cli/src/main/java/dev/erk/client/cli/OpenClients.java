package dev.erk.client.cli;

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

  static synchronized void opened(CliErkClient client) {
    OPEN.add(client);
  }

  static synchronized void closed(CliErkClient client) {
    OPEN.remove(client);
  }

  static boolean releaseAll(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<CliErkClient> open;
    synchronized (OpenClients.class) {
      open = List.copyOf(OPEN);
    }
    open.forEach(CliErkClient::close);
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    return SdkThreads.release(left);
  }
}
