package dev.erk.client.cli.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to run one {@link Execution}'s process.
 *
 * @param timeout how long it may run; null for no limit (its owner ends it)
 * @param stdin a request to write to the child's standard input, which is closed after it (erk's
 *     {@code erk json …} commands read one and block until their stdin ends); null to close
 *     standard input at once, as every other command gets it
 */
public record ExecutionSpec(
    List<String> command,
    Path workingDirectory,
    Map<String, String> environment,
    @Nullable Duration timeout,
    Duration killGrace,
    @Nullable String stdin) {

  /** A spec whose child gets its standard input closed at once. */
  public ExecutionSpec(
      List<String> command,
      Path workingDirectory,
      Map<String, String> environment,
      @Nullable Duration timeout,
      Duration killGrace) {
    this(command, workingDirectory, environment, timeout, killGrace, null);
  }
}
