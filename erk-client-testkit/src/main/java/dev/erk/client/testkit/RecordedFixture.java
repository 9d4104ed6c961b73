package dev.erk.client.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What {@link Fixtures} and {@link DetailFixtures} share: a {@link Recording} on the class path,
 * read once, and the views of it a test asks for.
 */
interface RecordedFixture {
  /** The whole fixture: argv, output bytes, exit code, description and provenance. */
  Recording recording();

  /** Its stdout as UTF-8 text (erk's JSON is ASCII). */
  default String stdout() {
    return new String(recording().stdoutBytes(), StandardCharsets.UTF_8);
  }

  /** Its stderr as UTF-8 text. */
  default String stderr() {
    return new String(recording().stderrBytes(), StandardCharsets.UTF_8);
  }

  /** Its exit code. */
  default int exitCode() {
    return recording().exitCode();
  }

  /** The command line it answers, {@code erk} first. */
  default List<String> argv() {
    return recording().argv();
  }

  /** A reply for {@link Stub#willReturn} reproducing stdout, stderr and exit code exactly. */
  default Reply reply() {
    return recording().reply();
  }

  /**
   * The recording whose files start with {@code base} (relative to this package, e.g. {@code
   * fixtures/dash-data-empty}), read on first use and kept for the life of the class loader.
   */
  static Recording load(String base) {
    return Loaded.RECORDINGS.computeIfAbsent(
        base, b -> Recording.readResource(RecordedFixture.class, b));
  }

  /** The recordings read so far, by base name. */
  final class Loaded {
    private static final ConcurrentMap<String, Recording> RECORDINGS = new ConcurrentHashMap<>();

    private Loaded() {}
  }
}
