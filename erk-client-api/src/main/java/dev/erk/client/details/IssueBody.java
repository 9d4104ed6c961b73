package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An issue's body and header: {@code erk exec get-issue-body}.
 *
 * @param number the issue number
 * @param title its title
 * @param body its markdown body
 * @param state {@code OPEN} or {@code CLOSED}
 * @param labels its labels
 * @param url its URL
 * @param extras keys erk sent that this version does not know
 */
public record IssueBody(
    int number,
    String title,
    String body,
    String state,
    List<String> labels,
    String url,
    Map<String, @Nullable Object> extras) {

  /** Checks and copies. */
  public IssueBody {
    requireNonNull(title, "title");
    requireNonNull(body, "body");
    requireNonNull(state, "state");
    labels = Values.list(labels);
    requireNonNull(url, "url");
    extras = Values.map(extras);
  }
}
