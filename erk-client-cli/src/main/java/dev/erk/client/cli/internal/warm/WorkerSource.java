package dev.erk.client.cli.internal.warm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The worker's Python source, a resource of this module, passed to the interpreter with -c. */
final class WorkerSource {
  private static final String RESOURCE = "erk_warm_worker.py";

  private WorkerSource() {}

  static String text() {
    return Holder.TEXT;
  }

  private static final class Holder {
    static final String TEXT = load();

    private static String load() {
      try (InputStream in = WorkerSource.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
