package dev.erk.client.cli;

import dev.erk.client.ErkStartException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Finds the erk executable and checks that it can be started, with messages that say why not. */
final class Executables {
  private Executables() {}

  /**
   * Finds {@code name} on the JVM's {@code PATH}: NuProcess looks executables up on the parent
   * JVM's PATH, never on an environment given to the child.
   */
  static Path onPath(String name, @Nullable String path) {
    List<String> searched = new ArrayList<>();
    if (path != null) {
      for (String dir : path.split(File.pathSeparator, -1)) {
        if (dir.isEmpty()) {
          continue;
        }
        searched.add(dir);
        try {
          Path candidate = Path.of(dir, name);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return candidate.toAbsolutePath();
          }
        } catch (InvalidPathException e) {
          // not a usable directory
        }
      }
    }
    throw new ErkStartException(
        "no `"
            + name
            + "` executable on the PATH (searched: "
            + (searched.isEmpty() ? "PATH is empty" : String.join(", ", searched))
            + "); install erk or set CliErkClient.builder().executable(…)",
        null,
        List.of(name),
        null);
  }
}
