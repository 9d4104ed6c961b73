package dev.erk.client.cli;

import dev.erk.client.ErkGeneration;
import dev.erk.client.details.DetailCommand;
import dev.erk.client.details.DetailQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@link DetailQuery detail queries}: picks the generation's command line (detecting the
 * generation only when the query's command differs between generations), runs it with its stdin
 * request if it has one, and decodes the answer.
 */
final class DetailFetcher {
  private final ClientConfig config;
  private final Spawner spawner;
  private final GenerationDetector detector;

  DetailFetcher(ClientConfig config, Spawner spawner, GenerationDetector detector) {
    this.config = config;
    this.spawner = spawner;
    this.detector = detector;
  }

  /** Never throws: a generation without the command fails the future before anything spawns. */
  <T> CompletableFuture<T> fetch(DetailQuery<T> query, List<String> display, CallEvents events) {
    CompletableFuture<ErkGeneration> generation =
        query.sameInEveryGeneration()
            ? CompletableFuture.completedFuture(ErkGeneration.CURRENT)
            : detector.detect();
    return Futures.compose(
        generation,
        display,
        g -> {
          DetailCommand command = query.command(g);
          List<String> argv = new ArrayList<>(command.arguments().size() + 1);
          argv.add(config.executable().toString());
          argv.addAll(command.arguments());
          List<String> line = List.copyOf(argv);
          return Futures.chain(
              // Read-only: a warm worker that dies under it may be retried once.
              spawner.collectWarm(line, command.stdin(), config.dataTimeout(), true, events),
              line,
              collected -> DetailDecoding.decode(query.kind(), collected, config.json()));
        });
  }
}
