package dev.erk.client.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkException;
import dev.erk.client.ErkOutputTooLargeException;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.OutputLine;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.CliErkClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays bad erk output through a real child process (the fake erk cats a corpus file) and checks
 * the exact exception {@code listPlans} throws, that its message names the command, that the call
 * is quick, and that no process is left. Rule: undecodable stdout with exit 0 is {@link
 * ErkUnreadableOutputException}; with a non-zero exit it is {@link ErkCommandFailedException} (the
 * exit code is the news).
 */
class BadOutputCorpusTest {
  private static final String PAYLOAD =
      new String(
              Reliability.resource("/reference/dash-data-one-row-every-field.stdout"),
              StandardCharsets.UTF_8)
          .strip();
  private static final String EMPTY = "{\"success\": true, \"plans\": [], \"count\": 0}";
  private static final Class<? extends ErkException> TOO_LARGE = ErkOutputTooLargeException.class;
  private static final Class<? extends ErkException> UNREADABLE =
      ErkUnreadableOutputException.class;
  private static final Class<? extends ErkException> FAILED = ErkCommandFailedException.class;
  private static final Duration QUICK = Duration.ofSeconds(10);

  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final AtomicInteger TYPED = new AtomicInteger();
  private static final AtomicInteger HANGS = new AtomicInteger();

  @TempDir Path dir;

