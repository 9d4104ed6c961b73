package dev.erk.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.erk.client.ErkClient;
import dev.erk.client.ErkException;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.PlanRow;
import dev.erk.client.PlanState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/plans?state=open|closed&label=a,b&creator=login}: erk's plans as table rows.
 * Every tab refreshes through the client's coalesced {@code listPlans}, so tabs asking the same
 * question at the same time share one erk process. The rows last listed are kept so that an action
 * names a plan by its number and the server acts on the row erk sent.
 */
final class PlansHandler implements HttpHandler {
  private final ErkClient client;
  private final Map<Integer, PlanRow> lastListed = new ConcurrentHashMap<>();

  PlansHandler(ErkClient client) {
    this.client = client;
  }

  /** The row of plan {@code prNumber} from the latest list any tab asked for. */
  Optional<PlanRow> row(int prNumber) {
    return Optional.ofNullable(lastListed.get(prNumber));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      Exchanges.error(exchange, 405, "use GET");
      return;
    }
    PlanQuery query;
    try {
      query = query(Exchanges.query(exchange));
    } catch (IllegalArgumentException e) {
      Exchanges.error(exchange, 400, String.valueOf(e.getMessage()));
      return;
    }
    PlanList list;
    try {
      list = client.listPlans(query);
    } catch (ErkException e) {
      Exchanges.error(exchange, 502, String.valueOf(e.getMessage()));
      return;
    }
    boolean objectiveRows = query.labels().contains(PlanJson.OBJECTIVE_LABEL);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PlanRow row : list.plans()) {
      lastListed.put(row.prNumber(), row);
      rows.add(PlanJson.of(row, objectiveRows));
    }
    Exchanges.json(
        exchange,
        200,
        Map.of(
            "plans",
            rows,
            "count",
            list.count(),
            "command",
            "erk " + String.join(" ", query.arguments())));
  }

  /**
   * The query for the page's filters; empty values are left to erk.
   *
   * @throws IllegalArgumentException for an unknown state or an unsafe label or creator
   */
  static PlanQuery query(Map<String, String> filters) {
    PlanQuery.Builder builder = PlanQuery.builder().showRuns(true);
    String state = filters.getOrDefault("state", "").strip();
    switch (state) {
      case "" -> {}
      case "open" -> builder.state(PlanState.OPEN);
      case "closed" -> builder.state(PlanState.CLOSED);
      default -> throw new IllegalArgumentException("state must be open or closed: " + state);
    }
    List<String> labels = new ArrayList<>();
    for (String label : filters.getOrDefault("label", "").split(",", 0)) {
      if (!label.isBlank()) {
        labels.add(label.strip());
      }
    }
    builder.labels(labels);
    String creator = filters.getOrDefault("creator", "").strip();
    builder.creator(creator.isEmpty() ? null : creator);
    return builder.build();
  }
}
