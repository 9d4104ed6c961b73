package dev.erk.examples.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so a test controls every header (the JDK's client refuses to set
 * {@code Host}) and can hold an event stream open and drop it like a closed tab.
 */
final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final BufferedReader in;

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
  }

  /** What came back: the status code, the headers (names in lower case) and the body read. */
  record Response(int status, Map<String, String> headers, String body) {}

  /** Sends one request and reads the answer to its end (the request asks to close). */
  static Response exchange(
      URI server, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    try (RawHttp http = open(server, method, path, headers, body)) {
      Response head = http.readHead();
      StringBuilder rest = new StringBuilder();
      for (String line = http.in.readLine(); line != null; line = http.in.readLine()) {
        rest.append(line).append('\n');
      }
      return new Response(head.status(), head.headers(), rest.toString());
    }
  }

  /** Sends a request and leaves the connection open for {@link #readHead} and {@link #readLine}. */
  static RawHttp open(
      URI server, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    RawHttp http = new RawHttp(new Socket(server.getHost(), server.getPort()));
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Host", server.getHost() + ":" + server.getPort());
    all.put("Connection", "close");
    all.putAll(headers);
    byte[] content = body.getBytes(UTF_8);
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    all.forEach(
        (name, value) -> {
          if (value != null) {
            request.append(name).append(": ").append(value).append("\r\n");
          }
        });
    if (content.length > 0) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("\r\n");
    OutputStream out = http.socket.getOutputStream();
    out.write(request.toString().getBytes(UTF_8));
    out.write(content);
    out.flush();
    return http;
  }

  Response readHead() throws IOException {
    String statusLine = in.readLine();
    if (statusLine == null) {
      throw new IOException("no answer");
    }
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
          line.substring(colon + 1).strip());
    }
    return new Response(status, headers, "");
  }

  /** The next line of the body (chunk sizes of a chunked body included), or null at its end. */
  String readLine() throws IOException {
    return in.readLine();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
