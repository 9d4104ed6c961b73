package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A pull request's conversation comments: {@code erk exec get-pr-discussion-comments}.
 *
 * @param prNumber the PR
 * @param prUrl its URL
 * @param prTitle its title
 * @param comments the comments, oldest first
 * @param extras keys erk sent that this version does not know
 */
public record DiscussionComments(
    int prNumber,
    String prUrl,
    String prTitle,
    List<DiscussionComment> comments,
    Map<String, @Nullable Object> extras) {

  /** Checks and copies. */
  public DiscussionComments {
    requireNonNull(prUrl, "prUrl");
    requireNonNull(prTitle, "prTitle");
    comments = Values.list(comments);
    extras = Values.map(extras);
  }
}
