package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A pull request as GitHub's REST API describes it: {@code erk exec get-pr-view}.
 *
 * <p>Build one in tests with the testkit's {@code DetailRecords}; the canonical constructor grows
 * when erk adds keys.
 *
 * @param number the PR number
 * @param title its title
 * @param url its URL
 * @param body its markdown body
 * @param state {@code OPEN}, {@code CLOSED} or {@code MERGED}
 * @param draft whether it is a draft
 * @param headRefName the branch it merges from
 * @param baseRefName the branch it merges into
 * @param labels its labels
 * @param author the author's login (empty when GitHub named none)
 * @param mergeable {@code MERGEABLE}, {@code CONFLICTING} or {@code UNKNOWN}
 * @param mergeStateStatus GitHub's merge state: {@code CLEAN}, {@code BLOCKED}, {@code DIRTY}, …
 * @param crossRepository whether it comes from a fork
 * @param createdAt when it was opened
 * @param updatedAt when it last changed
 * @param extras keys erk sent that this version does not know
 */
public record PullRequestView(
    int number,
    String title,
    String url,
    String body,
    String state,
    boolean draft,
    String headRefName,
    String baseRefName,
    List<String> labels,
    String author,
    String mergeable,
    String mergeStateStatus,
    boolean crossRepository,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    Map<String, @Nullable Object> extras) {

  /** Checks and copies. */
  public PullRequestView {
    requireNonNull(title, "title");
    requireNonNull(url, "url");
    requireNonNull(body, "body");
    requireNonNull(state, "state");
    requireNonNull(headRefName, "headRefName");
    requireNonNull(baseRefName, "baseRefName");
    labels = Values.list(labels);
    requireNonNull(author, "author");
    requireNonNull(mergeable, "mergeable");
    requireNonNull(mergeStateStatus, "mergeStateStatus");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    extras = Values.map(extras);
  }
}
