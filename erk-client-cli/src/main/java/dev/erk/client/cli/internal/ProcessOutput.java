package dev.erk.client.cli.internal;

import java.nio.ByteBuffer;

/**
 * Where the bytes of one of a child's streams go. Called on NuProcess's pump thread, under the
 * execution's lock: implementations must be quick and must never block.
 */
public interface ProcessOutput {
  /** Consumes every remaining byte of the chunk (its position must end at its limit). */
  void accept(ByteBuffer chunk);

  /** The stream has ended normally; no more calls follow. */
  void finish();

  /** The call was cancelled, timed out or failed: drop what is pending; no more calls follow. */
  default void abort() {}
}
