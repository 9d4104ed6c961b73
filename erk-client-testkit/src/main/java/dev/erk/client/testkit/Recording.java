package dev.erk.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one erk command did, byte for byte: argv, stdout, stderr, exit code and when each chunk of
 * output arrived. Stored as three files beside each other: {@code NAME.stdout}, {@code NAME.stderr}
 * and {@code NAME.meta.json} ({@code argv}, {@code exit_code}, {@code description}, {@code
 * provenance}, and optionally {@code timeline}: {@code [fd, length, at_ms]} per chunk). The {@link
 * Recorder} writes them; {@link Fixtures} are stored the same way; {@link #reply()} replays one
 * through a {@link FakeErk}. Immutable.
 */
public final class Recording {

  /** One chunk of output: {@code length} bytes on fd 1 or 2, {@code atMillis} after the start. */
  public record Chunk(int fd, int length, long atMillis) {
    /** Checks the values. */
    public Chunk {
      if ((fd != 1 && fd != 2) || length < 0 || atMillis < 0) {
        throw new IllegalArgumentException("bad chunk: fd " + fd + ", " + length + " bytes");
      }
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<String> argv;
  private final int exitCode;
  private final byte[] stdout;
  private final byte[] stderr;
  private final String description;
  private final String provenance;
  private final List<Chunk> timeline;

  /**
   * A recording.
   *
   * @param argv the command line, the program name ({@code erk}) first
   * @param timeline the chunks in arrival order, their lengths adding up to the two outputs, or
   *     empty when timings were not recorded
   */
  public Recording(
      List<String> argv,
      int exitCode,
      byte[] stdout,
      byte[] stderr,
      String description,
      String provenance,
      List<Chunk> timeline) {
    this.argv = List.copyOf(argv);
    this.exitCode = exitCode;
    this.stdout = stdout.clone();
    this.stderr = stderr.clone();
    this.description = description;
    this.provenance = provenance;
    this.timeline = List.copyOf(timeline);
    long out = timeline.stream().filter(c -> c.fd() == 1).mapToLong(Chunk::length).sum();
    long err = timeline.stream().filter(c -> c.fd() == 2).mapToLong(Chunk::length).sum();
    if (!timeline.isEmpty() && (out != stdout.length || err != stderr.length)) {
      throw new IllegalArgumentException("the timeline does not add up to the output");
    }
  }

  /** The command line, the program name first. */
  public List<String> argv() {
    return argv;
  }

  /** The exit code; a process killed by signal N shows 128 + N. */
  public int exitCode() {
    return exitCode;
  }

  /** A copy of the stdout bytes. */
  public byte[] stdoutBytes() {
    return stdout.clone();
  }

  /** A copy of the stderr bytes. */
  public byte[] stderrBytes() {
    return stderr.clone();
  }

  /** What the recording shows. */
  public String description() {
    return description;
  }

  /** Where it came from, e.g. {@code recorded from real erk 0.9.11}. */
  public String provenance() {
    return provenance;
  }

  /** The output chunks with their arrival times; empty when not recorded. */
  public List<Chunk> timeline() {
    return timeline;
  }

  /**
   * A reply that reproduces stdout, stderr and the exit code byte for byte, with the recorded
   * pauses between chunks (without a timeline: stdout, then stderr, at once).
   */
  public Reply reply() {
    Reply.Timeline steps = Reply.timeline();
    if (timeline.isEmpty()) {
      steps = steps.stdoutBytes(stdout).stderrBytes(stderr);
    }
    int outAt = 0;
    int errAt = 0;
    long now = 0;
    for (Chunk chunk : timeline) {
      if (chunk.atMillis() > now) {
        steps = steps.pause(Duration.ofMillis(chunk.atMillis() - now));
        now = chunk.atMillis();
      }
      if (chunk.fd() == 1) {
        steps = steps.stdoutBytes(Arrays.copyOfRange(stdout, outAt, outAt += chunk.length()));
      } else {
        steps = steps.stderrBytes(Arrays.copyOfRange(stderr, errAt, errAt += chunk.length()));
      }
    }
    return steps.exitCode(exitCode);
  }

  /**
   * Reads {@code BASE.stdout}, {@code BASE.stderr} and {@code BASE.meta.json}.
   *
   * @throws UncheckedIOException if a file is missing or unreadable
   */
  public static Recording read(Path base) {
    try {
      return parse(
          Files.readAllBytes(sibling(base, ".meta.json")),
          Files.readAllBytes(sibling(base, ".stdout")),
          Files.readAllBytes(sibling(base, ".stderr")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the recording " + base, e);
    }
  }

  /** Reads a recording stored as resources beside {@code anchor}'s package, e.g. {@code "x/y"}. */
  static Recording readResource(Class<?> anchor, String base) {
    return parse(
        resource(anchor, base + ".meta.json"),
        resource(anchor, base + ".stdout"),
        resource(anchor, base + ".stderr"));
  }

  /** Writes the three files, creating the parent directory. */
  public void write(Path base) throws IOException {
    Path parent = base.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ObjectNode meta = MAPPER.createObjectNode();
    argv.forEach(meta.putArray("argv")::add);
    meta.put("exit_code", exitCode).put("description", description).put("provenance", provenance);
    if (!timeline.isEmpty()) {
      ArrayNode chunks = meta.putArray("timeline");
      timeline.forEach(c -> chunks.addArray().add(c.fd()).add(c.length()).add(c.atMillis()));
    }
    Files.write(sibling(base, ".stdout"), stdout);
    Files.write(sibling(base, ".stderr"), stderr);
    Files.writeString(
        sibling(base, ".meta.json"),
        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(meta) + "\n");
  }

  private static Recording parse(byte[] metaBytes, byte[] stdout, byte[] stderr) {
    try {
      JsonNode meta = MAPPER.readTree(metaBytes);
      List<String> argv = new ArrayList<>();
      meta.path("argv").forEach(a -> argv.add(a.asText()));
      List<Chunk> chunks = new ArrayList<>();
      meta.path("timeline")
          .forEach(
              c -> chunks.add(new Chunk(c.get(0).asInt(), c.get(1).asInt(), c.get(2).asLong())));
      return new Recording(
          argv,
          meta.path("exit_code").asInt(),
          stdout,
          stderr,
          meta.path("description").asText(""),
          meta.path("provenance").asText(""),
          chunks);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable recording metadata", e);
    }
  }

  private static byte[] resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name + " beside " + anchor.getName());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }

  private static Path sibling(Path base, String suffix) {
    return base.resolveSibling(base.getFileName() + suffix);
  }
}
