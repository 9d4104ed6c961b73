package dev.erk.client.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline the SDK is measured against: erk run with a bare {@link ProcessBuilder}, stdin from
 * {@code /dev/null}, stderr discarded, stdout read whole.
 */
record PlainCall(int exitCode, byte[] stdout) {
  static PlainCall run(List<String> argv, Path directory) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(argv)
            .directory(directory.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    byte[] out;
    try (InputStream in = process.getInputStream()) {
      out = in.readAllBytes();
    }
    return new PlainCall(process.waitFor(), out);
  }
}
