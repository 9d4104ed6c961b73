package dev.erk.client.cli.internal.warm;

import dev.erk.client.cli.CliErkClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Python stand-in for erk in the warm tests: a console script shaped as pip writes them, whose
 * package {@code slowerk} takes {@code SLOWERK_IMPORT_SECONDS} (default 1) to import, with commands
 * that exercise what a warm worker must reproduce (see {@code warm/slowerk/cli.py}).
 */
public final class WarmStandIn {
  private static final String RESOURCES = "/warm/";

  private WarmStandIn() {}

  /** Writes the script {@code erk} and its package into the directory; returns the script. */
  public static Path install(Path dir) {
    try {
      Files.createDirectories(dir.resolve("slowerk"));
      for (String name : new String[] {"__init__.py", "cli.py"}) {
        Files.write(dir.resolve("slowerk").resolve(name), resource("slowerk/" + name));
      }
      Path script = dir.resolve("erk");
      String text =
          new String(resource("erk.template"), StandardCharsets.UTF_8)
              .replace("@PYTHON@", python());
      Files.writeString(script, text);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A client builder for the stand-in at {@code executable}, run in {@code directory}: the
   * stand-in's variables ({@code SLOWERK_…}, {@code PYTHON…}) of {@link #environment} with stdout
   * unbuffered, and a short kill grace.
   */
  public static CliErkClient.Builder clientBuilder(
      Path executable, Path directory, double importSeconds) {
    CliErkClient.Builder builder =
        CliErkClient.builder()
            .executable(executable)
            .workingDirectory(directory)
            .killGrace(Duration.ofMillis(300));
    environment(importSeconds, true)
        .forEach(
            (name, value) -> {
              if (name.startsWith("SLOWERK_") || name.startsWith("PYTHON")) {
                builder.environment(name, value);
              }
            });
    return builder;
  }

  /**
   * The environment for the stand-in: the JVM's, with the import taking {@code importSeconds} and
   * {@code PYTHONUNBUFFERED} set or removed.
   */
  public static Map<String, String> environment(double importSeconds, boolean unbuffered) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("SLOWERK_IMPORT_SECONDS", Double.toString(importSeconds));
    environment.put("PYTHONDONTWRITEBYTECODE", "1");
    if (unbuffered) {
      environment.put("PYTHONUNBUFFERED", "1");
    } else {
      environment.remove("PYTHONUNBUFFERED");
    }
    return environment;
  }

  /** A real Python 3 interpreter (not a shell shim such as pyenv's). */
  public static String python() {
    if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
      return "/usr/bin/python3";
    }
    try {
      Process process =
          new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
              .redirectErrorStream(true)
              .start();
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(WarmStandIn.class.getResourceAsStream(RESOURCES + name), name)) {
      return in.readAllBytes();
    }
  }
}
