package dev.erk.client.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/**
 * What is wrong with a file a spawn needs: the working directory, the executable, its interpreter.
 */
final class FileProblems {
  /** The kernel reads at most this much of a script for its {@code #!} line (BINPRM_BUF_SIZE). */
  private static final int SHEBANG_BYTES = 256;

  /** A reason, phrased to follow "could not start …: ", and the I/O error that showed it. */
  record Problem(String reason, @Nullable Throwable cause) {}

  private FileProblems() {}

  static @Nullable Problem workingDirectory(Path directory) {
    String what = "the working directory " + directory;
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(directory, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return new Problem(what + " does not exist", e);
    } catch (IOException e) {
      return new Problem(what + " cannot be read: " + e.getMessage(), e);
    }
    if (!attributes.isDirectory()) {
      return new Problem(what + " is not a directory", null);
    }
    if (!Files.isExecutable(directory)) {
      return new Problem(what + " cannot be entered (no search permission)", null);
    }
    return null;
  }

  static @Nullable Problem executable(Path executable) {
    return file(executable.toString(), executable);
  }

  /**
   * What is wrong with the interpreter a script's {@code #!} line names, or null if the file is no
   * script or its interpreter looks runnable. A relative interpreter is found from the working
   * directory, as the kernel does.
   */
  static @Nullable Problem interpreter(Path executable, Path workingDirectory) {
    byte[] head;
    try (InputStream in = Files.newInputStream(executable)) {
      head = in.readNBytes(SHEBANG_BYTES);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (head.length < 2 || head[0] != '#' || head[1] != '!') {
      return null;
    }
    String line = new String(head, 2, head.length - 2, StandardCharsets.UTF_8).split("\n", 2)[0];
    String[] words = line.strip().split("[ \t]+", 2);
    if (words[0].isEmpty()) {
      return new Problem("the #! line of " + executable + " names no interpreter", null);
    }
    Path interpreter = workingDirectory.resolve(words[0]);
    Problem problem = file("its interpreter " + words[0], interpreter);
    return problem == null
        ? null
        : new Problem(
            problem.reason() + ", named by the #! line of " + executable, problem.cause());
  }

  private static @Nullable Problem file(String what, Path file) {
    BasicFileAttributes link;
    try {
      link = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return new Problem(what + " does not exist", e);
    } catch (IOException e) {
      return new Problem(what + " cannot be read: " + e.getMessage(), e);
    }
    if (link.isSymbolicLink() && !Files.exists(file)) {
      try {
        return new Problem(
            what + " is a broken symbolic link to " + Files.readSymbolicLink(file), null);
      } catch (IOException e) {
        return new Problem(what + " is a broken symbolic link", e);
      }
    }
    if (Files.isDirectory(file)) {
      return new Problem(what + " is a directory", null);
    }
    if (!Files.isExecutable(file)) {
      return new Problem(what + " is not executable (chmod +x?)", null);
    }
    return null;
  }
}
