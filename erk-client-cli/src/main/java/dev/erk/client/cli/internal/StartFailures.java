package dev.erk.client.cli.internal;

import dev.erk.client.ErkException;
import dev.erk.client.ErkStartException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Why a child could not be started, in words that name the real reason. */
public final class StartFailures {
  private StartFailures() {}

  /** Checks what can be known before spawning. */
  public static void check(List<String> command, Path workingDirectory,
      Map<String, String> environment) {
    Path executable = Path.of(command.get(0));
    String problem = null;
    if (!java.nio.file.Files.exists(executable)) {
      problem = "does not exist";
    } else if (java.nio.file.Files.isDirectory(executable)) {
      problem = "is a directory";
    } else if (!java.nio.file.Files.isExecutable(executable)) {
      problem = "is not executable (chmod +x?)";
    }
    if (problem != null) {
      throw new ErkStartException(
          "could not start erk: " + executable + " " + problem, executable, command, null);
    }
  }

  /** The exception for a spawn that failed, with {@code cause} attached. */
  public static ErkStartException explain(List<String> command, Path workingDirectory,
      @Nullable Throwable cause) {
    if (cause instanceof ErkStartException start) {
      return start;
    }
    String executable = command.get(0);
    if (cause instanceof LinkageError) {
      return new ErkStartException("could not start `" + ErkException.describe(command)
          + "`: erk-client could not load NuProcess or JNA (" + cause + "); put"
          + " com.zaxxer:nuprocess 3.0.0 and a matching net.java.dev.jna:jna on the class path",
          Path.of(executable), command, cause);
    }
    return new ErkStartException(
        "could not start erk: " + executable + " (check that it exists and is executable)",
        Path.of(executable), command, cause);
  }
}
