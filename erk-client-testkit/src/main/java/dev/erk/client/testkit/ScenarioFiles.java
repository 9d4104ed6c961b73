package dev.erk.client.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The fake's temporary directory and what the script shares with Java there: {@code erk} (the
 * script), {@code state} (the scenario state, one line), {@code next} (a hint for the next journal
 * number), {@code journal/} (one file per invocation), {@code seq/} (claimed positions of reply
 * sequences), {@code bodies/} (reply bytes too large or too binary to inline) and {@code pids/} (an
 * empty file per script run, named by its pid, so {@link FakeErk#close()} can kill the runs still
 * going). Not thread-safe; {@link FakeErk} serialises access.
 */
final class ScenarioFiles {

  private final Path dir;

  private ScenarioFiles(Path dir) {
    this.dir = dir;
  }

  static ScenarioFiles create(@Nullable Path parent) throws IOException {
    Path dir =
        parent == null
            ? Files.createTempDirectory("fake-erk-")
            : Files.createTempDirectory(parent, "fake-erk-");
    for (String sub : List.of("journal", "seq", "bodies", "pids")) {
      Files.createDirectory(dir.resolve(sub));
    }
    ScenarioFiles files = new ScenarioFiles(dir);
    files.clearRuntime();
    return files;
  }

  Path dir() {
    return dir;
  }

  Path journal() {
    return dir.resolve("journal");
  }

  Path pids() {
    return dir.resolve("pids");
  }

  /** Rejects a state name the script could not store on one line. */
  static void checkStateName(String state) {
    if (state.isEmpty() || state.indexOf('\n') >= 0 || state.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "a state must be non-empty and one line: " + ShellQuoting.render(state));
    }
  }

  /** {@link #readState()}, failing unchecked. */
  String state() {
    try {
      return readState();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scenario state in " + dir, e);
    }
  }

  /** {@link #writeState(String)}, failing unchecked. */
  void setState(String state) {
    try {
      writeState(state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the scenario state in " + dir, e);
    }
  }

  String readState() throws IOException {
    String text = Files.readString(dir.resolve("state"), ScriptWriter.NATIVE);
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /** Replaces the state file atomically, as the script does with {@code mv}. */
  void writeState(String state) throws IOException {
    Path temp = dir.resolve("state.java");
    Files.write(temp, (state + "\n").getBytes(ScriptWriter.NATIVE));
    Files.move(
        temp,
        dir.resolve("state"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Empties the journal and the sequence claims, and returns to {@link FakeErk#INITIAL_STATE}. */
  void clearRuntime() throws IOException {
    deleteChildren(journal());
    deleteChildren(dir.resolve("seq"));
    Files.writeString(dir.resolve("next"), "0\n");
    writeState(FakeErk.INITIAL_STATE);
  }

  /** Deletes the whole directory, retrying while a still-running call adds journal files. */
  void delete() throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        deleteChildren(dir);
        Files.deleteIfExists(dir);
        return;
      } catch (DirectoryNotEmptyException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static void deleteChildren(Path directory) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(directory)) {
      paths = walk.filter(p -> !p.equals(directory)).sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }
}
