package dev.erk.client.cli.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects a stream's bytes up to a limit. Past the limit it keeps nothing more and reports the
 * overflow once, so the caller can kill the process instead of exhausting the heap.
 */
public final class BoundedCollector implements ProcessOutput {
  private final long limit;
  private final Runnable onOverflow;
  private byte[] bytes = new byte[8192];
  private int size;
  private long total;

  /**
   * @param limit the most bytes to keep
   * @param onOverflow run once, on the pump thread, when the stream exceeds the limit
   */
  public BoundedCollector(long limit, Runnable onOverflow) {
    this.limit = limit;
    this.onOverflow = onOverflow;
  }

  @Override
  public void accept(ByteBuffer chunk) {
    int n = chunk.remaining();
    long before = total;
    total += n;
    if (total > limit) {
      chunk.position(chunk.limit());
      if (before <= limit) {
        onOverflow.run();
      }
      return;
    }
    if (size + n > bytes.length) {
      bytes =
          Arrays.copyOf(
              bytes,
              (int)
                  Math.min(
                      Integer.MAX_VALUE - 8, Math.max((long) size + n, (long) bytes.length * 2)));
    }
    chunk.get(bytes, size, n);
    size += n;
  }

  @Override
  public void finish() {}

  /** The bytes collected; only the first {@link #size()} are valid. */
  public byte[] bytes() {
    return bytes;
  }

  /** How many bytes were collected. */
  public int size() {
    return size;
  }

  /** How many bytes the stream had in all, kept or not. */
  public long total() {
    return total;
  }
}
