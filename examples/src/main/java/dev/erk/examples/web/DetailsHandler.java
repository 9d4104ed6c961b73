package dev.erk.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.erk.client.ErkClient;
import dev.erk.client.details.DetailQuery;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The detail panel's data, read-only and token-checked like every {@code /api/} call.
 *
 * <ul>
 *   <li>{@code GET /api/details/plan/N}: the plan's unresolved review threads, CI failure summaries
 *       and event log, fetched concurrently with {@code fetchAsync}.
 *   <li>{@code GET /api/details/objective/N}: the objective's roadmap.
 * </ul>
 *
 * Each part is a {@link DetailSection}: its data, erk's reason for failing, or "unsupported" when
 * the user's erk lacks the command. The answer is 200 whenever the request itself was sound.
 */
final class DetailsHandler implements HttpHandler {
  private static final Pattern PATH =
      Pattern.compile("/api/details/(plan|objective)/([1-9][0-9]{0,8})");

  private final ErkClient client;

  DetailsHandler(ErkClient client) {
    this.client = client;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      Exchanges.error(exchange, 405, "use GET");
      return;
    }
    Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
    if (!path.matches()) {
      Exchanges.error(
          exchange, 404, "not found: use /api/details/plan/N or /api/details/objective/N");
      return;
    }
    int number = Integer.parseInt(path.group(2));
    Map<String, DetailSection<?>> sections = new LinkedHashMap<>();
    if ("plan".equals(path.group(1))) {
      sections.put(
          "reviewThreads",
          DetailSection.start(
              () -> client.fetchAsync(DetailQuery.reviewThreads(number)),
              DetailJson::reviewThreads));
      sections.put(
          "ciSummaries",
          DetailSection.start(
              () -> client.fetchAsync(DetailQuery.ciSummaries(number)), DetailJson::ciSummaries));
      sections.put(
          "planLog",
          DetailSection.start(
              () -> client.fetchAsync(DetailQuery.planLog(number)), DetailJson::planLog));
    } else {
      sections.put(
          "roadmap",
          DetailSection.start(
              () -> client.fetchAsync(DetailQuery.objective(number)), DetailJson::roadmap));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("kind", path.group(1));
    answer.put("number", number);
    try {
      for (Map.Entry<String, DetailSection<?>> section : sections.entrySet()) {
        answer.put(section.getKey(), section.getValue().await());
      }
    } catch (InterruptedException e) {
      List.copyOf(sections.values()).forEach(DetailSection::cancel);
      Thread.currentThread().interrupt();
      Exchanges.error(exchange, 503, "the server is stopping");
      return;
    }
    Exchanges.json(exchange, 200, answer);
  }
}
