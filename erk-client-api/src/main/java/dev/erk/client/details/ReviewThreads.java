package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A pull request's review threads: {@code erk exec get-pr-review-comments}.
 *
 * @param prNumber the PR
 * @param prUrl its URL
 * @param prTitle its title
 * @param threads the threads (unresolved only, unless resolved ones were asked for)
 * @param extras keys erk sent that this version does not know
 */
public record ReviewThreads(
    int prNumber,
    String prUrl,
    String prTitle,
    List<ReviewThread> threads,
    Map<String, @Nullable Object> extras) {

  /** Checks and copies. */
  public ReviewThreads {
    requireNonNull(prUrl, "prUrl");
    requireNonNull(prTitle, "prTitle");
    threads = Values.list(threads);
    extras = Values.map(extras);
  }
}