  /**
   * One corpus case.
   *
   * @param expected the exception, or null when the output must decode
   * @param check what to verify on the decoded plans (when {@code expected} is null)
   */
  @SuppressWarnings("ArrayRecordComponent") // a table row of raw bytes, never compared
  record Case(
      String name,
      byte[] stdout,
      byte[] stderr,
      int exit,
      @Nullable String run,
      @Nullable Class<? extends ErkException> expected,
      @Nullable Consumer<PlanList> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case bad(String name, String stdout, int exit, Class<? extends ErkException> e) {
    return bad(name, stdout.getBytes(StandardCharsets.UTF_8), exit, e);
  }

  private static Case bad(String name, byte[] stdout, int exit, Class<? extends ErkException> e) {
    return new Case(name, stdout, new byte[0], exit, null, e, null);
  }

  private static Case good(String name, byte[] stdout, Consumer<PlanList> check) {
    return new Case(name, stdout, new byte[0], 0, null, null, check);
  }

  /** The real payload with the first {@code "key": value} of a row field replaced. */
  private static String field(String key, String value) {
    String prefix = "\"" + key + "\": ";
    int at = PAYLOAD.indexOf(prefix);
    if (at < 0) {
      throw new IllegalArgumentException(key);
    }
    int start = at + prefix.length();
    int end = valueEnd(PAYLOAD, start);
    return PAYLOAD.substring(0, start) + value + PAYLOAD.substring(end);
  }

  private static int valueEnd(String s, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
          if (depth == 0) {
            return i + 1;
          }
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return s.length();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Case> corpus() {
    List<Case> cases = new ArrayList<>();
    // Empty and blank.
    cases.add(bad("empty stdout, exit 0", "", 0, UNREADABLE));
    cases.add(bad("only whitespace, exit 0", " \n\t\r\n", 0, UNREADABLE));
    cases.add(bad("empty stdout, exit 1", "", 1, FAILED));
    // A real payload cut at many offsets.
    int length = PAYLOAD.length();
    for (int cut :
        new int[] {
          1,
          2,
          11,
          12,
          27,
          29,
          100,
          500,
          1000,
          1500,
          2000,
          length / 2,
          length - 20,
          length - 2,
          length - 1
        }) {
      cases.add(
          bad("truncated at " + cut + " of " + length, PAYLOAD.substring(0, cut), 0, UNREADABLE));
    }
    cases.add(bad("truncated at 1000, exit 1", PAYLOAD.substring(0, 1000), 1, FAILED));
    cases.add(bad("truncated at 1000, killed (exit 137)", PAYLOAD.substring(0, 1000), 137, FAILED));
    // Not the envelope.
    cases.add(bad("a JSON array", "[]", 0, UNREADABLE));
    cases.add(bad("an array of rows", "[" + PAYLOAD + "]", 0, UNREADABLE));
    cases.add(bad("a JSON string", "\"ok\"", 0, UNREADABLE));
    cases.add(bad("a number", "42", 0, UNREADABLE));
    cases.add(bad("null", "null", 0, UNREADABLE));
    cases.add(bad("success missing", "{\"plans\": [], \"count\": 0}", 0, UNREADABLE));
    cases.add(bad("success a string", "{\"success\": \"true\", \"plans\": []}", 0, UNREADABLE));
    cases.add(bad("success a number", "{\"success\": 1, \"plans\": []}", 0, UNREADABLE));
    cases.add(bad("success null", "{\"success\": null, \"plans\": []}", 0, UNREADABLE));
    cases.add(bad("success false without error, exit 0", "{\"success\": false}", 0, UNREADABLE));
    cases.add(
        bad(
            "success false with error, exit 1",
            "{\"success\": false, \"error\": \"GitHub authentication not available\"}",
            1,
            FAILED));
    cases.add(
        bad("plans an object", "{\"success\": true, \"plans\": {}, \"count\": 0}", 0, UNREADABLE));
    cases.add(bad("plans a string", "{\"success\": true, \"plans\": \"none\"}", 0, UNREADABLE));
    cases.add(bad("plans null", "{\"success\": true, \"plans\": null}", 0, UNREADABLE));
    cases.add(bad("plans missing", "{\"success\": true, \"count\": 0}", 0, UNREADABLE));
    cases.add(bad("a row that is a number", "{\"success\": true, \"plans\": [1]}", 0, UNREADABLE));
    cases.add(bad("a row that is a list", "{\"success\": true, \"plans\": [[]]}", 0, UNREADABLE));
    cases.add(
        bad(
            "count a string",
            "{\"success\": true, \"plans\": [], \"count\": \"0\"}",
            0,
            UNREADABLE));
    // Wrong types in each kind of row field.
    cases.add(bad("string for int (pr_number)", field("pr_number", "\"42\""), 0, UNREADABLE));
    cases.add(bad("decimal for int (pr_number)", field("pr_number", "42.5"), 0, UNREADABLE));
    cases.add(bad("null for required int (pr_number)", field("pr_number", "null"), 0, UNREADABLE));
    cases.add(bad("int above 2^31 (pr_number)", field("pr_number", "2147483648"), 0, UNREADABLE));
    cases.add(
        bad(
            "int above 2^63 (ci_summary_comment_id)",
            field("ci_summary_comment_id", "9223372036854775808"),
            0,
            UNREADABLE));
    cases.add(bad("int for string (pr_url)", field("pr_url", "5"), 0, UNREADABLE));
    cases.add(bad("bool for string (pr_title)", field("pr_title", "true"), 0, UNREADABLE));
    cases.add(bad("object for string (full_title)", field("full_title", "{}"), 0, UNREADABLE));
    cases.add(
        bad("string for bool (exists_locally)", field("exists_locally", "\"yes\""), 0, UNREADABLE));
    cases.add(bad("object for array (log_entries)", field("log_entries", "{}"), 0, UNREADABLE));
    cases.add(
        bad("string for array (checks_counts)", field("checks_counts", "\"7/9\""), 0, UNREADABLE));
    cases.add(
        bad("array of wrong arity (checks_counts)", field("checks_counts", "[7]"), 0, UNREADABLE));
    cases.add(bad("not a date (updated_at)", field("updated_at", "\"yesterday\""), 0, UNREADABLE));
    cases.add(bad("int for date (created_at)", field("created_at", "1700000000"), 0, UNREADABLE));
    cases.add(bad("log entry of wrong shape", field("log_entries", "[[1, 2]]"), 0, UNREADABLE));
    // Encoding.
    cases.add(
        bad(
            "invalid UTF-8 in a string",
            concat(
                utf8(EMPTY.substring(0, EMPTY.length() - 1) + ", \"x\": \""),
                new byte[] {(byte) 0xff, (byte) 0xfe},
                utf8("\"}")),
            0,
            UNREADABLE));
    cases.add(
        bad(
            "overlong UTF-8 in a row value",
            concat(utf8(field("pr_title", "\"")), new byte[] {(byte) 0xc0, (byte) 0xaf}),
            0,
            UNREADABLE));
    cases.add(bad("UTF-16 output", EMPTY.getBytes(StandardCharsets.UTF_16LE), 0, UNREADABLE));
    cases.add(
        good(
            "a UTF-8 BOM is accepted",
            concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8(PAYLOAD)),
            plans -> assertEquals(42, plans.plans().get(0).prNumber())));
    cases.add(
        bad("raw control character in a string", field("pr_body", "\"a\u0001b\""), 0, UNREADABLE));
    // Non-JSON numbers, duplicates, lenient syntax.
    cases.add(bad("NaN", field("pr_number", "NaN"), 0, UNREADABLE));
    cases.add(bad("Infinity", field("ci_summary_comment_id", "Infinity"), 0, UNREADABLE));
    cases.add(bad("-Infinity in extras", EMPTY.replace("}", ", \"x\": -Infinity}"), 0, UNREADABLE));
    cases.add(
        bad(
            "duplicate envelope key",
            "{\"success\": true, \"success\": false, \"plans\": []}",
            0,
            UNREADABLE));
    cases.add(bad("duplicate row key", field("pr_number", "42, \"pr_number\": 43"), 0, UNREADABLE));
    cases.add(bad("trailing comma", "{\"success\": true, \"plans\": [],}", 0, UNREADABLE));
    cases.add(bad("comment", "{\"success\": true, /* x */ \"plans\": []}", 0, UNREADABLE));
    cases.add(bad("single quotes", "{'success': true, 'plans': []}", 0, UNREADABLE));
    // Stack safety.
    cases.add(bad("100k '[' at the top", "[".repeat(100_000), 0, UNREADABLE));
    cases.add(bad("100k '[' in a row value", field("pr_body", "[".repeat(100_000)), 0, UNREADABLE));
    cases.add(
        bad(
            "100k '{\"a\":' in the envelope",
            "{\"success\": true, \"x\": " + "{\"a\": ".repeat(100_000),
            0,
            UNREADABLE));
    // Tracebacks.
    byte[] traceback = Reliability.resource("corpus/traceback.txt");
    cases.add(bad("traceback on stdout, exit 1", traceback, 1, FAILED));
    cases.add(bad("traceback on stdout, exit 0", traceback, 0, UNREADABLE));
    // Trailing material.
    cases.add(bad("JSON then garbage", PAYLOAD + " garbage", 0, UNREADABLE));
    cases.add(
        bad("JSON then a warning line", PAYLOAD + "\nWarning: rate limited\n", 0, UNREADABLE));
    cases.add(bad("two JSON documents", EMPTY + "\n" + EMPTY + "\n", 0, UNREADABLE));
    cases.add(bad("two JSON documents, exit 1", EMPTY + EMPTY, 1, FAILED));
    cases.add(
        good(
            "JSON then blank lines",
            utf8(PAYLOAD + "\n\n \n"),
            plans -> assertEquals(1, plans.plans().size())));
    // Size.
    cases.add(
        new Case(
            "100 MB on stdout against the 64 MiB limit",
            new byte[0],
            new byte[0],
            0,
            "head -c 100000000 /dev/zero | tr '\\0' ' '; exec sleep 600\n",
            TOO_LARGE,
            null));
    cases.add(
        new Case(
            "100 MB on stderr against the 64 MiB limit",
            utf8(EMPTY),
            new byte[0],
            0,
            "head -c 100000000 /dev/zero >&2; exec sleep 600\n",
            TOO_LARGE,
            null));
    cases.add(
        good(
            "a 20 MB single-line valid JSON decodes",
            twentyMegabytes(),
            plans -> assertEquals(ROWS_IN_20MB, plans.plans().size())));
    // stderr content.
    cases.add(
        new Case(
            "NUL bytes and escapes in stderr, exit 1",
            new byte[0],
            Reliability.resource("corpus/nul-stderr.bin"),
            1,
            null,
            FAILED,
            null));
    cases.add(
        new Case(
            "usage error, exit 2",
            new byte[0],
            Reliability.resource("corpus/usage-error.txt"),
            2,
            null,
            FAILED,
            null));
    return cases.stream();
  }

  private static final int ROWS_IN_20MB = 20 * 1024 * 1024 / (PAYLOAD.length() - 40) + 1;

  private static byte[] twentyMegabytes() {
    String row = PAYLOAD.substring(PAYLOAD.indexOf("[{") + 1, PAYLOAD.lastIndexOf("}]") + 1);
    StringBuilder out = new StringBuilder(ROWS_IN_20MB * (row.length() + 2) + 64);
    out.append("{\"success\": true, \"plans\": [");
    for (int i = 0; i < ROWS_IN_20MB; i++) {
      out.append(i == 0 ? "" : ", ").append(row);
    }
    return utf8(out.append("], \"count\": ").append(ROWS_IN_20MB).append("}\n").toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachBadOutputFailsWithItsExactType(Case c) throws Exception {
    TRIED.incrementAndGet();
    Files.write(dir.resolve("stdout"), c.stdout());
    Files.write(dir.resolve("stderr"), c.stderr());
    Reliability.write(dir.resolve("exit"), c.exit() + "\n");
    if (c.run() != null) {
      Reliability.write(dir.resolve("run"), c.run());
    }
    long start = System.nanoTime();
    Throwable thrown = null;
    PlanList plans = null;
    try (CliErkClient client = Reliability.fake(dir).build()) {
      plans = client.listPlans(PlanQuery.defaults());
    } catch (Throwable t) {
      thrown = t;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (took.compareTo(QUICK) > 0) {
      HANGS.incrementAndGet();
    }
    Reliability.assertNoneRunning(Reliability.pids(dir));
    assertTrue(took.compareTo(QUICK) <= 0, "took " + took);
    if (c.expected() == null) {
      if (thrown != null) {
        throw new AssertionError("expected plans, got " + thrown, thrown);
      }
      c.check().accept(plans);
    } else {
      PlanList decoded = plans;
      assertEquals(
          c.expected(), thrown == null ? null : thrown.getClass(), () -> "decoded " + decoded);
      String message = thrown.getMessage();
      assertTrue(message.contains("dash-data"), message);
      assertFalse(message.chars().anyMatch(ch -> ch == 0 || ch == 0x1b), message);
      if (thrown instanceof ErkUnreadableOutputException unreadable) {
        assertFalse(unreadable.snippet().chars().anyMatch(ch -> ch == 0), unreadable.snippet());
      }
    }
    TYPED.incrementAndGet();
  }

  @Test
  void nulBytesInStderrLeaveACleanFailureMessage() throws Exception {
    Files.write(dir.resolve("stderr"), Reliability.resource("corpus/nul-stderr.bin"));
    Reliability.write(dir.resolve("exit"), "1\n");
    try (CliErkClient client = Reliability.fake(dir).build()) {
      ErkCommandFailedException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ErkCommandFailedException.class, () -> client.listPlans(PlanQuery.defaults()));
      assertEquals(1, e.result().exitCode());
      assertFalse(
          e.result().message().chars().anyMatch(ch -> ch == 0 || ch == 0x1b), e.result().message());
    }
  }

  @Test
  void runReportsTooMuchOutputAsUnreadable() throws Exception {
    Reliability.write(dir.resolve("run"), "head -c 100000000 /dev/zero; exec sleep 600\n");
    long start = System.nanoTime();
    try (CliErkClient client = Reliability.fake(dir).build()) {
      ErkOutputTooLargeException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ErkOutputTooLargeException.class,
              () -> client.run(ActionRequest.custom(ActionKind.JSON, "exec", "dash-data")));
      assertTrue(e.getMessage().contains("output limit"), e.getMessage());
      assertEquals(64L * 1024 * 1024, e.limit());
    }
    assertTrue(System.nanoTime() - start < QUICK.toNanos());
    Reliability.assertNoneRunning(Reliability.pids(dir));
  }

  @Test
  void aTwentyMegabyteLineInAStreamArrivesInPieces() throws Exception {
    Reliability.write(
        dir.resolve("run"), "head -c 20000000 /dev/zero | tr '\\0' x; echo; " + "echo done\n");
    List<OutputLine> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicLong chars = new AtomicLong();
    try (CliErkClient client = Reliability.fake(dir).build();
        StreamHandle handle =
            client.stream(
                ActionRequest.custom(ActionKind.STREAMING, "x"),
                line -> {
                  chars.addAndGet(line.text().length());
                  lines.add(
                      new OutputLine(
                          line.source(),
                          line.text().length() + "",
                          line.sequence(),
                          line.timestamp()));
                })) {
      assertEquals(0, handle.completion().get(20, TimeUnit.SECONDS).exitCode());
    }
    assertEquals(20_000_000 + 4, chars.get());
    assertTrue(lines.size() >= 20, "pieces: " + lines.size());
    assertTrue(lines.stream().allMatch(l -> Integer.parseInt(l.text()) <= 1024 * 1024));
    Reliability.assertNoneRunning(Reliability.pids(dir));
  }

  @AfterAll
  static void summary() {
    System.out.printf(
        "reliability: bad-output %d tried, %d typed, %d hangs%n",
        TRIED.get(), TYPED.get(), HANGS.get());
  }
}
