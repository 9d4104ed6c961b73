package dev.erk.client.testkit;

import dev.erk.client.cli.CliErkClient;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records what a real erk command does, byte for byte, as a {@link Recording} that a {@link
 * FakeErk} can replay:
 *
 * <pre>
 * java -cp CLASSPATH dev.erk.client.testkit.Recorder --erk $(command -v erk) --cwd ~/widgets \
 *     --out src/test/resources/erk/dash-data-open [--description TEXT] -- exec dash-data
 * </pre>
 *
 * <p>erk runs as {@link CliErkClient} runs it (stdin closed, {@code PYTHONUNBUFFERED=1}), with
 * stdout and stderr read as raw bytes and each chunk's arrival time noted. The provenance names
 * the version the SDK reads from {@code erk --version}. Exit status: 0 when recorded, 2 on bad
 * arguments.
 */
public final class Recorder {

  private static final String USAGE =
      "usage: Recorder --erk PATH --cwd DIR --out DIR/NAME [--description TEXT] -- ERK-ARGS...";

  private Recorder() {}

  /** Parses the arguments, records, and prints the three files written. */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path erk = null;
    Path cwd = Path.of("");
    Path out = null;
    String description = "";
    List<String> erkArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        erkArgs.addAll(List.of(args).subList(i + 1, args.length));
        break;
      }
      String option = args[i];
      if (i + 1 >= args.length) {
        System.err.println(option + " needs a value\n" + USAGE);
        System.exit(2);
        return;
      }
      String value = args[++i];
      switch (option) {
        case "--erk" -> erk = Path.of(value);
        case "--cwd" -> cwd = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--description" -> description = value;
        default -> {
          System.err.println("unknown option " + option + "\n" + USAGE);
          System.exit(2);
        }
      }
    }
    if (erk == null || out == null || erkArgs.isEmpty()) {
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Recording recording = record(erk, cwd, erkArgs, description);
    recording.write(out);
    System.out.println("recorded `erk " + String.join(" ", erkArgs) + "` (exit "
        + recording.exitCode() + ") to " + out + ".{stdout,stderr,meta.json}");
  }

  /**
   * Runs {@code erk args} in {@code cwd} and records it.
   *
   * @throws UncheckedIOException if erk cannot be started
   */
  public static Recording record(Path erk, Path cwd, List<String> args, String description)
      throws InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(erk.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("PYTHONUNBUFFERED", "1");
    List<Recording.Chunk> timeline = new ArrayList<>();
    ChunkReader out;
    ChunkReader err;
    Process process;
    try {
      long start = System.nanoTime();
      process = builder.start();
      out = new ChunkReader(1, process.getInputStream(), start, timeline);
      err = new ChunkReader(2, process.getErrorStream(), start, timeline);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + erk, e);
    }
    out.join();
    err.join();
    int exit = process.waitFor();
    List<String> argv = new ArrayList<>(List.of("erk"));
    argv.addAll(args);
    return new Recording(argv, exit, out.bytes(), err.bytes(), description,
        "recorded from real erk " + version(erk, cwd), timeline);
  }

  private static String version(Path erk, Path cwd) {
    try (CliErkClient client = CliErkClient.builder().executable(erk).workingDirectory(cwd)
        .actionTimeout(Duration.ofSeconds(30)).build()) {
      return client.version().text();
    } catch (RuntimeException e) {
      return "(version unknown: " + e.getMessage() + ")";
    }
  }

  /** Reads one stream to its end, noting each chunk in the shared timeline in arrival order. */
  private static final class ChunkReader extends Thread {
    private final int fd;
    private final InputStream in;
    private final long start;
    private final List<Recording.Chunk> timeline;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ChunkReader(int fd, InputStream in, long start, List<Recording.Chunk> timeline) {
      super("erk-recorder-fd" + fd);
      this.fd = fd;
      this.in = in;
      this.start = start;
      this.timeline = timeline;
      setDaemon(true);
      start();
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (InputStream stream = in) {
        for (int n; (n = stream.read(buffer)) >= 0; ) {
          long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          synchronized (timeline) {
            bytes.write(buffer, 0, n);
            timeline.add(new Recording.Chunk(fd, n, at));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    byte[] bytes() {
      synchronized (timeline) {
        return bytes.toByteArray();
      }
    }
  }
}
