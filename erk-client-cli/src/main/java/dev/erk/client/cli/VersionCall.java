package dev.erk.client.cli;

import dev.erk.client.ActionResult;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.ErkVersion;
import dev.erk.client.internal.CommandLines;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Asks erk for its version with {@code erk --version} (on a warm worker when there is one). */
final class VersionCall {
  private final ClientConfig config;
  private final CallStarter starter;
  private final Spawner spawner;

  VersionCall(ClientConfig config, CallStarter starter, Spawner spawner) {
    this.config = config;
    this.starter = starter;
    this.spawner = spawner;
  }

  /** The argv of {@code erk --version}. */
  List<String> command() {
    return starter.command(List.of("--version"));
  }

  /** Asks erk, reporting to these events. */
  CompletableFuture<ErkVersion> ask(CallEvents events) {
    starter.checkOpen();
    List<String> command = command();
    return starter.async(
        command,
        () ->
            Futures.chain(
                spawner.collectWarm(command, config.actionTimeout(), true, events),
                command,
                collected -> {
                  ActionResult result = collected.toResult(config.json());
                  if (!result.success()) {
                    throw new ErkCommandFailedException(result);
                  }
                  try {
                    return ErkVersion.parse(result.stdout());
                  } catch (IllegalArgumentException e) {
                    String out = result.stdout().strip();
                    throw new ErkUnreadableOutputException(
                        "`" + CommandLines.describe(command) + "` printed no version: " + out,
                        command,
                        out,
                        e);
                  }
                }));
  }
}
