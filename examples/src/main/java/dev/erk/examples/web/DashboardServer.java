package dev.erk.examples.web;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.erk.client.ErkClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * erk's dashboard as a web page, served by the JDK's HTTP server on 127.0.0.1.
 *
 * <pre>{@code
 * import dev.erk.client.ErkClient;
 * import dev.erk.examples.web.DashboardServer;
 * import java.time.Duration;
 *
 * class Serve {
 *   static void serve(ErkClient client) throws InterruptedException {
 *     try (DashboardServer server = DashboardServer.start(client, 0, Duration.ofSeconds(10))) {
 *       System.out.println(server.uri());   // http://127.0.0.1:PORT/
 *       Thread.sleep(Duration.ofMinutes(5).toMillis());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>The page lists the plans, offers each row's actions from the catalogue, streams long actions
 * as Server-Sent Events, and shows a selected plan's details or an objective's roadmap. Actions run
 * only on a POST carrying the per-server token the page holds; requests whose {@code Host} is not
 * this computer are refused. Each request runs on a thread of the server's own pool; a streaming
 * action holds one for as long as it runs.
 *
 * <p>The server does not own {@code client}: {@link #close()} cancels the actions it started
 * (killing their process trees) and stops serving, and the caller closes the client.
 */
public final class DashboardServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;
  private final Runs runs;
  private final String token;

  private DashboardServer(HttpServer server, ExecutorService threads, Runs runs, String token) {
    this.server = server;
    this.threads = threads;
    this.runs = runs;
    this.token = token;
  }

  /**
   * Starts serving on 127.0.0.1.
   *
   * @param client the erk to show and drive
   * @param port the port, or 0 for a free one
   * @param refresh how often the page asks for the plans again
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static DashboardServer start(ErkClient client, int port, Duration refresh) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535: " + port);
    }
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException("refresh must be positive: " + refresh);
    }
    HttpServer server;
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e, e);
    }
    AtomicInteger count = new AtomicInteger();
    ExecutorService threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "erk-web-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    RequestGuard guard = RequestGuard.create(server.getAddress().getPort());
    Runs runs = new Runs();
    PlansHandler plans = new PlansHandler(client);
    add(server, guard, "/", new PageHandler(guard.token(), refresh));
    add(server, guard, "/api/plans", plans);
    add(server, guard, "/api/actions", new ActionsHandler(client, plans, runs));
    add(server, guard, "/api/runs/", new RunsHandler(client, runs));
    add(server, guard, "/api/details/", new DetailsHandler(client));
    server.setExecutor(threads);
    server.start();
    return new DashboardServer(server, threads, runs, guard.token());
  }

  private static void add(HttpServer server, RequestGuard guard, String path, HttpHandler handler) {
    HttpContext context = server.createContext(path, handler);
    context.getFilters().add(guard);
  }

  /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** The token the page sends with every API call; a test or script may send it too. */
  public String token() {
    return token;
  }

  /** Cancels the running actions (killing their trees) and stops serving. */
  @Override
  public void close() {
    runs.cancelAll();
    server.stop(0);
    threads.shutdownNow();
  }
}
