package dev.erk.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkClient;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A streaming action's two endpoints: {@code GET /api/runs/TICKET/events} starts it and sends
 * {@code start}, one {@code line} per output line ({@code {"seq", "source", "text"}}) and one
 * {@code end} ({@code {"success", "cancelled", "exitCode", "message"}}) as Server-Sent Events;
 * {@code POST /api/runs/TICKET/cancel} kills erk's process tree. A heartbeat every {@link
 * #HEARTBEAT} notices a closed tab, and the action is then cancelled.
 */
final class RunsHandler implements HttpHandler {
  static final Duration HEARTBEAT = Duration.ofSeconds(1);

  private static final String CANCELLED = "cancelled; erk and everything it started were stopped";

  private final ErkClient client;
  private final Runs runs;

  RunsHandler(ErkClient client, Runs runs) {
    this.client = client;
    this.runs = runs;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String[] parts = exchange.getRequestURI().getPath().split("/", 0);
    // "", "api", "runs", TICKET, "events" | "cancel"
    if (parts.length != 5) {
      Exchanges.error(exchange, 404, "no such run");
      return;
    }
    String ticket = parts[3];
    String method = exchange.getRequestMethod();
    if ("cancel".equals(parts[4]) && "POST".equals(method)) {
      boolean known = runs.cancel(ticket);
      Exchanges.json(exchange, known ? 200 : 404, Map.of("cancelled", known));
    } else if ("events".equals(parts[4]) && "GET".equals(method)) {
      Optional<Runs.Run> run = runs.attach(ticket);
      if (run.isEmpty()) {
        Exchanges.error(exchange, 404, "no such run, or it was already opened");
        return;
      }
      stream(exchange, run.get());
    } else {
      Exchanges.error(exchange, 405, "events by GET, cancel by POST");
    }
  }

  private void stream(HttpExchange exchange, Runs.Run run) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    EventStream events = new EventStream(exchange.getResponseBody());
    try {
      events.send("start", Map.of("display", run.prepared().display()));
      StreamHandle handle =
          ErkActions.stream(
              client,
              run.prepared(),
              line -> {
                try {
                  events.send("line", line(line));
                } catch (IOException browserGone) {
                  run.cancel();
                }
              });
      run.started(handle);
      events.send("end", await(handle, events, run));
    } catch (IOException browserGone) {
      run.cancel();
    } finally {
      run.finished();
    }
  }

  /** Waits for the end, sending heartbeats; a failed heartbeat cancels the run. */
  private static Map<String, Object> await(StreamHandle handle, EventStream events, Runs.Run run)
      throws IOException {
    while (true) {
      try {
        ActionResult result = handle.completion().get(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        return end(ErkActions.Outcome.of(result), false);
      } catch (TimeoutException stillRunning) {
        try {
          events.heartbeat();
        } catch (IOException browserGone) {
          run.cancel();
          throw browserGone;
        }
      } catch (CancellationException e) {
        return end(ErkActions.Outcome.failure(CANCELLED), true);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        boolean cancelled = cause instanceof ErkCancelledException;
        String reason = cancelled ? CANCELLED : String.valueOf(cause.getMessage());
        return end(ErkActions.Outcome.failure(reason), cancelled);
      } catch (InterruptedException e) {
        run.cancel();
        Thread.currentThread().interrupt();
        return end(ErkActions.Outcome.failure("the dashboard server is stopping"), true);
      }
    }
  }

  private static Map<String, Object> line(OutputLine line) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seq", line.sequence());
    json.put("source", line.source() == OutputLine.Source.STDERR ? "stderr" : "stdout");
    json.put("text", line.text());
    return json;
  }

  private static Map<String, Object> end(ErkActions.Outcome outcome, boolean cancelled) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("success", outcome.success());
    json.put("cancelled", cancelled);
    json.put("exitCode", outcome.exitCode());
    json.put("message", outcome.message());
    return json;
  }
}
