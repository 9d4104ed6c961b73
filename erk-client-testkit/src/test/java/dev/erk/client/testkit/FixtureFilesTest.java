package dev.erk.client.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fixture files under src/main/resources are exactly what {@link FixtureSources} produces; run
 * with {@code -Dfixtures.write=true} to (re)write them.
 */
class FixtureFilesTest {

  static final Path DIR = Path.of("src/main/resources/dev/erk/client/testkit/fixtures");

  @Test
  void theFixtureFilesAreWhatTheirSourcesProduce() throws Exception {
    Map<String, Recording> all = FixtureSources.all();
    boolean write = Boolean.getBoolean("fixtures.write");
    for (Map.Entry<String, Recording> e : all.entrySet()) {
      Path base = DIR.resolve(e.getKey());
      if (write) {
        e.getValue().write(base);
      }
      Recording stored = Recording.read(base);
      assertArrayEquals(e.getValue().stdoutBytes(), stored.stdoutBytes(), e.getKey());
      assertArrayEquals(e.getValue().stderrBytes(), stored.stderrBytes(), e.getKey());
      assertArrayEquals(
          Files.readAllBytes(base.resolveSibling(e.getKey() + ".meta.json")),
          Files.readAllBytes(base.resolveSibling(e.getKey() + ".meta.json")));
    }
  }
}
