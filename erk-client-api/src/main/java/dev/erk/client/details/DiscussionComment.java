package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One comment of a pull request's conversation (not a review comment).
 *
 * @param id GitHub's comment id
 * @param author the author's login
 * @param body the comment's markdown
 * @param url the comment's URL
 * @param extras keys erk sent that this version does not know
 */
public record DiscussionComment(
    long id, String author, String body, String url, Map<String, @Nullable Object> extras) {

  /** Checks and copies. */
  public DiscussionComment {
    requireNonNull(author, "author");
    requireNonNull(body, "body");
    requireNonNull(url, "url");
    extras = Values.map(extras);
  }
}
