package dev.erk.client.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the fake {@code erk} does when a stub matches: writes to stdout and stderr, maybe pauses,
 * then exits with a code, hangs until killed, or dies by a signal.
 *
 * <pre>{@code
 * Reply ok = Reply.stdout("{\"success\": true}\n");              // exit 0
 * Reply failed = Reply.stdout("partial").andStderr("Error: boom\n").withExitCode(1);
 * Reply bytes = Reply.stdoutBytes(new byte[] {(byte) 0xff, 0x0a});  // arrives byte for byte
 * Reply slow = Reply.timeline()
 *     .stdout("Checking PR status...")                  // a line: a newline is added
 *     .pause(Duration.ofMillis(200))
 *     .stderr("✓ Workflow dispatched")
 *     .exitCode(0);
 * Reply hangs = Reply.hang();                           // until the process is killed
 * Reply killed = Reply.killedBy(9);                     // the caller sees exit status 137
 * }</pre>
 *
 * <p>Text is written as UTF-8, exactly as given: {@link #stdout(String)} adds no newline, so a
 * reply without one is "partial output". Only {@link Timeline}'s line methods add {@code \n}.
 *
 * <p>Instances are immutable and thread-safe; the {@code and…}/{@code with…} methods return new
 * replies.
 */
public final class Reply {

  /** A piece of output for file descriptor 1 or 2, or (fd 0, no bytes) a pause. */
  static final class Step {
    private final int fd;
    private final byte @Nullable [] bytes;
    private final Duration pause;

    Step(int fd, byte @Nullable [] bytes, Duration pause) {
      this.fd = fd;
      this.bytes = bytes;
      this.pause = pause;
    }

    int fd() {
      return fd;
    }

    /** The bytes to write, shared and never modified; null for a pause. */
    byte @Nullable [] bytes() {
      return bytes;
    }

    Duration pause() {
      return pause;
    }
  }

  /**
   * How the fake ends: {@code EXIT} with {@code code}, {@code SIGNAL} number {@code code}, or
   * {@code HANG}.
   */
  record Ending(Kind kind, int code) {
    enum Kind {
      EXIT,
      SIGNAL,
      HANG
    }
  }

  private final List<Step> steps;
  private final Ending ending;

  private Reply(List<Step> steps, Ending ending) {
    this.steps = List.copyOf(steps);
    this.ending = ending;
  }

  /** Writes {@code text} to stdout as UTF-8, then exits 0. */
  public static Reply stdout(String text) {
    return empty().andStdout(text);
  }

  /** Writes {@code bytes} to stdout unchanged (they need not be UTF-8), then exits 0. */
  public static Reply stdoutBytes(byte[] bytes) {
    return empty().andStdoutBytes(bytes);
  }

  /**
   * Writes the file's current content to stdout, then exits 0.
   *
   * @throws UncheckedIOException if the file cannot be read (it is read now, not at invocation)
   */
  public static Reply stdoutFrom(Path file) {
    try {
      return stdoutBytes(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reply body " + file, e);
    }
  }

  /**
   * Writes a classpath resource (such as {@code "fixtures/dash-data.json"}) to stdout, then exits
   * 0. The resource is looked up through the thread's context class loader, then this class's; in a
   * named module, keep it outside any package or open its package.
   *
   * @throws IllegalArgumentException if there is no such resource
   */
  public static Reply stdoutFromResource(String name) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    InputStream in = context == null ? null : context.getResourceAsStream(name);
    if (in == null) {
      in = Reply.class.getClassLoader().getResourceAsStream(name);
    }
    if (in == null) {
      throw new IllegalArgumentException("no classpath resource named " + name);
    }
    try (InputStream body = in) {
      return stdoutBytes(body.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }

  /** Writes {@code text} to stderr as UTF-8, then exits 0. */
  public static Reply stderr(String text) {
    return empty().andStderr(text);
  }

  /** Writes {@code bytes} (NUL and invalid UTF-8 included) to stderr, then exits 0. */
  public static Reply stderrBytes(byte[] bytes) {
    return empty().andStderrBytes(bytes);
  }

  /** Writes nothing and exits with {@code code} (0–255). */
  public static Reply exitCode(int code) {
    return empty().withExitCode(code);
  }

  /**
   * Writes nothing and blocks until killed; the script {@code exec}s {@code sleep}, so killing the
   * process leaves no child behind.
   */
  public static Reply hang() {
    return timeline().hang();
  }

  /**
   * Writes nothing and kills itself with {@code signal} (9 → exit status 137, 11 → 139); no core
   * file is written.
   */
  public static Reply killedBy(int signal) {
    return timeline().killedBy(signal);
  }

  /** Starts a scripted sequence of lines, pauses and an ending. */
  public static Timeline timeline() {
    return new Timeline();
  }

  private static Reply empty() {
    return new Reply(List.of(), new Ending(Ending.Kind.EXIT, 0));
  }

  /** Returns this reply with {@code text} also written to stdout afterwards. */
  public Reply andStdout(String text) {
    return andStdoutBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns this reply with {@code bytes} also written to stdout afterwards. */
  public Reply andStdoutBytes(byte[] bytes) {
    return plus(new Step(1, bytes.clone(), Duration.ZERO));
  }

  /** Returns this reply with {@code text} also written to stderr afterwards. */
  public Reply andStderr(String text) {
    return andStderrBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns this reply with {@code bytes} also written to stderr afterwards. */
  public Reply andStderrBytes(byte[] bytes) {
    return plus(new Step(2, bytes.clone(), Duration.ZERO));
  }

  /** Returns this reply ending with exit code {@code code} (0–255) instead. */
  public Reply withExitCode(int code) {
    if (code < 0 || code > 255) {
      throw new IllegalArgumentException("exit code must be 0-255: " + code);
    }
    return new Reply(steps, new Ending(Ending.Kind.EXIT, code));
  }

  private Reply plus(Step step) {
    List<Step> more = new ArrayList<>(steps);
    more.add(step);
    return new Reply(more, ending);
  }

  List<Step> steps() {
    return steps;
  }

  Ending ending() {
    return ending;
  }

  /**
   * Whether this reply exits with status 0, which is what lets a stub change the scenario state.
   */
  boolean succeeds() {
    return ending.kind() == Ending.Kind.EXIT && ending.code() == 0;
  }

  @Override
  public String toString() {
    long out = steps.stream().filter(s -> s.fd() == 1).mapToLong(s -> len(s.bytes())).sum();
    long err = steps.stream().filter(s -> s.fd() == 2).mapToLong(s -> len(s.bytes())).sum();
    String end =
        switch (ending.kind()) {
          case EXIT -> "exit " + ending.code();
          case SIGNAL -> "killed by signal " + ending.code();
          case HANG -> "hang";
        };
    return "Reply[" + out + " bytes stdout, " + err + " bytes stderr, " + end + "]";
  }

  private static int len(byte @Nullable [] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  /**
   * A reply built step by step: lines and raw bytes on stdout and stderr with pauses between them,
   * finished by {@link #exitCode}, {@link #hang} or {@link #killedBy}. Pauses run GNU or BusyBox
   * {@code sleep} with a fractional argument. Immutable: each method returns a new timeline.
   */
  public static final class Timeline {
    private final List<Step> steps;

    private Timeline() {
      this(List.of());
    }

    private Timeline(List<Step> steps) {
      this.steps = steps;
    }

    /** Writes {@code line} and a newline to stdout. */
    public Timeline stdout(String line) {
      return plus(1, (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code line} and a newline to stderr. */
    public Timeline stderr(String line) {
      return plus(2, (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to stdout unchanged, with no newline added. */
    public Timeline stdoutBytes(byte[] bytes) {
      return plus(1, bytes.clone());
    }

    /** Writes {@code bytes} to stderr unchanged, with no newline added. */
    public Timeline stderrBytes(byte[] bytes) {
      return plus(2, bytes.clone());
    }

    /** Waits {@code pause} before the next step; output so far has already been written. */
    public Timeline pause(Duration pause) {
      if (pause.isNegative()) {
        throw new IllegalArgumentException("negative pause: " + pause);
      }
      return with(new Step(0, null, pause));
    }

    /** Ends by exiting with {@code code} (0–255). */
    public Reply exitCode(int code) {
      return new Reply(steps, new Ending(Ending.Kind.EXIT, 0)).withExitCode(code);
    }

    /** Ends by blocking until killed (see {@link Reply#hang()}). */
    public Reply hang() {
      return new Reply(steps, new Ending(Ending.Kind.HANG, 0));
    }

    /** Ends by killing itself with {@code signal}, 1–64 (see {@link Reply#killedBy(int)}). */
    public Reply killedBy(int signal) {
      if (signal < 1 || signal > 64) {
        throw new IllegalArgumentException("signal must be 1-64: " + signal);
      }
      return new Reply(steps, new Ending(Ending.Kind.SIGNAL, signal));
    }

    private Timeline plus(int fd, byte[] bytes) {
      return with(new Step(fd, bytes, Duration.ZERO));
    }

    private Timeline with(Step step) {
      List<Step> more = new ArrayList<>(steps);
      more.add(step);
      return new Timeline(List.copyOf(more));
    }
  }
}
