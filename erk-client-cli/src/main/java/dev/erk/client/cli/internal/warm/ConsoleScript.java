package dev.erk.client.cli.internal.warm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An executable read as a Python script: the interpreter its {@code #!} line names (with that
 * line's one optional argument, as the kernel passes it), and the script's path.
 */
record ConsoleScript(List<String> interpreter, Path script) {
  private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");
  private static final int MAX_LINE = 512;

  ConsoleScript {
    interpreter = List.copyOf(interpreter);
  }

  /** What reading an executable found. */
  sealed interface Probe permits Python, NotPython {}

  /** A Python script whose interpreter a worker can run under. */
  record Python(ConsoleScript script) implements Probe {}

  /** Anything else (a shell wrapper, a binary, a Windows launcher): calls are spawned. */
  record NotPython(String reason) implements Probe {}

  static Probe probe(Path executable) {
    byte[] head;
    try (InputStream in = Files.newInputStream(executable)) {
      head = in.readNBytes(MAX_LINE);
    } catch (IOException e) {
      return new NotPython("cannot read " + executable + ": " + e.getMessage());
    }
    String text = new String(head, StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    if (!text.startsWith("#!") || end < 0) {
      return new NotPython(executable + " has no #! line");
    }
    String line = text.substring(2, end).strip();
    int space = indexOfBlank(line);
    String program = space < 0 ? line : line.substring(0, space);
    String argument = space < 0 ? "" : line.substring(space).strip();
    List<String> interpreter = new ArrayList<>(List.of(program));
    if (!argument.isEmpty()) {
      interpreter.add(argument);
    }
    String name =
        Path.of(program).getFileName() == null ? "" : Path.of(program).getFileName().toString();
    boolean direct = PYTHON.matcher(name).matches();
    boolean viaEnv = name.equals("env") && PYTHON.matcher(argument).matches();
    if (!direct && !viaEnv) {
      return new NotPython(executable + " runs under " + line + ", not Python");
    }
    return new Python(new ConsoleScript(interpreter, executable));
  }

  private static int indexOfBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ' ' || line.charAt(i) == '\t') {
        return i;
      }
    }
    return -1;
  }
}
