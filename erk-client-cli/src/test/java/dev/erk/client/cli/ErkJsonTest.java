package dev.erk.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.erk.client.CheckCounts;
import dev.erk.client.DependencyPlan;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.LogEntry;
import dev.erk.client.PlanList;
import dev.erk.client.PlanRow;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErkJsonTest {
  static final List<String> COMMAND = List.of("erk", "exec", "dash-data");
  final ErkJson json = ErkJson.create();

  static byte[] reference(String name) {
    try (InputStream in = ErkJsonTest.class.getResourceAsStream("/reference/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  ErkJson.DashData decode(byte[] bytes) {
    return json.decodeDashData(bytes, bytes.length, COMMAND);
  }

  PlanList plans(byte[] bytes) {
    return assertInstanceOf(ErkJson.DashData.Plans.class, decode(bytes)).plans();
  }

  PlanList plans(String text) {
    return plans(text.getBytes(UTF_8));
  }

  @Nested
  class ReferenceOutputs {
    @Test
    void openPlansDecodeIntoFourCurrentRowsInErksOrder() {
      PlanList list = plans(reference("dash-data-open-plans.stdout"));
      assertEquals(
          List.of(105, 101, 102, 103), list.plans().stream().map(PlanRow::prNumber).toList());
      assertEquals(ErkGeneration.CURRENT, list.generation());
      PlanRow unenriched = list.plans().get(3);
      assertAll(
          () ->
              assertEquals(
                  "Überarbeitung: Ünïcödé 🚀 titles & \"quotes\" \\ backslash",
                  unenriched.fullTitle()),
          () ->
              assertEquals(
                  "No plan header here.\n\nJust a body with a tab\tand emoji 🎉.",
                  unenriched.prBody()),
          () -> assertEquals("çağrı", unenriched.author()),
          () -> assertNull(unenriched.prState()),
          () -> assertNull(unenriched.checksCounts()),
          () -> assertTrue(unenriched.extras().isEmpty()),
          () -> assertEquals(987654L, list.plans().get(1).ciSummaryCommentId()));
    }

    @Test
    void emptyListHasNoGeneration() {
      PlanList list = plans(reference("dash-data-empty.stdout"));
      assertEquals(0, list.count());
      assertNull(list.generation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash-data-error-no-remote", "dash-data-error-not-authenticated"})
    void jsonErrorsDecodeAsFailuresWithErksText(String name) throws IOException {
      Map<?, ?> expected = new ObjectMapper().readValue(reference(name + ".stdout"), Map.class);
      ErkJson.DashData answer = decode(reference(name + ".stdout"));
      assertEquals(new ErkJson.DashData.Failure(String.valueOf(expected.get("error"))), answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash-data-crash-gh-missing", "usage-error-unknown-command", "version"})
    void outputsThatAreNotTheEnvelopeAreUnreadable(String name) {
      ErkUnreadableOutputException e =
          assertThrows(
              ErkUnreadableOutputException.class, () -> decode(reference(name + ".stdout")));
      String message = String.valueOf(e.getMessage());
      assertTrue(message.contains("`erk exec dash-data`"), message);
      assertEquals(0, e.offset().orElseThrow());
    }

    @Test
    void onlyThePrefixOfTheBufferUpToLengthIsRead() {
      byte[] stdout = reference("dash-data-empty.stdout");
      byte[] buffer = Arrays.copyOf(stdout, stdout.length + 100);
      Arrays.fill(buffer, stdout.length, buffer.length, (byte) 'x');
      ErkJson.DashData answer = json.decodeDashData(buffer, stdout.length, COMMAND);
      assertEquals(0, assertInstanceOf(ErkJson.DashData.Plans.class, answer).plans().count());
    }
  }

  @Nested
  class EveryFieldRow {
    final PlanRow row = plans(reference("dash-data-one-row-every-field.stdout")).plans().get(0);

    @Test
    void identityChecksAndCiFieldsDecode() {
      assertAll(
          () -> assertEquals(42, row.prNumber()),
          () -> assertEquals("https://github.com/acme/widgets/pull/42", row.prUrl()),
          () -> assertEquals("#42 🚧", row.prDisplay()),
          () -> assertEquals("🚫 7/9", row.checksDisplay()),
          () -> assertEquals(false, row.checksPassing()),
          () -> assertEquals(new CheckCounts(7, 9), row.checksCounts()),
          () -> assertEquals(3000000042L, row.ciSummaryCommentId()),
          () -> assertEquals("erk-slot-01", row.worktreeName()),
          () -> assertTrue(row.existsLocally()),
          () -> assertEquals("3h ago", row.localImplDisplay()),
          () -> assertEquals("1d ago", row.remoteImplDisplay()),
          () -> assertEquals("[cyan]9042[/cyan]", row.runIdDisplay()),
          () -> assertEquals("[red]❌ Failure[/red]", row.runStateDisplay()),
          () -> assertEquals("https://github.com/acme/widgets/actions/runs/9042", row.runUrl()),
          () -> assertEquals("Everything set", row.fullTitle()),
          () -> assertEquals("Plan body\n\n- item", row.prBody()),
          () -> assertEquals("[erk-pr] Everything set", row.prTitle()),
          () -> assertEquals("OPEN", row.prState()),
          () -> assertEquals("feat/plan-42", row.prHeadBranch()),
          () -> assertEquals("feat/plan-42", row.worktreeBranch()),
          () -> assertEquals("9042", row.runId()),
          () -> assertEquals("completed", row.runStatus()),
          () -> assertEquals("failure", row.runConclusion()));
    }

    @Test
    void datetimesKeepOffsetsAndMicroseconds() {
      assertAll(
          () ->
              assertEquals(
                  OffsetDateTime.parse("2025-06-15T09:00:00+02:00"), row.lastLocalImplAt()),
          () ->
              assertEquals(
                  OffsetDateTime.parse("2025-06-14T08:05:00+05:30"), row.lastRemoteImplAt()),
          () ->
              assertEquals(
                  OffsetDateTime.parse("2025-06-14T23:59:59.123456+02:00"), row.updatedAt()),
          () -> assertEquals(123456000, Objects.requireNonNull(row.updatedAt()).getNano()),
          () -> assertEquals(OffsetDateTime.parse("2025-06-01T08:30:00-07:00"), row.createdAt()),
          () -> assertEquals("12h ago", row.updatedDisplay()),
          () -> assertEquals("2w ago", row.createdDisplay()));
    }

    @Test
    void nestedListsDecodeIntoRecords() {
      assertEquals(
          List.of(
              new LogEntry(
                  "impl_started",
                  "2025-06-14T08:05:00Z",
                  "https://github.com/acme/widgets/pull/1#c1"),
              new LogEntry("impl_failed", "2025-06-14T09:00:00+05:30", "")),
          row.logEntries());
      assertEquals(
          List.of(
              new DependencyPlan("#98", "https://github.com/acme/widgets/pull/98"),
              new DependencyPlan("#99", "https://github.com/acme/widgets/pull/99")),
          row.objectiveDepsPlans());
    }

    @Test
    void commentLearnAndObjectiveFieldsDecode() {
      assertAll(
          () -> assertEquals(2, row.resolvedCommentCount()),
          () -> assertEquals(5, row.totalCommentCount()),
          () -> assertEquals("2/5", row.commentsDisplay()),
          () -> assertEquals("completed_with_plan", row.learnStatus()),
          () -> assertEquals(442, row.learnPlanIssue()),
          () -> assertEquals(true, row.learnPlanIssueClosed()),
          () -> assertEquals(542, row.learnPlanPr()),
          () -> assertEquals("https://github.com/acme/widgets/actions/runs/42", row.learnRunUrl()),
          () -> assertEquals("✅ #442", row.learnDisplay()),
          () -> assertEquals("✅ #442", row.learnDisplayIcon()),
          () -> assertEquals(50, row.objectiveIssue()),
          () -> assertEquals("https://github.com/test/repo/issues/50", row.objectiveUrl()),
          () -> assertEquals("#50", row.objectiveDisplay()),
          () -> assertEquals(3, row.objectiveDoneNodes()),
          () -> assertEquals(7, row.objectiveTotalNodes()),
          () -> assertEquals("3/7", row.objectiveProgressDisplay()),
          () -> assertEquals("reliable-webhooks", row.objectiveSlugDisplay()),
          () -> assertEquals("✓✓✓▶▶○○", row.objectiveFrontierDisplay()),
          () -> assertEquals("in progress", row.objectiveDepsDisplay()),
          () -> assertEquals("1.4", row.objectiveNextNodeDisplay()),
          () -> assertEquals("alice", row.author()),
          () -> assertTrue(row.isLearnPlan()),
          () -> assertEquals("[yellow]impl[/yellow]", row.lifecycleDisplay()),
          () -> assertEquals("🚧 💥 🥞", row.statusDisplay()),
          () -> assertEquals(Map.of(), row.extras()));
    }

    @Test
    void surrogatePairEscapesBecomeOneCodePoint() {
      assertEquals(
          List.of((int) '#', (int) '4', (int) '2', (int) ' ', 0x1F6A7),
          row.prDisplay().codePoints().boxed().toList());
    }
  }

  @Nested
  class Construction {
    @Test
    void aCallersMapperIsCopiedNotChanged() {
      ObjectMapper mine = new ObjectMapper();
      ErkJson copy = ErkJson.create(mine);
      assertFalse(
          mine.getFactory()
              .isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature()));
      assertTrue(mine.getRegisteredModuleIds().isEmpty());
      byte[] dup = "{\"success\": true, \"plans\": [], \"plans\": []}".getBytes(UTF_8);
      assertThrows(
          ErkUnreadableOutputException.class, () -> copy.decodeDashData(dup, dup.length, COMMAND));
    }

    @Test
    void aYamlLikeMapperIsRefused() {
      ObjectMapper other =
          new ObjectMapper(
              new com.fasterxml.jackson.core.JsonFactory() {
                private static final long serialVersionUID = 1L;

                @Override
                public String getFormatName() {
                  return "YAML";
                }
              });
      assertThrows(IllegalArgumentException.class, () -> ErkJson.create(other));
    }

    @Test
    void aLengthBeyondTheBufferIsRefused() {
      assertThrows(
          IndexOutOfBoundsException.class, () -> json.decodeDashData(new byte[2], 3, COMMAND));
    }
  }
}
