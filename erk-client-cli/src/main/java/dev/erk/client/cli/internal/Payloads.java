package dev.erk.client.cli.internal;

import dev.erk.client.ActionPayload;
import dev.erk.client.ActionPayload.CmuxWorkspaceOpened;
import dev.erk.client.ActionPayload.IncrementalDispatched;
import dev.erk.client.ActionPayload.PlanClosed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the success envelope of erk's JSON actions into their {@link ActionPayload}, picked by
 * the command that ran ({@code erk exec close-pr}, {@code close-issue-with-comment}, {@code
 * incremental-dispatch}, {@code cmux-open-pr}), so a custom request for the same command gets the
 * same value. An answer that lacks a key or has one of the wrong type gives no payload; the
 * envelope is still there.
 */
final class Payloads {
  private static final List<String> CLOSED_NUMBER_KEYS =
      List.of("pr_number", "plan_number", "issue_number");

  private Payloads() {}

  static @Nullable ActionPayload decode(
      List<String> command, Map<String, @Nullable Object> envelope) {
    String script = command.size() > 2 && command.get(1).equals("exec") ? command.get(2) : "";
    try {
      return switch (script) {
        case "close-pr", "close-issue-with-comment" -> planClosed(envelope);
        case "incremental-dispatch" ->
            new IncrementalDispatched(
                number(envelope, "pr_number"),
                text(envelope, "branch_name"),
                text(envelope, "workflow_run_id"),
                text(envelope, "workflow_url"),
                extras(envelope, "pr_number", "branch_name", "workflow_run_id", "workflow_url"));
        case "cmux-open-pr" ->
            new CmuxWorkspaceOpened(
                number(envelope, "pr_number"),
                text(envelope, "branch"),
                envelope.get("workspace_name") instanceof String name ? name : null,
                extras(envelope, "pr_number", "branch", "workspace_name"));
        default -> null;
      };
    } catch (IllegalArgumentException e) {
      return null; // erk's answer lacked a key: the envelope still has what it printed
    }
  }

  private static PlanClosed planClosed(Map<String, @Nullable Object> envelope) {
    for (String key : CLOSED_NUMBER_KEYS) {
      if (envelope.containsKey(key)) {
        return new PlanClosed(
            number(envelope, key),
            text(envelope, "comment_id"),
            extras(envelope, key, "comment_id"));
      }
    }
    throw new IllegalArgumentException("no plan number");
  }

  private static int number(Map<String, @Nullable Object> envelope, String key) {
    Object value = envelope.get(key);
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof String s && s.matches("[1-9][0-9]{0,8}")) {
      return Integer.parseInt(s);
    }
    throw new IllegalArgumentException(key + " is not a number: " + value);
  }

  /** A string, or a whole number written as one (erk 0.7 wrote comment ids as numbers). */
  private static String text(Map<String, @Nullable Object> envelope, String key) {
    Object value = envelope.get(key);
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof java.math.BigInteger) {
      return value.toString();
    }
    throw new IllegalArgumentException(key + " is not text: " + value);
  }

  private static Map<String, @Nullable Object> extras(
      Map<String, @Nullable Object> envelope, String... read) {
    Map<String, @Nullable Object> extras = new LinkedHashMap<>(envelope);
    extras.remove("success");
    for (String key : read) {
      extras.remove(key);
    }
    return extras;
  }
}
