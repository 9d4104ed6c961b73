package dev.erk.client.testkit;

import dev.erk.client.ErkException;
import dev.erk.client.ErkStartException;
import dev.erk.client.cli.CliErkClient;
import dev.erk.client.cli.internal.Execution;
import dev.erk.client.cli.internal.ExecutionSpec;
import dev.erk.client.cli.internal.ProcessOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
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
 * <p>erk runs as {@link CliErkClient} runs it, through the client's own process core (stdin closed,
 * {@code PYTHONUNBUFFERED=1}, no time limit), with stdout and stderr kept as raw bytes and each
 * chunk's arrival time noted. The provenance names the version the SDK reads from {@code erk
 * --version}. Exit status: 0 when recorded, 2 on bad arguments.
 */
public final class Recorder {

  private static final String USAGE =
      "usage: Recorder --erk PATH --cwd DIR --out DIR/NAME [--description TEXT] -- ERK-ARGS...";

  /** How long erk may take to end after SIGTERM, when the recording is interrupted. */
  private static final Duration KILL_GRACE = Duration.ofSeconds(1);

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
    System.out.println(
        "recorded `erk "
            + String.join(" ", erkArgs)
            + "` (exit "
            + recording.exitCode()
            + ") to "
            + out
            + ".{stdout,stderr,meta.json}");
  }

  /**
   * Runs {@code erk args} in {@code cwd} and records it. If the calling thread is interrupted, erk
   * is killed and {@link InterruptedException} is thrown.
   *
   * @throws UncheckedIOException if erk cannot be started; its cause's cause is the client's {@link
   *     ErkStartException}, whose message says why
   * @throws ErkException if erk's output could not be read to its end
   */
  public static Recording record(Path erk, Path cwd, List<String> args, String description)
      throws InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(erk.toString());
    command.addAll(args);
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("PYTHONUNBUFFERED", "1");
    Execution execution =
        new Execution(new ExecutionSpec(command, cwd, environment, null, KILL_GRACE));
    Tape tape = new Tape();
    execution.start(tape.output(1), tape.output(2));
    Execution.Exit exit;
    try {
      exit = execution.exit().get();
    } catch (InterruptedException e) {
      execution.cancel();
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ErkStartException start) {
        throw new UncheckedIOException(start.getMessage(), new IOException(start));
      }
      throw e.getCause() instanceof ErkException erkFailure
          ? erkFailure
          : new IllegalStateException("recording `" + String.join(" ", command) + "` failed", e);
    }
    List<String> argv = new ArrayList<>(List.of("erk"));
    argv.addAll(args);
    return tape.recording(
        argv, exit.exitCode(), description, "recorded from real erk " + version(erk, cwd));
  }

  private static String version(Path erk, Path cwd) {
    try (CliErkClient client =
        CliErkClient.builder()
            .executable(erk)
            .workingDirectory(cwd)
            .actionTimeout(Duration.ofSeconds(30))
            .build()) {
      return client.version().text();
    } catch (RuntimeException e) {
      return "(version unknown: " + e.getMessage() + ")";
    }
  }

  /**
   * Both streams' bytes and the order their chunks arrived in. Its outputs are called on the
   * client's pump thread, so they only copy the bytes.
   */
  private static final class Tape {
    private final long start = System.nanoTime();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<Recording.Chunk> timeline = new ArrayList<>();

    ProcessOutput output(int fd) {
      return new ProcessOutput() {
        @Override
        public void accept(ByteBuffer chunk) {
          append(fd, chunk);
        }

        @Override
        public void finish() {}
      };
    }

    private synchronized void append(int fd, ByteBuffer chunk) {
      long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      byte[] bytes = new byte[chunk.remaining()];
      chunk.get(bytes);
      (fd == 1 ? stdout : stderr).writeBytes(bytes);
      timeline.add(new Recording.Chunk(fd, bytes.length, at));
    }

    synchronized Recording recording(
        List<String> argv, int exitCode, String description, String provenance) {
      return new Recording(
          argv,
          exitCode,
          stdout.toByteArray(),
          stderr.toByteArray(),
          description,
          provenance,
          timeline);
    }
  }
}
