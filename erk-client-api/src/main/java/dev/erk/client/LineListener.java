package dev.erk.client;

/**
 * Receives the lines of a streaming action, in order, one call at a time.
 *
 * <p>Calls never run on the process I/O thread; they run on the client's callback executor, one
 * line after another for a given action (never concurrently). A listener that throws does not end
 * the stream: the exception is logged and the next line is delivered. A slow listener delays only
 * its own action's lines. The end of the stream is signalled by {@link StreamHandle#completion()}.
 */
@FunctionalInterface
public interface LineListener {
  /** A listener that ignores every line. */
  LineListener NONE = line -> {};

  /** Receives one line. */
  void onLine(OutputLine line);
}
