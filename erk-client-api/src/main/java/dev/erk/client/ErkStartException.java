package dev.erk.client;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The erk executable could not be started: it is missing, not executable, or not found on PATH. */
public class ErkStartException extends ErkException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable Path executable;

  /**
   * @param message what happened and what to do
   * @param executable the path that could not be started, if one was resolved
   * @param command the argv that was to run
   * @param cause the underlying failure, if any
   */
  public ErkStartException(
      String message, @Nullable Path executable, List<String> command, @Nullable Throwable cause) {
    super(message, command, cause);
    this.executable = executable;
  }

  /** The executable that could not be started; null when none was found at all. */
  public @Nullable Path executable() {
    return executable;
  }
}
