package dev.erk.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkCall;
import dev.erk.client.ErkClient;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.ErkVersion;
import dev.erk.client.EventListener;
import dev.erk.client.LineListener;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.internal.warm.WarmSettings;
import dev.erk.client.details.DetailQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ErkClient} that runs the real {@code erk} executable.
 *
 * <pre>{@code
 * ErkClient erk = CliErkClient.builder()
 *     .workingDirectory(Path.of("/home/me/widgets"))   // the repository erk works in
 *     .streamTimeout(Duration.ofMinutes(15))
 *     .build();
 * }</pre>
 *
 * <p>Every call spawns erk with an argv array (never a shell), its standard input closed (so a
 * prompt aborts instead of hanging; an {@code erk json} detail query first gets its request) and
 * {@code PYTHONUNBUFFERED=1} in its environment (so lines stream as erk prints them). No SDK thread
 * waits per process: output is read by NuProcess's pump threads, the exit is awaited by the JDK's
 * process reaper, and spawning, killing, future completion and listener callbacks (unless you give
 * a {@link Builder#callbackExecutor executor}) run on the SDK's own workers, which end when idle.
 * See {@link #releaseAll} for hosts that unload erk-client. Each command is logged at DEBUG to the
 * {@link System.Logger} named {@code dev.erk.client} (argv with free text {@linkplain
 * dev.erk.client.Redaction redacted}, directory, exit, duration — never the environment); an {@link
 * Builder#eventListener EventListener} observes each call.
 *
 * <p>Thread-safe; build one per repository and share it. {@link #close()} cancels every call still
 * running. When the JVM exits, erk processes still running are killed (set the system property
 * {@code dev.erk.client.killChildrenOnExit=false} to leave them).
 */
public final class CliErkClient implements ErkClient {
  private final ClientConfig config;
  private final Builder origin;
  private final Spawner spawner;
  private final PlanListing listing;
  private final GenerationDetector detector;
  private final DetailFetcher details;
  private final CallRegistry calls = new CallRegistry();
  private final CallStarter starter;
  private final VersionCall versions;
  private final ActionCalls actions;

  private CliErkClient(ClientConfig config, Builder origin) {
    this.config = config;
    this.origin = origin;
    this.starter = new CallStarter(config, calls);
    this.spawner = new Spawner(config, calls);
    this.versions = new VersionCall(config, starter, spawner);
    this.detector =
        new GenerationDetector(
            config.generation(),
            () -> versions.ask(CallEvents.NONE),
            () ->
                spawner.collect(
                    command(List.of("exec", "land-execute", "--help")), config.actionTimeout()),
            config.logger());
    this.listing = new PlanListing(config, spawner, detector::observed);
    this.details = new DetailFetcher(config, spawner, detector);
    this.actions = new ActionCalls(config, starter, spawner, detector);
  }

  /** A builder with every setting at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this client's settings, to derive another client. */
  public Builder newBuilder() {
    return origin.copy();
  }

  /** The erk executable this client runs. */
  public Path executable() {
    return config.executable();
  }

  /** The directory erk runs in. */
  public Path workingDirectory() {
    return config.workingDirectory();
  }

  @Override
  public PlanList listPlans(PlanQuery query) {
    return Blocking.await(listPlansAsync(query), command(query.arguments()));
  }

  @Override
  public CompletableFuture<PlanList> listPlansAsync(PlanQuery query) {
    starter.checkOpen();
    Duration timeout = query.timeout() != null ? query.timeout() : config.dataTimeout();
    List<String> command = command(query.arguments());
    CallEvents events = config.observation().start(ErkCall.Kind.LIST_PLANS, null, command);
    return events.track(starter.async(command, () -> listing.list(command, timeout, events)));
  }

  /**
   * The erk generation whose command names this client uses: the one pinned in the builder, else
   * the row schema of a dash-data answer this client decoded, else detected once from {@code erk
   * --version} (which needs no GitHub access).
   *
   * @throws dev.erk.client.ErkException if erk had to be asked and could not answer
   */
  public ErkGeneration generation() {
    return Blocking.await(detector.detect(), versions.command());
  }

  /**
   * {@inheritDoc}
   *
   * <p>When the action's command line differs between erk generations and the generation is not
   * known yet, the client first detects it (see {@link #generation()}).
   */
  @Override
  public ActionResult run(ActionRequest request) {
    return actions.run(request);
  }

  @Override
  public CompletableFuture<ActionResult> runAsync(ActionRequest request) {
    return actions.runAsync(request, argv -> {});
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns at once. When the action's command line differs between erk generations and the
   * generation is not known yet, the process starts once {@code erk --version} has answered ({@link
   * StreamHandle#pid()} is -1 until then); if the generation turns out to lack the action, the
   * completion fails with {@link dev.erk.client.ErkUnsupportedActionException}.
   *
   * @throws dev.erk.client.ErkUnsupportedActionException if the generation is known and lacks the
   *     action
   */
  @Override
  public StreamHandle stream(ActionRequest request, LineListener listener) {
    return actions.stream(request, listener);
  }

  /** Never throws but for a closed client: every failure completes the future. */
  @Override
  public CompletableFuture<ActionResult> streamAsync(ActionRequest request, LineListener listener) {
    return actions.streamAsync(request, listener);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Runs with the data timeout. When the query's command differs between erk generations and the
   * generation is not known yet, the client first detects it (see {@link #generation()}).
   */
  @Override
  public <T> T fetch(DetailQuery<T> query) {
    return Blocking.await(fetchAsync(query), command(query.display()));
  }

  @Override
  public <T> CompletableFuture<T> fetchAsync(DetailQuery<T> query) {
    starter.checkOpen();
    List<String> display = command(query.display());
    CallEvents events = config.observation().start(ErkCall.Kind.FETCH, null, display);
    return events.track(starter.async(display, () -> details.fetch(query, display, events)));
  }

  @Override
  public ErkVersion version() {
    return Blocking.await(versionAsync(), versions.command());
  }

  @Override
  public CompletableFuture<ErkVersion> versionAsync() {
    starter.checkOpen();
    CallEvents events = config.observation().start(ErkCall.Kind.VERSION, null, versions.command());
    return events.track(versions.ask(events));
  }

  /**
   * Cancels every call still running, those racing with this one included, and waits until their
   * process trees are gone (at most the kill grace and 1.5 s more). Calls made afterwards throw
   * {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    OpenClients.closed(this);
    calls.close(config.killGrace().plusMillis(1500));
    spawner.closeWarm(config.killGrace().plusMillis(1500));
  }

  /**
   * Releases everything erk-client holds in this JVM, for a host that unloads it (an IDE plugin on
   * unload, a web application on undeploy): closes every client still open, waits for their
   * processes to end, and ends the SDK's threads. Afterwards nothing of erk-client is referenced
   * from outside its classes (no thread, no shutdown hook, no native binding), so its class loader
   * can be collected. It is final: {@link Builder#build()} then throws {@link
   * IllegalStateException}, since NuProcess's native bindings are gone. Closing every client
   * without this call ends the SDK's threads too (after 2 s idle) and removes its shutdown hook,
   * but NuProcess's native bindings keep the class loader.
   *
   * @param timeout how long to wait for processes and threads to end
   * @return true if everything ended within the timeout
   */
  public static boolean releaseAll(Duration timeout) {
    return OpenClients.releaseAll(timeout);
  }

  /** {@link #releaseAll(Duration)} waiting at most 10 s. */
  public static boolean releaseAll() {
    return releaseAll(Duration.ofSeconds(10));
  }

  @Override
  public String toString() {
    return "CliErkClient[" + config.executable() + " in " + config.workingDirectory() + "]";
  }

  private List<String> command(List<String> arguments) {
    return starter.command(arguments);
  }

  /**
   * Configures a {@link CliErkClient}. Every setter returns this builder; {@link #build()} checks
   * the settings and resolves the executable.
   */
  public static final class Builder {
    @Nullable Path executable;
    @Nullable Path workingDirectory;
    final Map<String, String> environmentAdditions = new LinkedHashMap<>();
    final Set<String> environmentRemovals = new LinkedHashSet<>();
    Duration dataTimeout = Duration.ofMinutes(2);
    Duration actionTimeout = Duration.ofMinutes(2);
    Duration streamTimeout = Duration.ofMinutes(10);
    Duration killGrace = Duration.ofSeconds(1);
    long outputLimit = 64L * 1024 * 1024;
    @Nullable ObjectMapper objectMapper;
    @Nullable Executor callbackExecutor;
    String loggerName = "dev.erk.client";
    @Nullable ErkGeneration generation;
    boolean coalesce = true;
    EventListener.@Nullable Factory eventListenerFactory;
    boolean redactFreeText = true;
    WarmSettings warm = WarmSettings.OFF;

    Builder() {}

    /** The erk executable to run. Default: {@code erk} found on the JVM's {@code PATH}. */
    public Builder executable(Path executable) {
      this.executable = executable;
      return this;
    }

    /** The directory erk runs in: a git repository or worktree. Default: the JVM's directory. */
    public Builder workingDirectory(Path workingDirectory) {
      this.workingDirectory = workingDirectory;
      return this;
    }

    /**
     * Sets a variable in erk's environment, on top of the inherited one (e.g. {@code GH_TOKEN}).
     */
    public Builder environment(String name, String value) {
      EnvironmentCheck.name(name);
      EnvironmentCheck.value(name, value);
      environmentRemovals.remove(name);
      environmentAdditions.put(name, value);
      return this;
    }

    /** Removes an inherited variable from erk's environment. */
    public Builder removeEnvironment(String name) {
      EnvironmentCheck.name(name);
      environmentAdditions.remove(name);
      environmentRemovals.add(name);
      return this;
    }

    /** How long {@code listPlans} may take. Default 120 s. */
    public Builder dataTimeout(Duration timeout) {
      this.dataTimeout = positive(timeout, "dataTimeout");
      return this;
    }

    /** How long a fast (JSON or text) action may take. Default 120 s. */
    public Builder actionTimeout(Duration timeout) {
      this.actionTimeout = positive(timeout, "actionTimeout");
      return this;
    }

    /** How long a streaming action (land, launch, dispatch …) may take. Default 600 s. */
    public Builder streamTimeout(Duration timeout) {
      this.streamTimeout = positive(timeout, "streamTimeout");
      return this;
    }

    /** How long a killed process gets between SIGTERM and SIGKILL. Default 1 s. */
    public Builder killGrace(Duration grace) {
      this.killGrace = positive(grace, "killGrace");
      return this;
    }

    /**
     * The most bytes one call may print on stdout or stderr (for a stream: the most characters its
     * listener may fall behind). Past it the call is killed and fails with {@link
     * ErkUnreadableOutputException}. Default 64 MiB.
     */
    public Builder outputLimit(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("outputLimit must be positive: " + bytes);
      }
      this.outputLimit = bytes;
      return this;
    }

    /** A Jackson mapper whose settings to start from; the client works on its own copy. */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
      return this;
    }

    /**
     * Where line listeners run. Default: the SDK's own daemon threads, a thread per busy listener.
     * Lines of one action are still delivered one at a time, in order. Futures are always completed
     * by the SDK's threads, so a listener that blocks this executor delays only lines, never
     * another call's completion.
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = executor;
      return this;
    }

    /** The {@link System.Logger} name for command logging. Default {@code dev.erk.client}. */
    public Builder loggerName(String loggerName) {
      this.loggerName = loggerName;
      return this;
    }

    /** Pins the erk generation whose command names the client uses, instead of detecting it. */
    public Builder generation(@Nullable ErkGeneration generation) {
      this.generation = generation;
      return this;
    }

    /**
     * Whether concurrent identical {@code listPlans} calls share one erk process and one decoded
     * result. Default true.
     */
    public Builder coalesceListPlans(boolean coalesce) {
      this.coalesce = coalesce;
      return this;
    }

    /**
     * Observes every call with this one listener; see {@link EventListener} for the order of
     * events, the threads they run on and what happens when the listener throws or blocks.
     */
    public Builder eventListener(EventListener listener) {
      this.eventListenerFactory = EventListener.factory(listener);
      return this;
    }

    /** Observes each call with a listener of its own, made by the factory. Default: none. */
    public Builder eventListenerFactory(EventListener.Factory factory) {
      this.eventListenerFactory = factory;
      return this;
    }

    /**
     * Whether this client's DEBUG log lines and {@link dev.erk.client.ErkCall#command() events}
     * hide the free text of command lines (comments, prompts; see {@link
     * dev.erk.client.Redaction}). Default true. Exception messages and {@code toString} of results
     * follow the JVM-wide system property {@value dev.erk.client.Redaction#PROPERTY} instead (set
     * it to {@code false} to show free text there); {@code command()} always holds it.
     */
    public Builder redactFreeText(boolean redact) {
      this.redactFreeText = redact;
      return this;
    }

    /**
     * Whether calls go to warm erk workers instead of a new process each: {@code listPlans}, {@code
     * version}, detail queries ({@code fetch}) and non-streaming actions. A worker is a Python
     * process that imported erk once and runs each call in a fresh fork of itself, with the same
     * output and exit code as a spawned erk, in milliseconds instead of erk's start-up time.
     * Streaming actions are spawned unless {@link #warmStreams(boolean)} is set. An erk that is not
     * a Python console script (a shell wrapper, a binary) is spawned as before. Each worker holds
     * about as much memory as one erk process. Default false. See the README's "Warm erk" section.
     */
    public Builder keepWarm(boolean keepWarm) {
      this.warm = warm.withEnabled(keepWarm);
      return this;
    }

    /**
     * Whether {@code stream} and {@code streamAsync} run on warm workers too; only with {@link
     * #keepWarm(boolean) keepWarm(true)}, ignored otherwise ({@code run} of a streaming action is
     * always spawned). Default false.
     *
     * <p>What it trades: a warm stream starts without erk's start-up time, but it holds a worker
     * (about one erk process of memory) for its whole run, which can last minutes; that worker is
     * taken out of the pool, so it never makes other calls wait. The call runs in a fork of the
     * worker rather than in a process of its own: its lines, result and exit code are those of a
     * spawned erk, but it shares the worker's start-up state (erk imported once, the environment at
     * the worker's start). Cancel, timeout and {@code close()} kill the worker's whole tree, the
     * action and everything it started, and a fresh worker serves later calls. A worker that dies
     * during the action ends it as a spawned erk's death would; it is never retried.
     */
    public Builder warmStreams(boolean warmStreams) {
      this.warm = warm.withStreams(warmStreams);
      return this;
    }

    /** The most warm workers, so warm calls running at once; more calls wait. Default 2. */
    public Builder warmPoolSize(int workers) {
      this.warm = warm.withPoolSize(workers);
      return this;
    }

    /** After this many calls a warm worker is replaced by a fresh one. Default 1000. */
    public Builder warmMaxCallsPerWorker(int calls) {
      this.warm = warm.withMaxCallsPerWorker(calls);
      return this;
    }

    /** A warm worker unused this long exits; the next call starts one. Default 5 minutes. */
    public Builder warmIdleTime(Duration idleTime) {
      this.warm = warm.withIdleTime(idleTime);
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws dev.erk.client.ErkStartException if no executable was set and there is no {@code erk}
     *     on the JVM's PATH (the message lists the directories searched), or if the working
     *     directory does not exist or is not a directory
     * @throws IllegalStateException if {@link CliErkClient#releaseAll} was called, or the Jackson
     *     on the class path is older than 2.16
     */
    public CliErkClient build() {
      CliErkClient client = new CliErkClient(ConfigResolver.resolve(this), copy());
      OpenClients.opened(client);
      return client;
    }

    Builder copy() {
      Builder copy = new Builder();
      copy.executable = executable;
      copy.workingDirectory = workingDirectory;
      copy.environmentAdditions.putAll(environmentAdditions);
      copy.environmentRemovals.addAll(environmentRemovals);
      copy.dataTimeout = dataTimeout;
      copy.actionTimeout = actionTimeout;
      copy.streamTimeout = streamTimeout;
      copy.killGrace = killGrace;
      copy.outputLimit = outputLimit;
      copy.objectMapper = objectMapper;
      copy.callbackExecutor = callbackExecutor;
      copy.loggerName = loggerName;
      copy.generation = generation;
      copy.coalesce = coalesce;
      copy.eventListenerFactory = eventListenerFactory;
      copy.redactFreeText = redactFreeText;
      copy.warm = warm;
      return copy;
    }

    private static Duration positive(Duration duration, String what) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
