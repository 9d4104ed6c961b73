package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * All feedback on a pull request in one call: {@code erk exec get-pr-feedback}.
 *
 * @param prNumber the PR
 * @param prUrl its URL
 * @param prTitle its title
 * @param reviews the submitted reviews; null before current erk, which first sends them
 * @param reviewThreads the review threads
 * @param discussionComments the conversation comments
 * @param extras keys erk sent that this version does not know
 */
public record PrFeedback(
    int prNumber,
    String prUrl,
    String prTitle,
    @Nullable List<Review> reviews,
    List<ReviewThread> reviewThreads,
    List<DiscussionComment> discussionComments,
    Map<String, @Nullable Object> extras) {

  /** Checks and copies. */
  public PrFeedback {
    requireNonNull(prUrl, "prUrl");
    requireNonNull(prTitle, "prTitle");
    reviews = reviews == null ? null : Values.list(reviews);
    reviewThreads = Values.list(reviewThreads);
    discussionComments = Values.list(discussionComments);
    extras = Values.map(extras);
  }

  /**
   * One submitted review.
   *
   * @param id GitHub's review id
   * @param author the reviewer's login
   * @param body the review's markdown, often empty
   * @param state {@code APPROVED}, {@code CHANGES_REQUESTED}, {@code COMMENTED}, …
   * @param submittedAt when it was submitted; null if erk sent no readable time
   * @param extras keys erk sent that this version does not know
   */
  public record Review(
      String id,
      String author,
      String body,
      String state,
      @Nullable OffsetDateTime submittedAt,
      Map<String, @Nullable Object> extras) {

    /** Checks and copies. */
    public Review {
      requireNonNull(id, "id");
      requireNonNull(author, "author");
      requireNonNull(body, "body");
      requireNonNull(state, "state");
      extras = Values.map(extras);
    }
  }
}
