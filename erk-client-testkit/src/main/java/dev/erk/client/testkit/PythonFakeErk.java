package dev.erk.client.testkit;

import dev.erk.client.cli.CliErkClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The Python flavour of a {@link FakeErk}, to test code that builds its client with {@link
 * CliErkClient.Builder#keepWarm keepWarm(true)}: a Python console script, shaped as pip and uv
 * write erk's, whose entry point hands each call to the fake's script ({@code os.execv}, same
 * argv). A warm client keeps it in a warm worker exactly as it would keep erk, so stubs, the
 * journal and {@code verify} work as with the plain fake, while the calls go through the warm path
 * (worker start, per-call fork, fallback rules). The launcher lives in the fake's directory and
 * goes with it on {@link FakeErk#close()}.
 *
 * <pre>{@code
 * try (FakeErk erk = FakeErk.create();
 *     CliErkClient client = PythonFakeErk.clientBuilder(erk).build()) {
 *   erk.stubPlans(PlanRows.builder().prNumber(7).title("Add retry").build());
 *   assertEquals(1, client.listPlans(PlanQuery.defaults()).plans().size());
 * }
 * }</pre>
 *
 * <p>Needs a Python 3 interpreter: {@code /usr/bin/python3}, else the {@code python3} on the {@code
 * PATH} (resolved to the real interpreter, not a shim).
 */
public final class PythonFakeErk {
  @SuppressWarnings("InlineFormatString") // the script reads best whole, apart from its filling
  private static final String SCRIPT =
      """
      #!%s
      # -*- coding: utf-8 -*-
      import re
      import sys
      from erk_fake_launcher import main
      if __name__ == '__main__':
          sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
          sys.exit(main())
      """;

  @SuppressWarnings("InlineFormatString") // the module reads best whole, apart from its filling
  private static final String PACKAGE =
      """
      import os
      import sys
      FAKE = %s
      def main():
          os.execv(FAKE, [FAKE] + sys.argv[1:])
      """;

  private PythonFakeErk() {}

  /** Writes the launcher in front of the fake (once) and returns its path, the erk to run. */
  public static Path launcher(FakeErk fake) {
    Path dir = fake.directory().resolve("python-launcher");
    Path script = dir.resolve("erk");
    try {
      if (Files.exists(script)) {
        return script;
      }
      Files.createDirectories(dir.resolve("erk_fake_launcher"));
      Files.writeString(
          dir.resolve("erk_fake_launcher/__init__.py"),
          String.format(PACKAGE, pythonString(fake.executable().toString())));
      Files.writeString(script, String.format(SCRIPT, python()));
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fake's {@link FakeErk#clientBuilder() client builder}, running the launcher, warm. */
  public static CliErkClient.Builder clientBuilder(FakeErk fake) {
    return fake.clientBuilder().executable(launcher(fake)).keepWarm(true);
  }

  private static String python() throws IOException {
    if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
      return "/usr/bin/python3";
    }
    Process process =
        new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
            .redirectErrorStream(true)
            .start();
    String found =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (found.isEmpty() || !Files.isExecutable(Path.of(found))) {
      throw new IOException("no Python 3 interpreter found for PythonFakeErk: " + found);
    }
    return found;
  }

  private static String pythonString(String text) {
    StringBuilder quoted = new StringBuilder("'");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '\'') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    return quoted.append('\'').toString();
  }
}
