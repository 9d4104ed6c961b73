package dev.erk.client;

/**
 * Receives the lines of a streaming action, in order, one call at a time.
 *
 * <p><b>Threads.</b> Calls never run on the process I/O thread. They run on the client's callback
 * executor (by default a thread of the SDK's own that no other call shares while the listener
 * runs), one line after another for a given action, never concurrently.
 *
 * <p><b>Slow and blocked listeners.</b> A slow listener delays only its own action's lines; a
 * listener that never returns holds only its own thread. Timeouts, cancellation and every other
 * call's completion go on regardless. Lines waiting for a slow listener are held in memory up to
 * the client's output limit (each line counted as 128 bytes plus two per character); past it the
 * action is killed and fails with {@link ErkUnreadableOutputException}.
 *
 * <p><b>Throwing.</b> Whatever the listener throws, an {@link Error} or a checked exception thrown
 * from Kotlin or sneakily included, is caught and logged (the first at WARNING, the rest at DEBUG)
 * and the next line is delivered; the stream goes on.
 *
 * <p><b>The end.</b> {@link StreamHandle#completion()} signals the end. After the action is
 * cancelled or times out, no further line is delivered (a call already running finishes).
 */
@FunctionalInterface
public interface LineListener {
  /** A listener that ignores every line. */
  LineListener NONE = line -> {};

  /** Receives one line. */
  void onLine(OutputLine line);
}
