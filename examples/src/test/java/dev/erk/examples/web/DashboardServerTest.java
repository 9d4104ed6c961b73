package dev.erk.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.cli.CliErkClient;
import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.Invocation;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's safety rules and event streams over plain HTTP, without a browser. */
class DashboardServerTest {
  private FakeErk erk;
  private CliErkClient client;
  private DashboardServer server;
  private URI uri;

  @BeforeEach
  void start() {
    erk = FakeErk.create();
    DemoScenario.script(erk);
    client = erk.client();
    server = DashboardServer.start(client, 0, Duration.ofMinutes(10));
    uri = server.uri();
  }

  @AfterEach
  void stop() {
    server.close();
    client.close();
    erk.close();
  }

  private RawHttp.Response get(String path, Map<String, String> headers) throws IOException {
    return RawHttp.exchange(uri, "GET", path, headers, "");
  }

  private RawHttp.Response post(String path, Map<String, String> headers, String body)
      throws IOException {
    return RawHttp.exchange(uri, "POST", path, headers, body);
  }

  private Map<String, String> tokenJson() {
    return Map.of(RequestGuard.TOKEN_HEADER, server.token(), "Content-Type", "application/json");
  }

  private void listPlans() throws IOException {
    assertEquals(
        200, get("/api/plans", Map.of(RequestGuard.TOKEN_HEADER, server.token())).status());
  }

  @Nested
  class HostHeader {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "evil.example",
          "evil.example:PORT",
          "127.0.0.2:PORT",
          "localhost.evil.example:PORT",
          "127.0.0.1:1",
          "0.0.0.0:PORT"
        })
    void aHostThatIsNotThisComputerIsRefused(String host) throws IOException {
      RawHttp.Response page = get("/", Map.of("Host", port(host)));

      assertEquals(403, page.status());
      assertFalse(page.body().contains(server.token()), "the token must not leak");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:PORT", "localhost:PORT", "[::1]:PORT", "LOCALHOST"})
    void loopbackNamesAreServed(String host) throws IOException {
      assertEquals(200, get("/", Map.of("Host", port(host))).status());
    }

    private String port(String host) {
      return host.replace("PORT", Integer.toString(uri.getPort()));
    }
  }

  @Nested
  class Token {
    @Test
    void thePageCarriesTheTokenAndAStrictContentSecurityPolicy() throws IOException {
      RawHttp.Response page = get("/", Map.of());

      assertTrue(page.body().contains("content=\"" + server.token() + "\""));
      assertTrue(
          page.headers().getOrDefault("content-security-policy", "").contains("script-src 'self'"));
    }

    @Test
    void anActionWithoutTheTokenIsRefusedAndRunsNothing() throws IOException {
      listPlans();
      String body = "{\"pr\": \"7898\", \"action\": \"cancel_run\"}";

      RawHttp.Response refused =
          post("/api/actions", Map.of("Content-Type", "application/json"), body);
      RawHttp.Response wrong =
          post(
              "/api/actions",
              Map.of("Content-Type", "application/json", RequestGuard.TOKEN_HEADER, "0".repeat(32)),
              body);

      assertEquals(403, refused.status());
      assertEquals(403, wrong.status());
      assertTrue(refused.body().contains("X-Erk-Token"), refused.body());
      erk.verify(0, ArgvPattern.prefix("workflow"));
    }

    @Test
    void aFormPostIsRefusedEvenWithTheToken() throws IOException {
      listPlans();
      RawHttp.Response form =
          post(
              "/api/actions",
              Map.of(
                  RequestGuard.TOKEN_HEADER,
                  server.token(),
                  "Content-Type",
                  "application/x-www-form-urlencoded"),
              "pr=7898&action=cancel_run");

      assertEquals(403, form.status());
      erk.verify(0, ArgvPattern.prefix("workflow"));
    }

    @Test
    void actionsRunOnlyByPost() throws IOException {
      assertEquals(
          405,
          get(
                  "/api/actions?pr=7898&action=cancel_run",
                  Map.of(RequestGuard.TOKEN_HEADER, server.token()))
              .status());
    }

    @Test
    void plansNeedTheTokenToo() throws IOException {
      assertEquals(403, get("/api/plans", Map.of()).status());
      assertTrue(erk.invocations().isEmpty());
    }
  }

  @Nested
  class Actions {
    @Test
    void aFailedFastActionAnswersWithErksReason() throws IOException {
      listPlans();
      RawHttp.Response answer =
          post("/api/actions", tokenJson(), "{\"pr\": \"7898\", \"action\": \"cancel_run\"}");

      assertEquals(200, answer.status());
      assertTrue(answer.body().contains("\"success\":false"), answer.body());
      assertTrue(answer.body().contains("Failed to execute gh command"), answer.body());
    }

    @Test
    void aPlanNotListedIsRefused() throws IOException {
      RawHttp.Response answer =
          post("/api/actions", tokenJson(), "{\"pr\": \"7898\", \"action\": \"cancel_run\"}");

      assertEquals(400, answer.status());
      assertTrue(answer.body().contains("refresh"), answer.body());
    }
  }

  @Nested
  class EventStreams {
    @Test
    void closingTheStreamCancelsErkAndLeavesNoProcess() throws IOException {
      listPlans();
      String ticket = ticket("rewrite_remote");
      List<ProcessHandle> tree;
      try (RawHttp events =
          RawHttp.open(uri, "GET", "/api/runs/" + ticket + "/events", Map.of(), "")) {
        assertEquals(200, events.readHead().status());
        for (String line = events.readLine();
            !line.contains("Waiting for the workflow");
            line = events.readLine()) {
          // erk is running and has printed its last line before the long wait
        }
        tree = ErkProcesses.of(erk);
        assertFalse(tree.isEmpty(), "erk runs while its page listens");
      } // the tab closes
      ErkProcesses.awaitGone(tree);
      ErkProcesses.await(() -> ErkProcesses.of(erk).isEmpty(), () -> "processes of the fake");
    }

    @Test
    void aTicketOpensOnceAndAnUnknownOneNever() throws IOException {
      listPlans();
      String ticket = ticket("rebase_remote");

      RawHttp.Response first = get("/api/runs/" + ticket + "/events", Map.of());
      RawHttp.Response second = get("/api/runs/" + ticket + "/events", Map.of());

      assertEquals(200, first.status());
      assertTrue(first.body().contains("Cannot rebase CLOSED PR"), first.body());
      assertEquals(404, second.status());
      assertEquals(404, get("/api/runs/" + "0".repeat(32) + "/events", Map.of()).status());
      List<Invocation> rebases =
          erk.invocations().stream().filter(i -> i.argv().contains("pr-rebase")).toList();
      assertEquals(1, rebases.size(), "one ticket, one erk");
    }

    private String ticket(String action) throws IOException {
      RawHttp.Response answer =
          post(
              "/api/actions",
              tokenJson(),
              "{\"pr\": \""
                  + DemoScenario.CLOSED_MEANWHILE
                  + "\", \"action\": \""
                  + action
                  + "\"}");
      assertEquals(200, answer.status(), answer.body());
      String body = answer.body();
      int start = body.indexOf("\"ticket\":\"") + 10;
      return body.substring(start, body.indexOf('"', start));
    }
  }
}
