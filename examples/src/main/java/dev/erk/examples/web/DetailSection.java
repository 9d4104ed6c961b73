package dev.erk.examples.web;

import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkUnsupportedActionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One part of a detail panel as the page receives it: {@code {"state": "ok", "data": …}}, {@code
 * {"state": "failed", "message": erk's reason, "detail": the whole failure}} or {@code {"state":
 * "unsupported", "message": …}} when the user's erk lacks the command. A panel asks for its parts
 * concurrently and a part that fails does not hide the others.
 */
final class DetailSection<T> {
  private final CompletableFuture<T> answer;
  private final Function<T, Object> toJson;

  private DetailSection(CompletableFuture<T> answer, Function<T, Object> toJson) {
    this.answer = answer;
    this.toJson = toJson;
  }

  /** Starts {@code fetch} now; a query refused before anything runs counts as its answer. */
  static <T> DetailSection<T> start(
      Supplier<CompletableFuture<T>> fetch, Function<T, Object> toJson) {
    CompletableFuture<T> answer;
    try {
      answer = fetch.get();
    } catch (RuntimeException refused) {
      answer = CompletableFuture.failedFuture(refused);
    }
    return new DetailSection<>(answer, toJson);
  }

  /** Waits for the answer and turns it, or its failure, into the page's JSON. */
  Map<String, Object> await() throws InterruptedException {
    Map<String, Object> json = new LinkedHashMap<>();
    T value;
    try {
      value = answer.get();
    } catch (ExecutionException | CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return failure(cause);
    }
    json.put("state", "ok");
    json.put("data", toJson.apply(value));
    return json;
  }

  /** Stops the fetch when the request is abandoned; its erk process is killed. */
  void cancel() {
    answer.cancel(true);
  }

  static Map<String, Object> failure(Throwable cause) {
    Map<String, Object> json = new LinkedHashMap<>();
    String whole = String.valueOf(cause.getMessage());
    if (cause instanceof ErkUnsupportedActionException) {
      json.put("state", "unsupported");
      json.put("message", whole);
    } else if (cause instanceof ErkCommandFailedException failed) {
      json.put("state", "failed");
      json.put("message", failed.erkMessage().isEmpty() ? whole : failed.erkMessage());
      json.put("detail", whole);
    } else {
      json.put("state", "failed");
      json.put("message", whole);
      json.put("detail", whole);
    }
    return json;
  }
}
