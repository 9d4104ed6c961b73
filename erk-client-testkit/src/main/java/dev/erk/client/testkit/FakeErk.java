package dev.erk.client.testkit;

import dev.erk.client.ErkGeneration;
import dev.erk.client.PlanRow;
import dev.erk.client.cli.CliErkClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A real fake {@code erk} executable whose answers are scripted from Java: the MockWebServer of a
 * command-line tool. It writes a POSIX {@code sh} script (runs under dash and bash; a call costs a
 * few milliseconds) and its scenario into a fresh temporary directory, and records every invocation
 * in a journal you can inspect and verify.
 *
 * <pre>{@code
 * try (FakeErk erk = FakeErk.create()) {
 *   erk.stubPlans(PlanRows.builder().prNumber(7).title("Add retry").build());
 *   erk.stubFor(ArgvPattern.command("exec", "dash-data").withOption("--state", "closed"))
 *       .willReturn(Fixtures.DASH_DATA_EMPTY.reply());
 *   erk.stubFor(ArgvPattern.prefix("launch", "pr-address"))
 *       .willReturn(Reply.timeline()
 *           .stderr("Checking PR status...").pause(Duration.ofMillis(200))
 *           .stderr("✓ Workflow dispatched").exitCode(0));
 *
 *   try (CliErkClient client = erk.client()) {
 *     // ... run the code under test with this client (or with erk.executable() as its erk) ...
 *   }
 *
 *   erk.verify(ArgvPattern.command("exec", "dash-data").withFlag("--show-runs"));
 *   erk.verifyNoUnmatched();
 *   Invocation first = erk.takeInvocation(Duration.ofSeconds(1)).orElseThrow();
 * }
 * }</pre>
 *
 * <p>Stubs match argv in priority order, the most recently added first; a stub restricted with
 * {@link Stub#inState} is tried only in that scenario state. A call that no stub matches writes its
 * argv and the nearest stubs to stderr, exits with {@link #UNMATCHED_EXIT_CODE}, and is journalled
 * as {@linkplain Invocation#unmatched() unmatched}.
 *
 * <p>Thread-safe: stub, verify and read the journal from any thread while any number of invocations
 * run concurrently. {@link #close()} kills the fake's processes still running (a {@link
 * Reply#hang() hanging} one, a long timeline), descendants first, then deletes the directory. Needs
 * a POSIX system with {@code /bin/sh}, {@code cat}, {@code sleep} and {@code mv}.
 */
public final class FakeErk implements AutoCloseable {

  /**
   * The exit code of a call that no stub matches, unless {@link Builder#unmatchedExitCode} says
   * otherwise.
   */
  public static final int UNMATCHED_EXIT_CODE = 97;

  /** The scenario state a new fake starts in (as in WireMock). */
  public static final String INITIAL_STATE = "Started";

  /**
   * The environment variables every journal entry records: the ones erk and erk-client care about.
   */
  public static final List<String> DEFAULT_RECORDED_ENVIRONMENT =
      List.of(
          "PYTHONUNBUFFERED",
          "PYTHONIOENCODING",
          "GH_TOKEN",
          "ERK_SKIP_VERSION_CHECK",
          "ERK_NO_COMMAND_LOG",
          "ERK_DEBUG",
          "GITHUB_ACTIONS");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  final Object lock = new Object();
  private final Builder settings;
  private final ScenarioFiles files;
  private final ScriptWriter writer;
  private final Journal journal;
  private final List<Stub> stubs = new ArrayList<>(); // guarded by lock
  private int nextStubId = 1; // guarded by lock
  private boolean closed; // guarded by lock

  private FakeErk(Builder settings) throws IOException {
    this.settings = settings.copy();
    this.files = ScenarioFiles.create(settings.parent);
    this.writer =
        new ScriptWriter(
            files.dir(), List.copyOf(settings.recordedEnvironment), settings.unmatchedExitCode);
    this.journal = new Journal(this, new JournalFiles(files.journal()));
    writer.install(List.of());
  }

  /** Creates a fake with the default settings in the system's temporary directory. */
  public static FakeErk create() {
    return builder().build();
  }

  /** Starts configuring a fake. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with this fake's settings, to create another like it. */
  public Builder newBuilder() {
    return settings.copy();
  }

  /** The fake {@code erk} executable, to hand to the code under test. */
  public Path executable() {
    return files.dir().resolve("erk");
  }

  /** The temporary directory holding the executable, its scenario and its journal. */
  public Path directory() {
    return files.dir();
  }

  /** A client pointed at this fake, to use and close in a test; see {@link #clientBuilder()}. */
  public CliErkClient client() {
    return clientBuilder().build();
  }

  /**
   * A client builder pointed at this fake, to customise before {@code build()}: executable {@link
   * #executable()}, working directory {@link #directory()}, a 100 ms kill grace (the fake ignores
   * no signal), and generation pinned to {@link ErkGeneration#CURRENT} so that no unstubbed {@code
   * erk --version} runs first (call {@code generation(null)} to test detection).
   */
  public CliErkClient.Builder clientBuilder() {
    return CliErkClient.builder()
        .executable(executable())
        .workingDirectory(directory())
        .killGrace(Duration.ofMillis(100))
        .generation(ErkGeneration.CURRENT);
  }

  /**
   * Answers every {@code erk exec dash-data} call, whatever its options, with these rows in erk's
   * exact JSON ({@link PlanRows#toDashData(PlanRow...)}); a newer stub takes priority as usual.
   */
  public Stub stubPlans(PlanRow... rows) {
    return stubFor(ArgvPattern.command("exec", "dash-data"))
        .willReturn(Reply.stdout(PlanRows.toDashData(rows)));
  }

  /**
   * Starts a stub for argv matching {@code pattern}; it answers once it has a reply ({@link
   * Stub#willReturn}) and takes priority over every stub added before it.
   */
  public Stub stubFor(ArgvPattern pattern) {
    synchronized (lock) {
      checkOpen();
      Stub stub = new Stub(this, nextStubId++, pattern);
      stubs.add(stub);
      return stub;
    }
  }

  /** The scenario state: {@link #INITIAL_STATE} until a stub or {@link #setState} changes it. */
  public String state() {
    synchronized (lock) {
      checkOpen();
      return files.state();
    }
  }

  /** Moves the scenario to {@code state}. */
  public void setState(String state) {
    ScenarioFiles.checkStateName(state);
    synchronized (lock) {
      checkOpen();
      files.setState(state);
    }
  }

  /**
   * Every recorded invocation so far, oldest first (see {@link Invocation#time()} for how order is
   * kept).
   */
  public List<Invocation> invocations() {
    return journal.invocations();
  }

  /**
   * Takes the oldest invocation not taken before, waiting up to {@code timeout} for one to be
   * recorded. An invocation is recorded as soon as it has been matched, before its reply runs, so
   * this also sees calls that are still running. Like MockWebServer's {@code takeRequest}.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public Optional<Invocation> takeInvocation(Duration timeout) throws InterruptedException {
    return journal.take(timeout);
  }

  /**
   * Asserts that at least one recorded invocation matches {@code pattern}.
   *
   * @throws AssertionError listing the invocations and the nearest stubs, if none does
   */
  public void verify(ArgvPattern pattern) {
    journal.verifyAtLeastOnce(pattern);
  }

  /**
   * Asserts that exactly {@code times} recorded invocations match {@code pattern}.
   *
   * @throws AssertionError listing the invocations and the nearest stubs, if the count differs
   */
  public void verify(int times, ArgvPattern pattern) {
    journal.verifyTimes(times, pattern);
  }

  /**
   * Asserts that every recorded invocation was answered by a stub.
   *
   * @throws AssertionError listing each unmatched argv with its nearest stubs, if any was not
   */
  public void verifyNoUnmatched() {
    journal.verifyNoUnmatched();
  }

  /**
   * Removes every stub, forgets the journal and sequence positions, and returns to {@link
   * #INITIAL_STATE}, keeping the directory and executable. Do not call it while invocations run.
   */
  public void reset() {
    synchronized (lock) {
      checkOpen();
      stubs.clear();
      journal.clear();
      try {
        files.clearRuntime();
        writer.install(List.of());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reset the fake erk in " + directory(), e);
      }
    }
  }

  /**
   * Kills the fake's processes still running (each with its descendants, which go first) and
   * deletes the directory with the executable and the journal. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    ProcessReaper.killAll(files.pids());
    try {
      files.delete();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the fake erk directory " + directory(), e);
    }
  }

  @Override
  public String toString() {
    return "FakeErk[" + executable() + "]";
  }

  /** Applies a stub change and rewrites the executable; called by {@link Stub}. */
  void change(Runnable mutation) {
    synchronized (lock) {
      checkOpen();
      mutation.run();
      try {
        writer.install(stubs.stream().map(Stub::spec).toList());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot rewrite the fake erk in " + directory(), e);
      }
    }
  }

  /** The stubs, oldest first; the caller holds {@link #lock}. */
  List<Stub> stubs() {
    return List.copyOf(stubs);
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  void checkOpenNow() {
    synchronized (lock) {
      checkOpen();
    }
  }

  /**
   * Settings for a {@link FakeErk}. Not thread-safe; {@link #build()} may be called repeatedly,
   * each time creating a new fake in a new directory.
   */
  public static final class Builder {
    private @Nullable Path parent;
    private final Set<String> recordedEnvironment =
        new LinkedHashSet<>(DEFAULT_RECORDED_ENVIRONMENT);
    private int unmatchedExitCode = UNMATCHED_EXIT_CODE;

    private Builder() {}

    /**
     * Creates the fake's directory inside {@code parent} instead of the system temporary directory.
     */
    public Builder directory(Path parent) {
      this.parent = parent;
      return this;
    }

    /**
     * Also records these environment variables (in addition to {@link
     * #DEFAULT_RECORDED_ENVIRONMENT}).
     */
    public Builder recordEnvironment(String... names) {
      for (String name : names) {
        if (!ENV_NAME.matcher(name).matches()) {
          throw new IllegalArgumentException(
              "not an environment variable name: " + ShellQuoting.render(name));
        }
      }
      recordedEnvironment.addAll(Arrays.asList(names));
      return this;
    }

    /** The exit code for calls no stub matches; default {@link #UNMATCHED_EXIT_CODE}. */
    public Builder unmatchedExitCode(int code) {
      if (code < 1 || code > 255) {
        throw new IllegalArgumentException("unmatched exit code must be 1-255: " + code);
      }
      this.unmatchedExitCode = code;
      return this;
    }

    /**
     * Creates the directory and writes an executable with no stubs yet.
     *
     * @throws UncheckedIOException if the directory or script cannot be written
     */
    public FakeErk build() {
      try {
        return new FakeErk(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a fake erk", e);
      }
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.parent = parent;
      copy.recordedEnvironment.clear();
      copy.recordedEnvironment.addAll(recordedEnvironment);
      copy.unmatchedExitCode = unmatchedExitCode;
      return copy;
    }
  }
}
