package dev.erk.client.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What every call of a {@link CliErkClient} does first: refuse to start on a closed client, build
 * its argv from erk's arguments, and track its future so that {@code close()} can cancel it.
 */
final class CallStarter {
  private final ClientConfig config;
  private final CallRegistry calls;

  CallStarter(ClientConfig config, CallRegistry calls) {
    this.config = config;
    this.calls = calls;
  }

  /** The argv that runs this client's erk with these arguments. */
  List<String> command(List<String> arguments) {
    List<String> command = new ArrayList<>(arguments.size() + 1);
    command.add(config.executable().toString());
    command.addAll(arguments);
    return List.copyOf(command);
  }

  /**
   * @throws IllegalStateException if the client is closed
   */
  void checkOpen() {
    if (calls.isClosed()) {
      throw new IllegalStateException("this CliErkClient is closed");
    }
  }

  /** Tracks the call for close(); turns anything it throws into its failed future. */
  <T> CompletableFuture<T> async(List<String> command, Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> future;
    try {
      future = call.get();
    } catch (Throwable e) {
      future = CompletableFuture.failedFuture(Futures.typed(e, command));
    }
    return calls.track(future);
  }
}
