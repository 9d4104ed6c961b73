package dev.erk.examples.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The server's safety rules, checked before any handler runs.
 *
 * <ul>
 *   <li>Every request must name a loopback host ({@code 127.0.0.1}, {@code localhost} or {@code
 *       [::1]}) with the server's port in its {@code Host} header, so a web page whose domain is
 *       re-pointed at 127.0.0.1 (DNS rebinding) cannot read or drive the dashboard.
 *   <li>Everything under {@code /api/} except the event streams needs the per-server token in the
 *       {@code X-Erk-Token} header, which only the server's own page holds; a cross-site form or
 *       image cannot send a header, and a cross-site script cannot read the page.
 *   <li>A POST must carry JSON ({@code Content-Type: application/json}).
 * </ul>
 */
final class RequestGuard extends Filter {
  static final String TOKEN_HEADER = "X-Erk-Token";

  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

  private final String token;
  private final int port;

  private RequestGuard(String token, int port) {
    this.token = token;
    this.port = port;
  }

  /** A guard with a fresh random 128-bit token for a server on {@code port}. */
  static RequestGuard create(int port) {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    return new RequestGuard(HexFormat.of().formatHex(random), port);
  }

  String token() {
    return token;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    try (exchange) {
      String refusal = refusal(exchange);
      if (refusal != null) {
        exchange.getRequestBody().close();
        Exchanges.error(exchange, 403, refusal);
        return;
      }
      chain.doFilter(exchange);
    }
  }

  @Override
  public String description() {
    return "loopback Host header and per-server token";
  }

  private @Nullable String refusal(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || !isLoopback(host)) {
      return "refused: the Host header must name this computer (127.0.0.1:" + port + ")";
    }
    String path = exchange.getRequestURI().getPath();
    boolean api = path.startsWith("/api/");
    boolean events = path.startsWith("/api/runs/") && path.endsWith("/events");
    if (api && !events && !hasToken(exchange)) {
      return "refused: missing or wrong " + TOKEN_HEADER + " (reload the dashboard page)";
    }
    if ("POST".equals(exchange.getRequestMethod()) && !isJson(exchange)) {
      return "refused: a POST must send application/json";
    }
    return null;
  }

  boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > 0 && name.indexOf(']') < colon) {
      if (!name.substring(colon + 1).equals(Integer.toString(port))) {
        return false;
      }
      name = name.substring(0, colon);
    }
    return LOOPBACK_NAMES.contains(name);
  }

  private boolean hasToken(HttpExchange exchange) {
    String sent = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isJson(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
  }
}
