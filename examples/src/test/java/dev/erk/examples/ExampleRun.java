package dev.erk.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;

/** What one in-process run of an example printed, and helpers to point it at a replayed erk. */
record ExampleRun(int exitCode, String out, String err) {

  /** An example's {@code run(args, out, err)}. */
  @FunctionalInterface
  interface Main {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  static ExampleRun of(Main main, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      code = main.run(args, o, e);
    }
    return new ExampleRun(code, out.toString(UTF_8), err.toString(UTF_8));
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /** The recorded erk outputs copied from /work/shared/reference, and the replay script. */
  static Path referenceDirectory() {
    try {
      URL script = Objects.requireNonNull(ExampleRun.class.getResource("/reference/erk-replay"));
      return Objects.requireNonNull(Path.of(script.toURI()).getParent());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An executable in {@code dir} that replays the recorded case {@code name} (resources lose their
   * executable bit when copied, so the wrapper runs the replay script with sh).
   */
  static Path replayingErk(Path dir, String name) {
    Path script = referenceDirectory().resolve("erk-replay");
    Path erk = dir.resolve("erk-" + name);
    String text =
        "#!/bin/sh\nERK_REPLAY_CASE='" + name + "' exec /bin/sh '" + script + "' \"$@\"\n";
    try {
      Files.writeString(erk, text);
      Files.setPosixFilePermissions(erk, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return erk;
  }

  /** Asserts the failure was reported as exactly one stderr line with no stack trace. */
  void assertOneLineError(String prefix) {
    List<String> lines = errLines();
    if (lines.size() != 1
        || !lines.get(0).startsWith(prefix)
        || err.contains("\tat ")
        || err.contains("Exception in thread")) {
      throw new AssertionError(
          "expected one line starting '" + prefix + "' on stderr, got:\n" + err);
    }
  }
}
