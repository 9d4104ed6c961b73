package dev.erk.client.testkit;

import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkClient;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkTimeoutException;
import dev.erk.client.ErkVersion;
import dev.erk.client.LineListener;
import dev.erk.client.PlanList;
import dev.erk.client.PlanQuery;
import dev.erk.client.PlanRow;
import dev.erk.client.StreamHandle;
import dev.erk.client.details.DetailQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * An {@link ErkClient} with scripted answers and no process at all, for unit tests of code that
 * takes an {@code ErkClient}. Actions are scripted with the same {@link Reply} as {@link FakeErk}:
 * its output becomes the result's stdout and stderr, its pauses delay streamed lines.
 *
 * <pre>{@code
 * InMemoryErkClient erk = InMemoryErkClient.create()
 *     .plans(PlanRows.open(7).build())
 *     .onAction(DashboardAction.CLOSE_PR, Reply.stdout("{\"success\": true}\n"))
 *     .onCommand(ArgvPattern.command("launch"), Reply.timeline().stderr("Dispatching…")
 *         .pause(Duration.ofMillis(50)).stderr("✓ done").exitCode(0));
 * }</pre>
 *
 * <p>Unscripted actions answer with exit code {@link FakeErk#UNMATCHED_EXIT_CODE}. Replies are
 * played on a small private scheduler (one daemon thread per client) and go through the same code
 * as {@code CliErkClient}'s output: lines are cut, delivered and turned into an {@link
 * ActionResult} (success, message, envelope) by the same rules, on the SDK's threads. Every call is
 * recorded ({@link #queries()}, {@link #requests()}). Thread-safe. {@link #close()} cancels running
 * streams.
 */
public final class InMemoryErkClient implements ErkClient {

  private record Rule(ArgvPattern pattern, Reply reply) {}

  private final List<Rule> rules = new CopyOnWriteArrayList<>(); // newest first
  private final Map<DashboardAction, Reply> actions = new ConcurrentHashMap<>();
  private final List<PlanQuery> queries = new CopyOnWriteArrayList<>();
  private final List<ActionRequest> requests = new CopyOnWriteArrayList<>();
  private final List<InMemoryStream> streams = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "in-memory-erk");
            t.setDaemon(true);
            return t;
          });
  private volatile Function<PlanQuery, PlanList> plans =
      q -> new PlanList(List.of(), ErkGeneration.CURRENT);
  private final InMemoryDetails details = new InMemoryDetails();
  private volatile boolean closed;
  private volatile ErkVersion version = ErkVersion.parse("erk, version 0.9.11");

  private InMemoryErkClient() {}

  /** A client with no plans, version 0.9.11, and no scripted actions. */
  public static InMemoryErkClient create() {
    return new InMemoryErkClient();
  }

  /** Every {@link #listPlans} answers with these rows, whatever the query. */
  public InMemoryErkClient plans(PlanRow... rows) {
    PlanList list = new PlanList(List.of(rows), ErkGeneration.CURRENT);
    return plans(q -> list);
  }

  /** {@link #listPlans} answers with {@code answer(query)}; an exception it throws is thrown. */
  public InMemoryErkClient plans(Function<PlanQuery, PlanList> answer) {
    this.plans = answer;
    return this;
  }

  /** Answers requests for {@code action} with {@code reply} (overrides {@link #onCommand}). */
  public InMemoryErkClient onAction(DashboardAction action, Reply reply) {
    actions.put(action, reply);
    return this;
  }

  /** Answers requests whose current-generation argv matches; newer rules take priority. */
  public InMemoryErkClient onCommand(ArgvPattern pattern, Reply reply) {
    rules.add(0, new Rule(pattern, reply));
    return this;
  }

  /** What {@link #version()} returns, e.g. {@code "erk, version 0.9.0"}. */
  public InMemoryErkClient version(String versionOutput) {
    this.version = ErkVersion.parse(versionOutput);
    return this;
  }

  /**
   * Answers {@code query} (and any query running the same erk command) with {@code answer}; build
   * answers with {@link DetailRecords}. Set the {@link #generation} first if it is not current.
   */
  public <T> InMemoryErkClient onDetail(DetailQuery<T> query, T answer) {
    details.answer(query, answer);
    return this;
  }

  /** {@link #fetch} of {@code query} throws {@code failure}, e.g. an ErkCommandFailedException. */
  public InMemoryErkClient onDetailFailure(DetailQuery<?> query, RuntimeException failure) {
    details.fail(query, failure);
    return this;
  }

  /**
   * The erk generation {@link #fetch} acts as (default current): a query whose command it lacks
   * throws {@link dev.erk.client.ErkUnsupportedActionException}, as with the real client.
   */
  public InMemoryErkClient generation(ErkGeneration generation) {
    details.generation(generation);
    return this;
  }

  /** Every detail query {@link #fetch} received, oldest first. */
  public List<DetailQuery<?>> detailQueries() {
    return details.fetched();
  }

  /** Every query {@link #listPlans} received, oldest first. */
  public List<PlanQuery> queries() {
    return List.copyOf(queries);
  }

  /** Every request {@link #run} or {@link #stream} received, oldest first. */
  public List<ActionRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public PlanList listPlans(PlanQuery query) {
    queries.add(query);
    return plans.apply(query);
  }

  /** Answers on the client's scheduler thread. */
  @Override
  public CompletableFuture<PlanList> listPlansAsync(PlanQuery query) {
    checkOpen();
    return CompletableFuture.supplyAsync(() -> listPlans(query), scheduler);
  }

  /**
   * Plays the scripted reply to its end on the calling thread's behalf.
   *
   * @throws ErkTimeoutException if the request's timeout ran out first
   * @throws ErkCancelledException if the calling thread was interrupted (the flag stays set)
   */
  @Override
  public ActionResult run(ActionRequest request) {
    StreamHandle stream = play(request, LineListener.NONE, false);
    try {
      return stream.completion().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      stream.cancel();
      Thread.currentThread().interrupt();
      List<String> command = new ArrayList<>(List.of("erk"));
      command.addAll(request.arguments());
      throw new ErkCancelledException(command);
    }
  }

  @Override
  public CompletableFuture<ActionResult> runAsync(ActionRequest request) {
    return play(request, LineListener.NONE, false).completion();
  }

  /**
   * Plays the scripted reply: lines reach {@code listener} in order, one at a time, on the SDK's
   * threads (as with {@code CliErkClient}), and the handle's future completes after the listener
   * returned from the last line. The result's stdout and stderr are the tails of the lines, as for
   * a real stream.
   *
   * @throws IllegalStateException if the client is closed
   */
  @Override
  public StreamHandle stream(ActionRequest request, LineListener listener) {
    return play(request, listener, true);
  }

  private InMemoryStream play(ActionRequest request, LineListener listener, boolean streamed) {
    checkOpen();
    requests.add(request);
    InMemoryStream stream =
        new InMemoryStream(request, replyFor(request), listener, streamed, scheduler);
    streams.add(stream);
    var unused = stream.completion().whenComplete((result, failure) -> streams.remove(stream));
    stream.start();
    return stream;
  }

  /** The scripted answer; unscripted queries fail with exit code 97 like FakeErk's. */
  @Override
  public <T> T fetch(DetailQuery<T> query) {
    checkOpen();
    return details.fetch(query);
  }

  /** Answers on the client's scheduler thread. */
  @Override
  public <T> CompletableFuture<T> fetchAsync(DetailQuery<T> query) {
    checkOpen();
    return CompletableFuture.supplyAsync(() -> details.fetch(query), scheduler);
  }

  @Override
  public ErkVersion version() {
    return version;
  }

  @Override
  public CompletableFuture<ErkVersion> versionAsync() {
    return CompletableFuture.completedFuture(version);
  }

  /** Cancels the streams still running and stops the scheduler; later calls are refused. */
  @Override
  public void close() {
    closed = true;
    new ArrayList<>(streams).forEach(InMemoryStream::cancel);
    scheduler.shutdownNow();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this InMemoryErkClient is closed");
    }
  }

  private Reply replyFor(ActionRequest request) {
    Reply reply =
        request instanceof ActionRequest.CatalogueAction catalogue
            ? actions.get(catalogue.action())
            : null;
    if (reply != null) {
      return reply;
    }
    List<String> argv = request.arguments(ErkGeneration.CURRENT);
    return rules.stream()
        .filter(r -> r.pattern().matches(argv))
        .map(Rule::reply)
        .findFirst()
        .orElse(
            Reply.stderr("in-memory erk: nothing scripted for " + argv + "\n")
                .withExitCode(FakeErk.UNMATCHED_EXIT_CODE));
  }
}
