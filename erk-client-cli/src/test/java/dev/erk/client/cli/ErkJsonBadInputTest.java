package dev.erk.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ErkUnreadableOutputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErkJsonBadInputTest {
  static final List<String> COMMAND =
      List.of("/opt/erk/bin/erk", "exec", "dash-data", "--label", "my label");
  static final String ROW = "{\"success\": true, \"plans\": [{\"pr_number\": 1, ";
  static final String END = "}], \"count\": 1}";
  final ErkJson json = ErkJson.create();

  /** A case whose offset should fall on {@code marker} (its first byte up to its last). */
  static Arguments at(String name, String input, String marker) {
    return at(name, input, marker, 0);
  }

  static Arguments at(String name, String input, String marker, int searchFrom) {
    int from = input.indexOf(marker, searchFrom);
    if (from < 0) {
      throw new IllegalArgumentException(marker + " not in " + input);
    }
    return Arguments.of(name, input.getBytes(UTF_8), from, from + marker.length());
  }

  /** A row value case: {@code "key": value} inside an otherwise valid row. */
  static Arguments field(String name, String key, String value) {
    return at(name, ROW + "\"" + key + "\": " + value + END, value, ROW.length());
  }

  /** A case whose offset is the envelope's closing brace. */
  static Arguments closing(String name, String input) {
    int at = input.lastIndexOf('}');
    return Arguments.of(name, input.getBytes(UTF_8), at, at);
  }

  static Arguments atEnd(String name, String input) {
    int end = input.getBytes(UTF_8).length;
    return Arguments.of(name, input.getBytes(UTF_8), end, end);
  }

  static Arguments bytes(String name, byte[] input, int from, int to) {
    return Arguments.of(name, input, from, to);
  }

  static byte[] withByte(String text, char marker, int value) {
    byte[] bytes = text.getBytes(UTF_8);
    bytes[text.indexOf(marker)] = (byte) value;
    return bytes;
  }

  static List<Arguments> cases() {
    String deep = "[".repeat(1200) + "]".repeat(1200);
    String valid = "{\"success\": true, \"plans\": [], \"count\": 0}";
    List<Arguments> cases =
        new ArrayList<>(
            List.of(
                at("empty output", "", ""),
                at("blank output", " \n\t\r\n", ""),
                at("a Python traceback", "Traceback (most recent call last):\n  File", "T"),
                at("erk's version line", "erk, version 0.9.11\n", "e"),
                at("a JSON array", "[{\"success\": true}]", "["),
                at("a JSON string", "\"success\"", "\"success\""),
                at("a JSON number", "42", "42"),
                at("JSON null", "null", "null"),
                atEnd("truncated envelope", "{\"success\": true, \"plans\": [{\"pr_number\": 1"),
                atEnd("truncated string", "{\"success\": true, \"plans\": [{\"author\": \"al"),
                closing("success missing", "{\"plans\": [], \"count\": 0}"),
                at("success as a string", "{\"success\": \"true\", \"plans\": []}", "\"true\""),
                at("success as null", "{\"success\": null, \"plans\": []}", "null"),
                at("success as 1", "{\"success\": 1, \"plans\": []}", "1"),
                closing("plans missing", "{\"success\": true, \"count\": 0}"),
                at("plans as an object", "{\"success\": true, \"plans\": {}}", "{}"),
                at("plans as null", "{\"success\": true, \"plans\": null}", "null"),
                at("error as a number", "{\"success\": false, \"error\": 42}", "42"),
                closing("error missing", "{\"success\": false}"),
                at(
                    "count as a string",
                    "{\"success\": true, \"plans\": [], \"count\": \"0\"}",
                    "\"0\""),
                at("a row that is a number", "{\"success\": true, \"plans\": [7]}", "7"),
                at("a row that is null", "{\"success\": true, \"plans\": [null]}", "null"),
                at(
                    "a row without pr_number",
                    "{\"success\": true, \"plans\": [{\"author\": \"a\"}]}",
                    "{\"author"),
                at(
                    "a null pr_number",
                    "{\"success\": true, \"plans\": [{\"pr_number\": null}]}",
                    "{\"pr_number"),
                at(
                    "pr_number as a string",
                    "{\"success\": true, \"plans\": [{\"pr_number\": \"7\"}]}",
                    "\"7\""),
                field("a string for an int", "total_comment_count", "\"2\""),
                field("an int for a string", "author", "5555"),
                field("a bool for a string", "pr_display", "true"),
                field("null for a non-null string", "status_display", "null"),
                field("an object for a list", "log_entries", "{}"),
                field("a string for a bool", "exists_locally", "\"yes\""),
                field("a decimal for an int", "resolved_comment_count", "1.5"),
                field("an int above 2^31", "objective_done_nodes", "3000000000"),
                field("a number above 2^63", "ci_summary_comment_id", "9223372036854775808"),
                field("a number far above 2^63", "learn_plan_pr", "1" + "0".repeat(40)),
                field("an unparseable datetime", "updated_at", "\"yesterday\""),
                field("month 13", "created_at", "\"2026-13-01T00:00:00+00:00\""),
                field("a date without a time", "last_local_impl_at", "\"2026-04-01\""),
                field("February 29 of 2026", "updated_at", "\"2026-02-29T00:00:00+00:00\""),
                field("an offset beyond 18 hours", "updated_at", "\"2026-04-11T09:05:00+19:00\""),
                field("a datetime as a number", "last_remote_impl_at", "1712822400"),
                field("passing above total", "checks_counts", "[5, 2]"),
                field("negative counts", "checks_counts", "[-1, 2]"),
                at("three counts", ROW + "\"checks_counts\": [1, 2, 3]" + END, "3"),
                at("one count", ROW + "\"checks_counts\": [1]" + END, "]"),
                at("a log entry of two", ROW + "\"log_entries\": [[\"a\", \"b\"]]" + END, "]]"),
                at(
                    "a log entry of four",
                    ROW + "\"log_entries\": [[\"a\", \"b\", \"c\", \"d\"]]" + END,
                    "\"d\""),
                at(
                    "a dependency plan with a number",
                    ROW + "\"objective_deps_plans\": [[\"#1\", 2]]" + END,
                    "2"),
                at(
                    "a dependency plan that is a string",
                    ROW + "\"objective_deps_plans\": [\"#1\"]" + END,
                    "\"#1\""),
                at("garbage after the JSON", valid + " garbage", "garbage"),
                at("a second document", valid + "\n{\"success\": true}", "{\"success\": true}"),
                at("a stray bracket after the JSON", valid + "]", "}]"),
                field("NaN", "extra", "NaN"),
                field("Infinity", "extra", "-Infinity"),
                at(
                    "a duplicate row key",
                    ROW + "\"author\": \"a\", \"author\": \"b\"" + END,
                    "\"author\": \"b\""),
                at(
                    "a duplicate envelope key",
                    "{\"success\": true, \"success\": false}",
                    "\"success\": false"),
                at("a duplicate unknown row key", ROW + "\"x\": 1, \"x\": 2" + END, "\"x\": 2"),
                at(
                    "a duplicate key inside an unknown row value",
                    ROW + "\"x\": [{\"a\": 1, \"a\": 2}]" + END,
                    "\"a\": 2"),
                at(
                    "a duplicate key inside an unknown envelope value",
                    "{\"success\": true, \"x\": {\"a\": {\"b\": 1, \"b\": 2}}, \"plans\": []}",
                    "\"b\": 2"),
                at("nesting too deep", ROW + "\"x\": " + deep + END, deep.substring(0, 1001)),
                at("single quotes", "{'success': true}", "'"),
                at("a trailing comma", "{\"success\": true, \"plans\": [],}", "}"),
                at("a comment", "// hi\n" + valid, "/"),
                at("a raw newline in a string", ROW + "\"author\": \"a\nb\"" + END, "\nb"),
                at("a bad escape", ROW + "\"author\": \"a\\xb\"" + END, "x")));
    String utf8 = ROW + "\"author\": \"a\u00e9b\"" + END;
    int accent = utf8.indexOf('\u00e9');
    cases.add(
        bytes("an invalid UTF-8 start byte", withByte(utf8, '\u00e9', 0xFF), accent, accent + 1));
    byte[] middle = utf8.getBytes(UTF_8);
    middle[accent + 1] = 'A';
    cases.add(bytes("an invalid UTF-8 middle byte", middle, accent, accent + 2));
    byte[] key = (ROW + "\"k\u00e9y\": 1" + END).getBytes(UTF_8);
    key[ROW.length() + 2] = (byte) 0xFE;
    cases.add(bytes("invalid UTF-8 in a key", key, ROW.length() + 2, ROW.length() + 6));
    return cases;
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void badOutputIsUnreadableWithTheCommandAndTheOffset(
      String name, byte[] input, int from, int to) {
    ErkUnreadableOutputException e =
        assertThrows(
            ErkUnreadableOutputException.class,
            () -> json.decodeDashData(input, input.length, COMMAND));
    assertEquals(ErkUnreadableOutputException.class, e.getClass());
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains("`/opt/erk/bin/erk exec dash-data --label 'my label'`"), message);
    long offset = e.offset().orElseThrow();
    assertTrue(
        offset >= from && offset <= to,
        () -> "offset " + offset + " not in [" + from + ", " + to + "]: " + message);
    assertEquals(COMMAND, e.command());
    assertTrue(e.snippet().length() <= 120, e.snippet());
    assertTrue(e.snippet().chars().noneMatch(Character::isISOControl), e.snippet());
    if (input.length > 0 && offset < input.length) {
      assertTrue(!e.snippet().isEmpty(), "empty snippet");
    }
  }

  @Test
  void theSnippetIsAPrintableExcerptAroundTheOffset() {
    String padding = "x".repeat(500);
    String text =
        "{\"success\": true, \"pad\": \""
            + padding
            + "\", \"plans\": [{\"pr_number\": "
            + "\"one\"}], \"tail\": \""
            + padding
            + "\"}";
    byte[] input = text.getBytes(UTF_8);
    ErkUnreadableOutputException e =
        assertThrows(
            ErkUnreadableOutputException.class,
            () -> json.decodeDashData(input, input.length, COMMAND));
    assertEquals(text.indexOf("\"one\""), e.offset().orElseThrow());
    assertEquals(120, e.snippet().length());
    assertTrue(e.snippet().contains("\"plans\": [{\"pr_number\": \"one\"}]"), e.snippet());
  }

  @Test
  void aByteOrderMarkIsAcceptedAndCountedInOffsets() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "{\"success\": true, \"plans\": [], \"count\": 0}".getBytes(UTF_8);
    byte[] input = Arrays.copyOf(bom, bom.length + body.length);
    System.arraycopy(body, 0, input, bom.length, body.length);
    json.decodeDashData(input, input.length, COMMAND);
    byte[] bad = "\ufeff{\"success\": nope}".getBytes(UTF_8);
    ErkUnreadableOutputException e =
        assertThrows(
            ErkUnreadableOutputException.class,
            () -> json.decodeDashData(bad, bad.length, COMMAND));
    assertEquals(15, e.offset().orElseThrow());
  }

  @Test
  void controlCharactersInTheSnippetAreEscaped() {
    byte[] input = "\u0001\u0002 {oops".getBytes(UTF_8);
    ErkUnreadableOutputException e =
        assertThrows(
            ErkUnreadableOutputException.class,
            () -> json.decodeDashData(input, input.length, COMMAND));
    assertTrue(e.snippet().startsWith("\\u0001\\u0002 {oops"), e.snippet());
  }
}
