package dev.erk.client.testkit;

import dev.erk.client.ActionResult;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkGeneration;
import dev.erk.client.details.DetailCommand;
import dev.erk.client.details.DetailQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The detail answers of an {@link InMemoryErkClient}: scripted records or exceptions, keyed by the
 * query's command line and stdin request in the client's generation, so two queries that run the
 * same erk command share an answer.
 */
final class InMemoryDetails {
  private final Map<List<String>, Supplier<Object>> answers = new ConcurrentHashMap<>();
  private final List<DetailQuery<?>> fetched = new CopyOnWriteArrayList<>();
  private volatile ErkGeneration generation = ErkGeneration.CURRENT;

  void generation(ErkGeneration generation) {
    this.generation = generation;
  }

  <T> void answer(DetailQuery<T> query, T answer) {
    answers.put(key(query), () -> answer);
  }

  void fail(DetailQuery<?> query, RuntimeException failure) {
    answers.put(
        key(query),
        () -> {
          throw failure;
        });
  }

  List<DetailQuery<?>> fetched() {
    return List.copyOf(fetched);
  }

  /**
   * The scripted answer. A generation that lacks the command throws as the real client does, before
   * anything else; an unscripted query fails like an unmatched {@link FakeErk} call.
   */
  <T> T fetch(DetailQuery<T> query) {
    fetched.add(query);
    DetailCommand command = query.command(generation);
    Supplier<Object> answer = answers.get(key(command));
    if (answer == null) {
      List<String> argv = new ArrayList<>(List.of("erk"));
      argv.addAll(command.arguments());
      String message = "in-memory erk: nothing scripted for " + query;
      throw new ErkCommandFailedException(
          ActionResult.failure(
              argv, FakeErk.UNMATCHED_EXIT_CODE, "", message + "\n", message, null, Duration.ZERO));
    }
    return query.kind().cast(answer.get());
  }

  private List<String> key(DetailQuery<?> query) {
    return key(query.command(generation));
  }

  /** The arguments, then the request: {@code erk json} commands differ only in it. */
  private static List<String> key(DetailCommand command) {
    List<String> key = new ArrayList<>(command.arguments());
    key.add(String.valueOf(command.stdin()));
    return key;
  }
}
