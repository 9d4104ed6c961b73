package dev.erk.client.details;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One review thread on a pull request: a file position and its comments.
 *
 * @param id GitHub's thread id
 * @param path the file the thread is on
 * @param line the line, or null for a thread on the whole file or an outdated position
 * @param outdated whether the code changed under the thread
 * @param comments the comments, oldest first
 * @param extras keys erk sent that this version does not know
 */
public record ReviewThread(
    String id,
    String path,
    @Nullable Integer line,
    boolean outdated,
    List<Comment> comments,
    Map<String, @Nullable Object> extras) {

  /** Checks and copies. */
  public ReviewThread {
    requireNonNull(id, "id");
    requireNonNull(path, "path");
    comments = Values.list(comments);
    extras = Values.map(extras);
  }

  /** {@code path:line}, or the path alone when there is no line. */
  public String location() {
    return line == null ? path : path + ":" + line;
  }

  /**
   * One comment of a review thread.
   *
   * @param author the author's login
   * @param body the comment's markdown
   * @param createdAt when it was written; null if erk sent a time it could not be read as
   * @param extras keys erk sent that this version does not know
   */
  public record Comment(
      String author,
      String body,
      @Nullable OffsetDateTime createdAt,
      Map<String, @Nullable Object> extras) {

    /** Checks and copies. */
    public Comment {
      requireNonNull(author, "author");
      requireNonNull(body, "body");
      extras = Values.map(extras);
    }
  }
}
