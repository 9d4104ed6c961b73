package dev.erk.client.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.PlanList;
import dev.erk.client.PlanRow;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON that erk prints: the {@code erk exec dash-data} envelope and its plan rows (all
 * four row generations, see {@link dev.erk.client.ErkGeneration}), and the {@code {"success": …}}
 * envelopes of other commands.
 *
 * <p>Rows are decoded by streaming straight into {@link PlanRow}; keys the SDK does not know are
 * kept in {@link PlanRow#extras()} as plain Java values (maps, lists, strings, numbers, booleans,
 * null). Writing erk's bytes (for test fixtures) is the testkit's job: {@code
 * dev.erk.client.testkit.PlanRows}.
 *
 * <p>Decoding is strict: duplicate keys, {@code NaN}, comments, trailing commas, invalid UTF-8 and
 * anything after the JSON value other than whitespace make the output unreadable. A UTF-8 byte
 * order mark before the JSON is accepted (Jackson skips it; byte offsets still count it).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * byte[] stdout = Files.readAllBytes(Path.of("dash-data.json"));   // erk exec dash-data's output
 * List<String> argv = List.of("erk", "exec", "dash-data");           // named in errors
 * ErkJson json = ErkJson.create();
 * if (json.decodeDashData(stdout, stdout.length, argv) instanceof ErkJson.DashData.Plans plans) {
 *   plans.plans().plans().forEach(row -> System.out.println(row.prNumber()));
 * }
 * }</pre>
 */
public final class ErkJson {
  private final JsonFactory factory;
  private final @Nullable ObjectReader untyped;
  private final DashDataReader dashData;

  /**
   * @param untyped reads unknown values with a caller's mapper; null for {@link PlainValues}, which
   *     gives what a default mapper gives without building one
   */
  // Jackson deprecated newLockFreePool (since 2.18) in favour of its deque pool; switching pools
  // changes memory behaviour and is its own change. Why the pool is codec-owned: see below.
  @SuppressWarnings("deprecation")
  private ErkJson(JsonFactory factory, @Nullable ObjectReader untyped) {
    this.factory = factory;
    // Jackson's default pool keeps a buffer per thread in a ThreadLocal, which pins erk-client's
    // class loader through any long-lived thread that decoded (a caller's, or a callback
    // executor's) until memory runs low. A pool owned by this codec goes away with it.
    factory.setRecyclerPool(JsonRecyclerPools.newLockFreePool());
    factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    for (JsonReadFeature lenient : JsonReadFeature.values()) {
      factory.disable(lenient.mappedFeature());
    }
    this.untyped = untyped;
    this.dashData = new DashDataReader(factory, untyped);
  }

  /**
   * A codec with Jackson's defaults. Unknown values decode as a default {@link ObjectMapper} would
   * decode them, without building one.
   */
  public static ErkJson create() {
    return new ErkJson(new JsonFactory(), null);
  }

  /**
   * A codec that decodes unknown values with a copy of the caller's mapper (its deserialization
   * features and stream constraints apply). The copy gets the {@link JavaTimeModule} if it lacks
   * it, duplicate-key detection, and strict JSON syntax; {@code mapper} itself is not changed.
   *
   * @throws IllegalArgumentException if the mapper does not read JSON (e.g. a YAML mapper)
   */
  public static ErkJson create(ObjectMapper mapper) {
    if (!JsonFactory.FORMAT_NAME_JSON.equals(mapper.getFactory().getFormatName())) {
      throw new IllegalArgumentException(
          "erk prints JSON; this mapper reads " + mapper.getFactory().getFormatName());
    }
    ObjectMapper copy = mapper.copy();
    if (!copy.getRegisteredModuleIds().contains(new JavaTimeModule().getTypeId())) {
      copy.registerModule(new JavaTimeModule());
    }
    return new ErkJson(copy.getFactory(), copy.readerFor(Object.class));
  }

  /** What {@code erk exec dash-data} answered: its plans, or the error it reported. */
  public sealed interface DashData permits DashData.Plans, DashData.Failure {
    /** {@code {"success": true, "plans": […], "count": N}}. */
    record Plans(PlanList plans) implements DashData {
      /** Checks that {@code plans} is not null. */
      public Plans {
        Objects.requireNonNull(plans, "plans");
      }
    }

    /** {@code {"success": false, "error": "…"}}: erk ran but could not list plans. */
    record Failure(String error) implements DashData {
      /** Checks that {@code error} is not null. */
      public Failure {
        Objects.requireNonNull(error, "error");
      }
    }
  }

  /**
   * Decodes the stdout of {@code erk exec dash-data} by streaming it.
   *
   * <p>Rows of every erk generation decode into {@link PlanRow} (key order does not matter); {@link
   * PlanList#generation()} is detected from the first row's keys. Envelope keys may come in any
   * order and unknown ones are ignored; {@code count} must be an integer, but the rows are what
   * counts.
   *
   * @param stdout the bytes erk printed, from index 0
   * @param length how many bytes of {@code stdout} are output
   * @param command the argv that printed them, for messages
   * @throws ErkUnreadableOutputException if the output is empty, not one JSON object, or not shaped
   *     as erk writes it; it names the command, the byte offset and an excerpt
   * @throws IndexOutOfBoundsException if {@code length} is outside {@code stdout}
   */
  public DashData decodeDashData(byte[] stdout, int length, List<String> command) {
    Objects.checkFromIndexSize(0, length, stdout.length);
    return dashData.read(stdout, length, command);
  }

  /**
   * Finds erk's {@code {"success": …}} envelope in a command's output: {@code text} (trimmed) if it
   * is one JSON object, else its last non-blank line if that is one. Compact one-line and indented
   * multi-line objects both work.
   *
   * @return a fresh mutable map of the object's keys in order, or null when neither is an object
   */
  public @Nullable Map<String, @Nullable Object> decodeObject(String text) {
    String trimmed = text.strip();
    Map<String, @Nullable Object> whole = object(trimmed);
    if (whole != null) {
      return whole;
    }
    int lineBreak = Math.max(trimmed.lastIndexOf('\n'), trimmed.lastIndexOf('\r'));
    return lineBreak < 0 ? null : object(trimmed.substring(lineBreak + 1).strip());
  }

  /** One JSON value filling {@code text} (e.g. an array), as plain Java; null if it is not one. */
  @Nullable Object decodeValue(String text) {
    try (JsonParser parser = factory.createParser(text.strip())) {
      if (parser.nextToken() == null) {
        return null;
      }
      Object value = untyped != null ? untyped.readValue(parser) : PlainValues.read(parser);
      return parser.nextToken() == null ? value : null;
    } catch (IOException | UnexpectedShape | RuntimeException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked") // the untyped reader makes JSON objects Map<String, Object>
  private @Nullable Map<String, @Nullable Object> object(String text) {
    if (!text.startsWith("{")) {
      return null;
    }
    try (JsonParser parser = factory.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Object value = untyped != null ? untyped.readValue(parser) : PlainValues.read(parser);
      return parser.nextToken() == null && value instanceof Map
          ? (Map<String, @Nullable Object>) value
          : null;
    } catch (IOException | UnexpectedShape | RuntimeException e) {
      return null;
    }
  }
}
