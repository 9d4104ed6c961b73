package dev.erk.client.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.PlanRow;
import dev.erk.client.cli.ErkJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The testkit writes erk's dash-data bytes exactly as Python's {@code json.dumps} does; the
 * client's {@link ErkJson} reads them back. (Moved from the cli module, which only reads.)
 */
class DashDataWriterTest {
  final ErkJson json = ErkJson.create();

  static String dashData(List<PlanRow> rows) {
    return DashDataWriter.dashData(rows);
  }

  static String failure(String error) {
    return DashDataWriter.failure(error);
  }

  static byte[] reference(String name) {
    try (InputStream in = DashDataWriterTest.class.getResourceAsStream("/reference/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  ErkJson.DashData decode(byte[] bytes) {
    return json.decodeDashData(bytes, bytes.length, List.of("erk", "exec", "dash-data"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"dash-data-open-plans", "dash-data-one-row-every-field", "dash-data-empty"})
  void decodingAndEncodingReproducesErksBytes(String name) {
    String stdout = new String(reference(name + ".stdout"), UTF_8);
    List<PlanRow> rows =
        assertInstanceOf(ErkJson.DashData.Plans.class, decode(stdout.getBytes(UTF_8)))
            .plans()
            .plans();
    assertEquals(stdout, PlanRows.toDashData(rows));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dash-data-error-no-remote", "dash-data-error-not-authenticated"})
  void encodingAFailureReproducesErksBytes(String name) {
    String stdout = new String(reference(name + ".stdout"), UTF_8);
    ErkJson.DashData.Failure failure =
        assertInstanceOf(ErkJson.DashData.Failure.class, decode(stdout.getBytes(UTF_8)));
    assertEquals(stdout, PlanRows.toFailure(failure.error()));
  }

  final PlanRow base = decodeRow("{\"pr_number\": 7}");

  PlanRow decodeRow(String rowJson) {
    byte[] bytes =
        ("{\"success\": true, \"plans\": [" + rowJson + "], \"count\": 1}").getBytes(UTF_8);
    return assertInstanceOf(ErkJson.DashData.Plans.class, decode(bytes)).plans().plans().get(0);
  }

  PlanRow with(String title, Map<String, Object> extras) {
    return PlanRow.builder()
        .prNumber(7)
        .fullTitle(title)
        .updatedAt(OffsetDateTime.parse("2026-01-02T03:04:05.000007+05:30"))
        .createdAt(OffsetDateTime.parse("2026-01-02T03:04:05.999Z"))
        .extras(extras)
        .build();
  }

  @Test
  void stringsAreAsciiWithPythonsEscapes() {
    String title = "\u00e9 \ud83d\ude00 \"q\" \\ / \n\r\t\b\f \u0001 \u007f \u2028";
    String encoded = PlanRows.toJson(with(title, Map.of()));
    assertTrue(
        encoded.contains(
            "\"full_title\": \"\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ / "
                + "\\n\\r\\t\\b\\f \\u0001 \\u007f \\u2028\""),
        encoded);
  }

  @Test
  void datetimesAreWrittenLikePythonsIsoformat() {
    String encoded = PlanRows.toJson(with("t", Map.of()));
    assertTrue(encoded.contains("\"updated_at\": \"2026-01-02T03:04:05.000007+05:30\""), encoded);
    assertTrue(encoded.contains("\"created_at\": \"2026-01-02T03:04:05.999000+00:00\""), encoded);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1.0E16, 1e+16",
    "1.0E15, 1000000000000000.0",
    "0.0001, 0.0001",
    "1.0E-5, 1e-05",
    "-0.0, -0.0",
    "1.5, 1.5",
    "123456789.123, 123456789.123",
    "1.0E22, 1e+22",
    "4.9E-324, 5e-324",
    "NaN, NaN",
    "-Infinity, -Infinity",
    "0.1, 0.1",
    "100.0, 100.0",
    "1.7976931348623157E308, 1.7976931348623157e+308"
  })
  void floatsInExtrasAreWrittenLikePythonsRepr(double value, String python) {
    assertEquals(python, PythonJsonWriter.floatRepr(value));
  }

  @Test
  void extrasFollowThe55KeysInTheirOrder() {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("z", List.of(1, 2.5, true));
    extras.put("a", null);
    Map<Object, Object> nested = new LinkedHashMap<>();
    nested.put(1, "one");
    extras.put("m", nested);
    String encoded = PlanRows.toJson(with("t", extras));
    assertTrue(
        encoded.endsWith(
            "\"status_display\": \"-\", \"z\": [1, 2.5, true], "
                + "\"a\": null, \"m\": {\"1\": \"one\"}}"),
        encoded);
  }

  @Test
  void anExtraNamedLikeAnErkKeyIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> PlanRows.toJson(with("t", Map.of("pr_body", "x"))));
  }

  @Test
  void anExtraJsonCannotHoldIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PlanRows.toJson(with("t", Map.of("when", new Object()))));
  }

  @Test
  void aFailureEscapesItsText() {
    assertEquals(
        "{\"success\": false, \"error\": \"no \\\"origin\\\" \\u2013 fix it\"}",
        failure("no \"origin\" \u2013 fix it"));
  }

  @Test
  void anEmptyListIsErksEmptyAnswer() {
    assertEquals("{\"success\": true, \"plans\": [], \"count\": 0}", dashData(List.of()));
  }

  @Test
  void encodingThenDecodingGivesTheSameRow() {
    PlanRow row = with("r\u00e9sum\u00e9 \ud83c\udf89", Map.of("k", List.of("v")));
    String encoded = dashData(List.of(row, base));
    byte[] bytes = encoded.getBytes(UTF_8);
    ErkJson.DashData back = json.decodeDashData(bytes, bytes.length, List.of("erk"));
    assertEquals(
        List.of(row, base), assertInstanceOf(ErkJson.DashData.Plans.class, back).plans().plans());
  }
}
