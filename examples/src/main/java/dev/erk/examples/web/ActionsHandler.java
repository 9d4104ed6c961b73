package dev.erk.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkClient;
import dev.erk.client.ErkException;
import dev.erk.client.PlanRow;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/actions} with {@code {"pr": 42, "action": "land_pr", "input": "…"}}: runs a
 * catalogue action on a plan of the last list. A fast action runs to its end and answers with its
 * outcome; a streaming action answers with a ticket whose event stream starts it (see {@link
 * Runs}). A failed action answers 200 with erk's reason: that is data, not a server error.
 */
final class ActionsHandler implements HttpHandler {
  private final ErkClient client;
  private final PlansHandler plans;
  private final Runs runs;

  ActionsHandler(ErkClient client, PlansHandler plans, Runs runs) {
    this.client = client;
    this.plans = plans;
    this.runs = runs;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      Exchanges.error(exchange, 405, "actions run only by POST");
      return;
    }
    ErkActions.Prepared prepared;
    try {
      prepared = prepare(Exchanges.jsonBody(exchange));
    } catch (IllegalArgumentException | IllegalStateException e) {
      Exchanges.error(exchange, 400, String.valueOf(e.getMessage()));
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("display", prepared.display());
    if (prepared.streaming()) {
      answer.put("ticket", runs.register(prepared));
      Exchanges.json(exchange, 200, answer);
      return;
    }
    ErkActions.Outcome outcome;
    try {
      outcome = ErkActions.run(client, prepared);
    } catch (ErkException e) {
      outcome = ErkActions.Outcome.failure(String.valueOf(e.getMessage()));
    }
    answer.put("success", outcome.success());
    answer.put("exitCode", outcome.exitCode());
    answer.put("message", outcome.message());
    Exchanges.json(exchange, 200, answer);
  }

  private ErkActions.Prepared prepare(Map<String, Object> body) {
    String pr = Exchanges.text(body, "pr");
    String id = Exchanges.text(body, "action");
    if (pr == null || id == null) {
      throw new IllegalArgumentException("pr and action are required");
    }
    int prNumber;
    try {
      prNumber = Integer.parseInt(pr);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("pr must be a number: " + pr, e);
    }
    DashboardAction action = ErkActions.byId(id);
    if (action == null) {
      throw new IllegalArgumentException("no such action on the dashboard: " + id);
    }
    Optional<PlanRow> row = plans.row(prNumber);
    if (row.isEmpty()) {
      throw new IllegalStateException("plan #" + prNumber + " is not in the list; refresh");
    }
    return ErkActions.prepare(action, row.get(), Exchanges.text(body, "input"));
  }
}
