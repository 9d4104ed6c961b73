package dev.erk.client.testkit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the fake {@code erk}, as its journal recorded it.
 *
 * @param argv the arguments after the program name, exactly as received
 * @param cwd the working directory the process was started in
 * @param environment the recorded environment variables that were set (possibly to {@code ""}); a
 *     recorded variable that was unset is absent. See {@link FakeErk.Builder#recordEnvironment}.
 * @param time when the entry was written, just before the reply began: the entry file's
 *     modification time, so its precision is the kernel's file-timestamp granularity (often a few
 *     milliseconds); the order of {@link FakeErk#invocations()} does not depend on it
 * @param stub the description of the stub that answered, empty if none matched
 */
public record Invocation(
    List<String> argv,
    Path cwd,
    Map<String, String> environment,
    Instant time,
    Optional<String> stub) {

  /** Copies the collections. */
  public Invocation {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
  }

  /** Whether no stub matched, so the fake exited with its unmatched exit code. */
  public boolean unmatched() {
    return stub.isEmpty();
  }

  /** Renders argv the way a shell would read it, e.g. {@code exec close-pr 42 --comment 'a b'}. */
  public String commandLine() {
    return ShellQuoting.render(argv);
  }
}
