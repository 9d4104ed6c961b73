package dev.erk.examples;

import dev.erk.client.ErkException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into the one line an example prints on stderr: no stack trace. */
final class Failures {
  /** Exit code for a failure reported by erk or the SDK. */
  static final int ERK_FAILED = 1;

  /** Exit code for a bad command line. */
  static final int USAGE = 2;

  /** Exit code after Ctrl-C, as shells report SIGINT. */
  static final int INTERRUPTED = 130;

  private Failures() {}

  /** The failure behind the wrappers {@link java.util.concurrent.CompletableFuture} adds. */
  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** One line describing {@code failure}, e.g. {@code erk failed: GitHub authentication …}. */
  static String describe(Throwable failure) {
    Throwable t = unwrap(failure);
    String message = t.getMessage();
    String text =
        t instanceof ErkException || t instanceof IllegalArgumentException
            ? String.valueOf(message)
            : t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return oneLine(text);
  }

  /** The text with every run of whitespace that holds a line break folded into {@code " | "}. */
  static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " | ");
  }
}
