package dev.erk.examples.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One Server-Sent Events response: named events whose data is one line of JSON, and comment
 * heartbeats. Writes come from the client's callback thread (lines) and the exchange's thread
 * (heartbeats, the end), so each event is written whole under a lock. An {@link IOException} means
 * the browser went away.
 */
final class EventStream {
  private final OutputStream out;
  private final Object lock = new Object();

  EventStream(OutputStream out) {
    this.out = out;
  }

  /** Sends {@code event: name} with {@code data} serialized as one line of JSON. */
  void send(String name, Object data) throws IOException {
    byte[] json = Exchanges.JSON.writeValueAsBytes(data); // JSON escapes line breaks: one line
    synchronized (lock) {
      out.write(("event: " + name + "\ndata: ").getBytes(StandardCharsets.UTF_8));
      out.write(json);
      out.write("\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** A comment line the browser ignores; writing it is how a closed tab is noticed. */
  void heartbeat() throws IOException {
    synchronized (lock) {
      out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
