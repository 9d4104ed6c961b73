package dev.erk.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Serves the page and its two static files from this package's resources. The page gets the
 * server's token and refresh interval in {@code <meta>} tags (both plain ASCII the server made),
 * and a Content-Security-Policy that allows only this server's own script and style, so even a
 * string that slipped past escaping could not run as script.
 */
final class PageHandler implements HttpHandler {
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; "
          + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
          + "frame-ancestors 'none'";

  private static final Map<String, String> FILES =
      Map.of(
          "/app.js", "text/javascript; charset=utf-8",
          "/app.css", "text/css; charset=utf-8");

  private final byte[] page;

  PageHandler(String token, Duration refresh) {
    this.page =
        resource("index.html")
            .replace("{{token}}", token)
            .replace("{{refreshMillis}}", Long.toString(refresh.toMillis()))
            .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      Exchanges.error(exchange, 405, "use GET");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    if ("/".equals(path)) {
      Exchanges.bytes(exchange, "text/html; charset=utf-8", page);
    } else if (FILES.containsKey(path)) {
      Exchanges.bytes(
          exchange, FILES.get(path), resource(path.substring(1)).getBytes(StandardCharsets.UTF_8));
    } else {
      Exchanges.error(exchange, 404, "not found");
    }
  }

  private static String resource(String name) {
    try (InputStream in = PageHandler.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
