package dev.erk.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.erk.client.ErkGeneration;
import dev.erk.client.cli.CliErkClient;
import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /api/details/…} over plain HTTP, on the demo scenario's fake erk. */
class DetailsHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeErk erk;
  private CliErkClient client;
  private DashboardServer server;

  @BeforeEach
  void start() {
    erk = FakeErk.create();
    DemoScenario.script(erk);
    serve(erk.client());
  }

  private void serve(CliErkClient erkClient) {
    client = erkClient;
    server = DashboardServer.start(client, 0, Duration.ofMinutes(10));
  }

  @AfterEach
  void stop() {
    server.close();
    client.close();
    erk.close();
  }

  private RawHttp.Response get(String path) throws IOException {
    return RawHttp.exchange(
        server.uri(), "GET", path, Map.of(RequestGuard.TOKEN_HEADER, server.token()), "");
  }

  private JsonNode details(String path) throws IOException {
    RawHttp.Response answer = get(path);
    assertEquals(200, answer.status(), answer.body());
    return JSON.readTree(answer.body());
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.get(field).asText()));
    return texts;
  }

  @Test
  void aPlansPanelHoldsItsReviewThreadsCiSummariesAndEventLog() throws IOException {
    JsonNode plan = details("/api/details/plan/7911");

    JsonNode threads = plan.at("/reviewThreads/data/threads");
    assertEquals("ok", plan.at("/reviewThreads/state").asText());
    assertEquals(List.of("src/widgets/core.py:42", "README.md"), texts(threads, "location"));
    assertEquals("Please rename this — `val` is vague.", threads.at("/0/comments/0/body").asText());
    assertEquals(List.of("unit-tests", "lint"), texts(plan.at("/ciSummaries/data/checks"), "name"));
    assertEquals(
        List.of("plan-created", "submission-queued", "workflow-started"),
        texts(plan.at("/planLog/data/events"), "type"));
    erk.verify(1, ArgvPattern.exactly("exec", "get-pr-review-comments", "--pr", "7911"));
    erk.verify(1, ArgvPattern.exactly("exec", "ci-fetch-summaries", "--pr-number", "7911"));
    erk.verify(1, ArgvPattern.exactly("pr", "log", "7911", "--json"));
  }

  @Test
  void anObjectivesPanelHoldsItsRoadmap() throws IOException {
    JsonNode roadmap = details("/api/details/objective/7").at("/roadmap/data");

    assertEquals(List.of("1", "2A"), texts(roadmap.get("phases"), "label"));
    JsonNode nodes = roadmap.at("/phases/0/nodes");
    assertEquals(List.of("1.1", "1.2"), texts(nodes, "id"));
    assertEquals(List.of("done", "in_progress"), texts(nodes, "status"));
    assertEquals("Not needed any more", roadmap.at("/phases/1/nodes/1/comment").asText());
    assertEquals("1.2", roadmap.get("nextNode").asText());
    assertEquals(4, roadmap.at("/summary/total").asInt());
  }

  @Test
  void erksFailureShowsErksReasonAndLeavesTheOtherPartsAlone() throws IOException {
    JsonNode plan = details("/api/details/plan/" + DemoScenario.CLOSED_MEANWHILE);

    assertEquals("failed", plan.at("/reviewThreads/state").asText());
    assertTrue(
        plan.at("/reviewThreads/message")
            .asText()
            .startsWith(
                "GraphQL query failed: Could not resolve to a PullRequest with the number"
                    + " of 7890."),
        plan.at("/reviewThreads/message").asText());
    assertTrue(plan.at("/reviewThreads/detail").asText().contains("github-api-failed"));
    assertEquals("ok", plan.at("/ciSummaries/state").asText());
    assertEquals("ok", plan.at("/planLog/state").asText());
  }

  @Test
  void aQueryTheUsersErkLacksIsShownAsUnsupported() throws IOException {
    server.close();
    client.close();
    serve(erk.clientBuilder().generation(ErkGeneration.V0_7).build());

    JsonNode plan = details("/api/details/plan/7911");

    assertEquals("unsupported", plan.at("/ciSummaries/state").asText());
    assertTrue(plan.at("/ciSummaries/message").asText().contains("0.9.1"));
    assertEquals("ok", plan.at("/reviewThreads/state").asText());
    erk.verify(0, ArgvPattern.prefix("exec", "ci-fetch-summaries"));
  }

  @Test
  void markupFromErkNeverAppearsLiterallyInTheAnswer() throws IOException {
    String body = "<script>alert('pwned')</script> & <img src=x onerror=alert(1)>";
    erk.stubFor(ArgvPattern.exactly("exec", "get-pr-review-comments", "--pr", "4242"))
        .willReturn(Reply.stdout(reviewThreads(4242, "src/<b>x</b>.py", body)));

    RawHttp.Response answer = get("/api/details/plan/4242");

    assertEquals(200, answer.status());
    assertTrue(String.valueOf(answer.headers().get("content-type")).startsWith("application/json"));
    assertEquals("nosniff", answer.headers().get("x-content-type-options"));
    for (String literal : List.of("<", ">", "&", "'")) {
      assertFalse(answer.body().contains(literal), literal + " in " + answer.body());
    }
    JsonNode thread = JSON.readTree(answer.body()).at("/reviewThreads/data/threads/0");
    assertEquals("src/<b>x</b>.py:3", thread.get("location").asText());
    assertEquals(body, thread.at("/comments/0/body").asText());
  }

  @Test
  void aRequestWithoutTheTokenIsRefusedBeforeErkRuns() throws IOException {
    RawHttp.Response answer =
        RawHttp.exchange(server.uri(), "GET", "/api/details/plan/7911", Map.of(), "");

    assertEquals(403, answer.status());
    erk.verify(0, ArgvPattern.prefix("exec", "get-pr-review-comments"));
    assertEquals(0, erk.invocations().size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/details/plan/0",
        "/api/details/plan/-1",
        "/api/details/plan/abc",
        "/api/details/plan/7911/x",
        "/api/details/run/7911",
        "/api/details/plan/12345678901"
      })
  void aPathThatNamesNoPlanOrObjectiveIsNotFound(String path) throws IOException {
    assertEquals(404, get(path).status());
    assertEquals(0, erk.invocations().size());
  }

  @Test
  void objectiveRowsOfferOnlyTheObjectiveActionsAndPlanRowsNone() throws IOException {
    JsonNode objectives = details("/api/plans?label=erk-objective").get("plans");
    JsonNode plans = details("/api/plans").get("plans");

    assertTrue(objectives.at("/0/objectiveRow").asBoolean());
    assertEquals(7, objectives.at("/0/objective").asInt());
    assertEquals(
        List.of("check_objective", "close_objective", "one_shot_plan"),
        texts(objectives.at("/0/actions"), "id"));
    assertFalse(plans.at("/0/objectiveRow").asBoolean());
    assertEquals(7, plans.at("/0/objective").asInt());
    assertFalse(texts(plans.at("/0/actions"), "id").contains("check_objective"));
  }

  /** {@code get-pr-review-comments}' answer in erk's shape with one thread of one comment. */
  static String reviewThreads(int pr, String path, String body) throws IOException {
    Map<String, Object> comment =
        Map.of("author", "mallory", "body", body, "created_at", "2026-04-10T09:15:00Z");
    Map<String, Object> thread =
        Map.of(
            "id",
            "PRRT_x",
            "path",
            path,
            "line",
            3,
            "is_outdated",
            false,
            "comments",
            List.of(comment));
    return JSON.writeValueAsString(
        Map.of(
            "success",
            true,
            "pr_number",
            pr,
            "pr_url",
            "https://github.com/acme/widgets/pull/" + pr,
            "pr_title",
            "t",
            "threads",
            List.of(thread)));
  }
}
