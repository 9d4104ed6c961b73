package dev.erk.client.cli.reliability;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.erk.client.cli.internal.LineSplitter;
import java.nio.ByteBuffer;

/**
 * Fuzzes {@link LineSplitter} with random bytes cut into random chunks. Invariants: no exception,
 * no CR, LF or ESC in any emitted line, no piece longer than the limit, and no more chars out than
 * bytes in; and the same lines whatever the chunking.
 */
class LineSplitterFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void linesAreCleanBoundedAndIndependentOfChunking(FuzzedDataProvider data) {
    int maxLine = data.consumeInt(2, 64);
    int cuts = data.consumeInt(0, 16);
    int[] sizes = new int[cuts];
    for (int i = 0; i < cuts; i++) {
      sizes[i] = data.consumeInt(1, 64);
    }
    byte[] bytes = data.consumeRemainingAsBytes();

    StringBuilder chunked = new StringBuilder();
    long[] chars = {0};
    LineSplitter splitter =
        new LineSplitter(
            line -> {
              check(line, maxLine);
              chars[0] += line.length();
              chunked.append(line).append('\n');
            },
            maxLine);
    int at = 0;
    for (int i = 0; at < bytes.length; i++) {
      int size = cuts == 0 ? bytes.length : Math.min(bytes.length - at, sizes[i % cuts]);
      if (i % 3 == 2) {
        splitter.feed(ByteBuffer.allocate(0));
      }
      splitter.feed(ByteBuffer.wrap(bytes, at, size));
      at += size;
    }
    splitter.finish();
    splitter.finish();
    if (chars[0] > bytes.length) {
      throw new AssertionError(chars[0] + " chars out of " + bytes.length + " bytes");
    }

    StringBuilder whole = new StringBuilder();
    LineSplitter once = new LineSplitter(line -> whole.append(line).append('\n'), maxLine);
    once.feed(ByteBuffer.wrap(bytes));
    once.finish();
    if (!whole.toString().equals(chunked.toString())) {
      throw new AssertionError("chunking changed the lines");
    }
  }

  private static void check(String line, int maxLine) {
    if (line.length() > maxLine) {
      throw new AssertionError("line of " + line.length() + " chars > " + maxLine);
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\r' || c == '\n' || c == 0x1B) {
        throw new AssertionError("control char " + (int) c + " in " + line);
      }
    }
  }
}
