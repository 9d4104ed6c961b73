package dev.erk.client.cli;

import dev.erk.client.ActionResult;
import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.cli.internal.ActionResults;
import dev.erk.client.details.CiSummaries;
import dev.erk.client.details.PlanLog;
import dev.erk.client.details.ResultKind;
import dev.erk.client.internal.CommandLines;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a detail command printed into its record, or into {@link ErkCommandFailedException}.
 *
 * <p>erk reports these errors in four shapes, all failures here: exit 0 with {@code {"success":
 * false, "error_type", "message"}} (the exec scripts' {@code exit_with_error}); exit 1 with {@code
 * {"success": false, "error_type", "message"}} ({@code erk json}); exit 1 with {@code {"success":
 * false, "error"}} or, on stderr, {@code {"success": false, "error": code, "message"}}; and exit 1
 * with {@code Error: …} on stderr. The exception's message is erk's text ({@code message}, else
 * {@code error}) and its {@code errorType()} the code. The one non-zero exit that is data: {@code
 * objective check --json-output} exits 1 with its full check list when a check fails.
 */
final class DetailDecoding {
  private static final Map<ResultKind<?>, Function<JsonFields, ?>> OBJECT_READERS =
      Map.ofEntries(
          Map.entry(ResultKind.REVIEW_THREADS, PrDetailReader::reviewThreads),
          Map.entry(ResultKind.FEEDBACK, PrDetailReader::feedback),
          Map.entry(ResultKind.DISCUSSION, PrDetailReader::discussion),
          Map.entry(ResultKind.PULL_REQUEST, PrDetailReader::pullRequest),
          Map.entry(ResultKind.PLAN_INFO, PrDetailReader::planInfo),
          Map.entry(ResultKind.PLAN_HEADER_FIELD, PrDetailReader::planHeaderField),
          Map.entry(ResultKind.CI_SUMMARIES, PrDetailReader::ciSummaries),
          Map.entry(ResultKind.OBJECTIVE, ObjectiveReader::roadmap),
          Map.entry(ResultKind.OBJECTIVE_CHECKS, ObjectiveReader::checks),
          Map.entry(ResultKind.PLANS_FOR_OBJECTIVE, PrDetailReader::plansForObjective),
          Map.entry(ResultKind.ISSUE_BODY, PrDetailReader::issueBody));

  private DetailDecoding() {}

  static <T> T decode(ResultKind<T> kind, Collected collected, ErkJson json) {
    List<String> command = collected.command();
    String stdout = collected.stdoutText();
    try {
      if (kind == ResultKind.PLAN_LOG) {
        return kind.cast(planLog(collected, json));
      }
      Map<String, @Nullable Object> envelope = json.decodeObject(stdout);
      if (envelope == null && collected.exitCode() != 0) {
        envelope = json.decodeObject(collected.stderr());
      }
      boolean checksAnswer =
          kind == ResultKind.OBJECTIVE_CHECKS && envelope != null && envelope.containsKey("checks");
      if (!checksAnswer && (collected.exitCode() != 0 || saysFailure(envelope))) {
        throw failed(collected, json, envelope);
      }
      if (envelope == null) {
        if (kind == ResultKind.CI_SUMMARIES && collected.stdoutIsBlank()) {
          return kind.cast(CiSummaries.none());
        }
        throw unreadable(command, stdout, "is not a JSON object", null);
      }
      Function<JsonFields, ?> reader = OBJECT_READERS.get(kind);
      if (reader == null) {
        throw new IllegalArgumentException("no decoder for " + kind);
      }
      return kind.cast(reader.apply(new JsonFields(envelope, "answer")));
    } catch (BadDetail e) {
      throw unreadable(command, stdout, e.getMessage(), e);
    }
  }

  /** {@code pr log --json} writes its JSON array to stderr, after any warnings erk printed. */
  private static PlanLog planLog(Collected collected, ErkJson json) {
    if (collected.exitCode() != 0) {
      throw failed(collected, json, null);
    }
    String stderr = collected.stderr();
    int start = 0;
    while (start < stderr.length()) {
      if (stderr.charAt(start) == '[') {
        Object value = json.decodeValue(stderr.substring(start));
        if (value instanceof List<?> events) {
          return PrDetailReader.planLog(List.copyOf(events));
        }
      }
      int next = stderr.indexOf('\n', start);
      if (next < 0) {
        break;
      }
      start = next + 1;
    }
    throw unreadable(collected.command(), stderr, "printed no JSON array on stderr", null);
  }

  private static boolean saysFailure(@Nullable Map<String, @Nullable Object> envelope) {
    return envelope != null && Boolean.FALSE.equals(envelope.get("success"));
  }

  private static ErkCommandFailedException failed(
      Collected collected, ErkJson json, @Nullable Map<String, @Nullable Object> envelope) {
    ActionResult derived =
        ActionResults.of(
            collected.command(),
            collected.exitCode(),
            collected.stdoutText(),
            collected.stderr(),
            collected.duration(),
            json);
    String message = derived.message();
    if (envelope != null && envelope.get("message") instanceof String text && !text.isBlank()) {
      message = text;
    } else if (envelope != null
        && envelope.get("error") instanceof String text
        && !text.isBlank()) {
      message = text;
    }
    return new ErkCommandFailedException(
        ActionResult.failure(
            derived.command(),
            derived.exitCode(),
            derived.stdout(),
            derived.stderr(),
            message,
            envelope != null ? envelope : derived.envelope(),
            derived.duration()));
  }

  private static ErkUnreadableOutputException unreadable(
      List<String> command, String output, @Nullable String problem, @Nullable Throwable cause) {
    String snippet = output.length() > 200 ? output.substring(0, 200) + "…" : output;
    return new ErkUnreadableOutputException(
        "`"
            + CommandLines.describe(command)
            + "` answered "
            + "in a shape erk-client does not know: "
            + problem,
        command,
        snippet,
        0,
        cause);
  }
}
