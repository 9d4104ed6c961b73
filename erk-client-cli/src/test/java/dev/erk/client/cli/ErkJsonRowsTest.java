package dev.erk.client.cli;

import static dev.erk.client.cli.ErkJsonFixtures.CURRENT_KEYS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.erk.client.PlanRow;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErkJsonRowsTest {
  final ErkJson json = ErkJson.create();

  PlanRow decodeRow(String rowJson) {
    byte[] bytes =
        ("{\"success\": true, \"plans\": [" + rowJson + "], \"count\": 1}").getBytes(UTF_8);
    ErkJson.DashData answer = json.decodeDashData(bytes, bytes.length, List.of("erk"));
    return assertInstanceOf(ErkJson.DashData.Plans.class, answer).plans().plans().get(0);
  }

  static String lowerCamel(String key) {
    StringBuilder out = new StringBuilder();
    for (String part : key.split("_", -1)) {
      out.append(
          out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return out.toString();
  }

  @Nested
  class Schema {
    @Test
    void planRowComponentsAreTheContractsKeysInLowerCamelPlusExtras() {
      List<String> expected = new ArrayList<>();
      CURRENT_KEYS.forEach(key -> expected.add(lowerCamel(key)));
      expected.add("extras");
      assertEquals(
          expected,
          Arrays.stream(PlanRow.class.getRecordComponents())
              .map(RecordComponent::getName)
              .toList());
    }

    @Test
    void theCodecWritesTheContractsKeysInOrder() {
      assertEquals(CURRENT_KEYS, RowField.CURRENT.stream().map(RowField::key).toList());
    }
  }

  @Nested
  class Decoding {
    @Test
    void unknownKeysLandInExtrasAsPlainJavaValuesInOrder() {
      PlanRow row =
          decodeRow(
              "{\"zeta\": {\"a\": [1, 2.5, null, true]}, \"pr_number\": 1, "
                  + "\"alpha\": \"x\", \"nothing\": null, \"huge\": 1180591620717411303424}");
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("a", Arrays.asList(1, 2.5, null, true));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("zeta", nested);
      expected.put("alpha", "x");
      expected.put("nothing", null);
      expected.put("huge", new BigInteger("1180591620717411303424"));
      assertEquals(expected, row.extras());
      assertEquals(
          List.of("zeta", "alpha", "nothing", "huge"), new ArrayList<>(row.extras().keySet()));
    }

    @Test
    void aRowWithOnlyItsNumberTakesTheNothingValueEverywhereElse() {
      PlanRow expected =
          new PlanRow(
              7, null, "-", "-", null, null, null, "", false, "-", "-", "-", "-", null, "", "",
              null, null, null, null, null, null, null, null, null, List.of(), 0, 0, "-", null,
              null, null, null, null, "-", "-", null, null, "-", 0, 0, "-", "-", "-", "-",
              List.of(), "-", null, "-", null, "-", "", false, "-", "-", Map.of());
      assertEquals(expected, decodeRow("{\"pr_number\": 7}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "2026-04-11T09:05:00+00:00 | 2026-04-11T09:05:00Z",
          "2026-04-10T08:15:30.123456+00:00 | 2026-04-10T08:15:30.123456Z",
          "2026-04-11T09:05:00Z | 2026-04-11T09:05:00Z",
          "2026-01-01T00:00:00 | 2026-01-01T00:00:00Z",
          "2026-01-01T00:00:00.5 | 2026-01-01T00:00:00.5Z",
          "2025-06-14T08:05:00+05:30 | 2025-06-14T08:05:00+05:30",
          "2025-06-01T08:30:00.000001-07:00 | 2025-06-01T08:30:00.000001-07:00"
        })
    void datetimesAcceptOffsetsZuluMicrosecondsAndNaiveUtc(String text, String expected) {
      PlanRow row = decodeRow("{\"pr_number\": 1, \"updated_at\": \"" + text + "\"}");
      assertEquals(OffsetDateTime.parse(expected), row.updatedAt());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "2026-04-11T09:05:00+00:00",
          "2026-04-11T09:05:00.1Z",
          "2026-04-11T09:05:00.123456789-03:30",
          "2024-02-29T23:59:59+14:00",
          "0001-01-01T00:00:00",
          "2026-04-11T09:05:00+18:00",
          "2026-04-11T09:05:00.1234567890Z",
          "2026-04-11T09:05:00+19:00",
          "2026-02-29T00:00:00Z",
          "2026-04-11T24:00:00Z",
          "2026-04-11T09:05:00+0530",
          "2026-04-11T09:05:00.+00:00",
          "2026-04-11T09:05:00+05:30:15",
          "2026-04-11T09:05:00[UTC]",
          "2026-04-11 09:05:00",
          "2026-04-11T09:05",
          "+2026-04-11T09:05:00Z",
          "2026-04-11T09:05:00z",
          "2026-04-11T09:05:00-00:00",
          "2026-04-11T09:05:0\u0661Z"
        })
    void theFastDatetimePathAgreesWithJavasIsoParser(String text) {
      OffsetDateTime fast = IsoTimes.parse(text);
      OffsetDateTime full;
      try {
        TemporalAccessor parsed =
            DateTimeFormatter.ISO_DATE_TIME.parseBest(
                text, OffsetDateTime::from, LocalDateTime::from);
        full =
            parsed instanceof OffsetDateTime o
                ? o
                : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        full = null;
      }
      if (fast != null) {
        assertEquals(full, fast);
      }
    }

    @Test
    void aNaiveDatetimeIsReadAsUtc() {
      OffsetDateTime time =
          decodeRow("{\"pr_number\": 1, \"created_at\": \"2026-01-01T00:00:00\"}").createdAt();
      assertEquals(ZoneOffset.UTC, time == null ? null : time.getOffset());
    }
  }

  @Nested
  class Envelopes {
    @Test
    void aCompactEnvelopeOnTheLastLineIsFound() {
      assertEquals(
          Map.of("success", false, "error", "boom"),
          json.decodeObject(
              "Working...\nstill working\n{\"success\": false, \"error\": \"boom\"}\n"));
    }

    @Test
    void anIndentedEnvelopeIsFound() {
      Map<String, Object> expected = new HashMap<>();
      expected.put("pr_number", 12);
      expected.put("run_url", null);
      expected.put("success", true);
      assertEquals(
          expected,
          json.decodeObject(
              "{\r\n  \"pr_number\": 12,\r\n  \"run_url\": null,\r\n  \"success\": true\r\n}\r\n"));
    }

    static List<String> notObjects() {
      return List.of(
          "",
          "   \n  ",
          "plain text",
          "[1, 2]",
          "\"text\"",
          "{\"a\": 1, \"a\": 2}",
          "{\"a\": 1} trailing",
          "{\"a\": 1}\nnot json",
          "{\"a\": NaN}",
          "{\"a\": 1",
          "Error: x\n[1]",
          "{\"a\": 1}\n{\"b\": ");
    }

    @ParameterizedTest
    @MethodSource("notObjects")
    void textWithoutAnObjectGivesNull(String text) {
      assertNull(json.decodeObject(text));
    }
  }
}
