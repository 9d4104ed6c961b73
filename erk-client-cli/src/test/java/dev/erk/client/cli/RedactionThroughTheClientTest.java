package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionParameter;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkCall;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.LineListener;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.internal.RecordingHandler;
import dev.erk.client.cli.internal.warm.WarmStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comment's text reaches erk, and nothing the SDK writes for humans, unless told otherwise. */
class RedactionThroughTheClientTest {
  private static final String LOGGER = "erk.redaction.test";
  private static final String COMMENT = "Superseded; password=hunter2";

  @TempDir Path dir;

  private final RecordingHandler handler = new RecordingHandler();
  private final Logger log = Logger.getLogger(LOGGER);

  @BeforeEach
  void captureDebug() {
    log.addHandler(handler);
    log.setLevel(Level.ALL);
  }

  @AfterEach
  void release() {
    log.removeHandler(handler);
  }

  private CliErkClient.Builder failingErk() {
    // erk refuses; the argv it received goes to stderr, as a crash's traceback might.
    return InlineErk.script(dir, "echo '{\"success\": false, \"error\": \"PR is locked\"}'; exit 1")
        .loggerName(LOGGER)
        .generation(ErkGeneration.CURRENT);
  }

  private ActionRequest close() {
    return DashboardAction.CLOSE_PR.request(new PlanRowsForTests().open(), COMMENT);
  }

  @Test
  void logsResultsMessagesAndEventsHideTheCommentByDefault() throws Exception {
    EventRecorder events = new EventRecorder();
    try (CliErkClient erk = failingErk().eventListener(events).build()) {
      ActionResult result = erk.run(close());
      assertTrue(result.command().contains("--comment=" + COMMENT), "erk got the comment");
      assertFalse(result.toString().contains("hunter2"), result.toString());
      ErkCommandFailedException e =
          assertThrows(ErkCommandFailedException.class, () -> erk.runOrThrow(close()));
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
      assertTrue(e.getMessage().contains("--comment=<redacted>"), e.getMessage());
      events.awaitEnd();
      ErkCall call = events.call;
      assertNotNull(call);
      assertFalse(call.command().toString().contains("hunter2"), call.command().toString());
    }
    List<String> lines = logLines();
    assertTrue(lines.stream().anyMatch(l -> l.contains("--comment=<redacted>")), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains("hunter2")), lines.toString());
  }

  @Test
  void aPromptStaysOutOfATimeoutsMessage() {
    ActionRequest prompt =
        ActionRequest.of(
                DashboardAction.ONE_SHOT_PROMPT,
                Map.of(ActionParameter.PROMPT, "rotate the key hunter2"))
            .withTimeout(Duration.ofMillis(200));
    try (CliErkClient erk =
        InlineErk.script(dir, "exec sleep 600")
            .loggerName(LOGGER)
            .generation(ErkGeneration.CURRENT)
            .build()) {
      StreamHandle stream = erk.stream(prompt, LineListener.NONE);
      ErkTimeoutException e =
          assertThrows(ErkTimeoutException.class, () -> stream.await(Duration.ofSeconds(20)));
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
      assertTrue(e.getMessage().contains("one-shot <redacted>"), e.getMessage());
    }
    assertTrue(logLines().stream().noneMatch(l -> l.contains("hunter2")), logLines().toString());
  }

  @Test
  void theBuilderOptionShowsFreeTextInLogsAndEvents() throws Exception {
    EventRecorder events = new EventRecorder();
    try (CliErkClient erk = failingErk().redactFreeText(false).eventListener(events).build()) {
      erk.run(close());
      events.awaitEnd();
      ErkCall call = events.call;
      assertNotNull(call);
      assertEquals("--comment=" + COMMENT, call.command().get(4));
      assertFalse(erk.newBuilder().redactFreeText, "newBuilder keeps the option off");
    }
    List<String> lines = logLines();
    assertTrue(lines.stream().anyMatch(l -> l.contains("--comment=" + COMMENT)), lines.toString());
  }

  @Test
  void aWarmCallsLogHidesTheComment() {
    Path script = WarmStandIn.install(dir);
    try (CliErkClient erk =
        WarmStandIn.clientBuilder(script, dir, 0.0)
            .loggerName(LOGGER)
            .generation(ErkGeneration.CURRENT)
            .keepWarm(true)
            .build()) {
      ActionResult result = erk.run(close());
      assertTrue(result.command().contains("--comment=" + COMMENT), "erk got the comment");
    }
    List<String> lines = logLines();
    assertTrue(lines.stream().anyMatch(l -> l.contains("(warm)")), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains("hunter2")), lines.toString());
  }

  private List<String> logLines() {
    SimpleFormatter formatter = new SimpleFormatter();
    return handler.records().stream().map(formatter::formatMessage).toList();
  }
}
