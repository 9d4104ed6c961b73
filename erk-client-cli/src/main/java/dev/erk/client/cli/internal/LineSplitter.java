package dev.erk.client.cli.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a child process's output, delivered as UTF-8 byte chunks with arbitrary boundaries, into
 * complete text lines without line terminators and without ANSI escape sequences.
 *
 * <p>The result is as if the whole stream were decoded, escape sequences removed, and the remaining
 * text split; chunk boundaries never change it. In detail:
 *
 * <ul>
 *   <li><b>Line breaks</b> are LF, CRLF and a bare CR, so a progress redraw {@code "50%\r60%\r"}
 *       yields {@code "50%"} and {@code "60%"}. A line ending in CR is delivered as soon as the CR
 *       arrives; an LF directly after it (possibly in the next chunk) is swallowed. Empty lines are
 *       delivered as {@code ""}. A final line without terminator is delivered by {@link #finish()}
 *       only if it is non-empty.
 *   <li><b>Decoding</b> is UTF-8; malformed input and a sequence left incomplete at {@link
 *       #finish()} become U+FFFD.
 *   <li><b>Escape sequences</b> removed: CSI ({@code ESC [} or U+009B, parameter bytes 0x30–0x3F,
 *       intermediate bytes 0x20–0x2F, final byte 0x40–0x7E); string sequences ({@code ESC ]} (OSC)
 *       or U+009D, and {@code ESC P}, {@code ESC X}, {@code ESC ^}, {@code ESC _}) up to BEL, ST
 *       ({@code ESC \} or U+009C) or a line break, whichever comes first, so that an unterminated
 *       one cannot swallow the rest of the output; other escapes {@code ESC}, intermediates
 *       0x20–0x2F, final 0x30–0x7E (such as {@code ESC c}, {@code ESC M}, {@code ESC 7}, {@code ESC
 *       ( B}). A character that cannot continue a sequence ends it and is kept as text (a line
 *       break still breaks the line). Other control characters are kept.
 *   <li><b>Long lines</b>: a line longer than {@code maxLineChars} chars is delivered in pieces of
 *       {@code maxLineChars} chars (one less where a piece would end between the two halves of a
 *       surrogate pair), so memory stays bounded even for a gigabyte without a line break. A piece
 *       is delivered only once the next text char arrives, so a line of exactly {@code
 *       maxLineChars} chars is a single line.
 * </ul>
 *
 * <p>Not thread-safe: calls must not overlap (NuProcess calls from one I/O thread per process).
 */
public final class LineSplitter {

  /** Receives the lines of a {@link LineSplitter}. */
  @FunctionalInterface
  public interface LineSink {
    /**
     * Accepts one line.
     *
     * @param text the line without its terminator and escape sequences; may be empty
     */
    void line(String text);
  }

  private enum Mode {
    TEXT,
    /** After ESC. */
    ESC,
    /** After ESC and one or more intermediate chars. */
    ESC_INTERMEDIATE,
    CSI,
    /** Inside OSC, DCS, SOS, PM or APC. */
    STRING,
    /** After ESC inside a string sequence: ST if '\' follows. */
    STRING_ESC
  }

  private static final char BEL = 0x07;
  private static final char ESC = 0x1B;
  private static final char C1_CSI = 0x9B;
  private static final char C1_ST = 0x9C;
  private static final char C1_OSC = 0x9D;
  private static final int BUFFER_SIZE = 8192;
  private static final int MAX_SUPPRESSED = 16;

  private final LineSink sink;
  private final int maxLineChars;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  // Chunks are copied through a heap buffer: the decoder's array fast path then applies even to
  // NuProcess's direct buffers, and an incomplete UTF-8 sequence simply stays in it (compact()).
  private final ByteBuffer in = ByteBuffer.allocate(BUFFER_SIZE);
  // UTF-8 never yields more chars than bytes, so one decode() call never overflows this.
  private final CharBuffer out = CharBuffer.allocate(BUFFER_SIZE);

  /**
   * Text of the current line that is no longer in {@link #out}. A line that lies wholly within one
   * batch of decoded chars is never copied here.
   */
  private char[] line;

  private int lineLength;
  private Mode mode = Mode.TEXT;
  private boolean afterCr;
  private boolean finished;
  private long linesEmitted;
  private @Nullable RuntimeException sinkFailure;

  /**
   * Creates a splitter.
   *
   * @param sink receives each line, on the thread calling {@link #feed} or {@link #finish}
   * @param maxLineChars longest line (in UTF-16 chars) delivered in one piece; at least 2
   * @throws IllegalArgumentException if {@code maxLineChars < 2}
   */
  public LineSplitter(LineSink sink, int maxLineChars) {
    if (maxLineChars < 2) {
      throw new IllegalArgumentException("maxLineChars must be at least 2: " + maxLineChars);
    }
    this.sink = Objects.requireNonNull(sink, "sink");
    this.maxLineChars = maxLineChars;
    this.line = new char[Math.min(maxLineChars, 256)];
  }

  /**
   * Consumes all remaining bytes of {@code chunk} (its position ends at its limit) and delivers the
   * lines they complete.
   *
   * <p>If the sink throws a {@link RuntimeException}, the remaining lines of the chunk are still
   * delivered and the first exception (later ones suppressed in it) is thrown when the chunk has
   * been consumed; the splitter stays usable.
   *
   * @param chunk the next bytes of the stream
   * @throws IllegalStateException if {@link #finish()} was called
   */
  public void feed(ByteBuffer chunk) {
    if (finished) {
      throw new IllegalStateException("feed() after finish()");
    }
    while (chunk.hasRemaining()) {
      int count = Math.min(chunk.remaining(), in.remaining());
      int limit = chunk.limit();
      chunk.limit(chunk.position() + count);
      in.put(chunk);
      chunk.limit(limit);
      in.flip();
      try {
        decode(false);
      } finally {
        in.compact();
      }
    }
    throwSinkFailure();
  }

  /**
   * Ends the stream: delivers the last line if it is non-empty, with an incomplete UTF-8 sequence
   * at the end decoded as U+FFFD, and drops an unterminated escape sequence. Calling it again has
   * no effect. A sink exception is thrown as described in {@link #feed}.
   */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    in.flip();
    decode(true);
    CoderResult result;
    do {
      result = decoder.flush(out);
      drain();
    } while (result.isOverflow());
    in.clear();
    mode = Mode.TEXT;
    if (lineLength > 0) {
      String text = new String(line, 0, lineLength);
      lineLength = 0;
      deliver(text);
    }
    throwSinkFailure();
  }

  /**
   * Returns how many lines (counting each piece of an over-long line) were passed to the sink,
   * including those for which it threw.
   *
   * @return the number of lines passed to the sink so far
   */
  public long linesEmitted() {
    return linesEmitted;
  }

  private void decode(boolean endOfInput) {
    CoderResult result;
    do {
      result = decoder.decode(in, out, endOfInput);
      drain();
    } while (result.isOverflow());
  }

  private void drain() {
    int end = out.position();
    out.clear();
    process(out.array(), 0, end);
  }

  private void process(char[] chars, int from, int end) {
    int i = from;
    while (i < end) {
      if (mode != Mode.TEXT) {
        if (escape(chars[i])) {
          i++;
        }
        continue;
      }
      char c = chars[i];
      // Escape sequences are invisible, so CR ESC[K LF is still one CRLF.
      if (afterCr && c != ESC && c != C1_CSI && c != C1_OSC) {
        afterCr = false;
        if (c == '\n') {
          i++;
          continue;
        }
      }
      if (lineLength == maxLineChars && !isSpecial(c)) {
        deliverPiece();
      }
      int stop = end - i > maxLineChars - lineLength ? i + maxLineChars - lineLength : end;
      int j = i;
      while (j < stop && !isSpecial(chars[j])) {
        j++;
      }
      if (j == end || !isSpecial(chars[j])) {
        // End of input, or the line is full and the next text char will deliver a piece.
        append(chars, i, j - i);
        i = j;
        continue;
      }
      char special = chars[j];
      if (special == '\n' || special == '\r') {
        String text;
        if (lineLength == 0) {
          text = new String(chars, i, j - i);
        } else {
          append(chars, i, j - i);
          text = new String(line, 0, lineLength);
          lineLength = 0;
        }
        afterCr = special == '\r';
        i = j + 1;
        deliver(text);
      } else {
        append(chars, i, j - i);
        mode = special == ESC ? Mode.ESC : special == C1_CSI ? Mode.CSI : Mode.STRING;
        i = j + 1;
      }
    }
  }

  private static boolean isSpecial(char c) {
    return (c < 0x20 && (c == '\n' || c == '\r' || c == ESC)) || c == C1_CSI || c == C1_OSC;
  }

  /**
   * Advances the escape-sequence state by one char.
   *
   * @return false if {@code c} does not belong to the sequence (which is then over) and must be
   *     handled as text
   */
  private boolean escape(char c) {
    return switch (mode) {
      case ESC -> afterEsc(c);
      case ESC_INTERMEDIATE -> (c >= 0x20 && c <= 0x2F) || endSequence(c >= 0x30 && c <= 0x7E);
      case CSI -> (c >= 0x20 && c <= 0x3F) || endSequence(c >= 0x40 && c <= 0x7E);
      case STRING -> inString(c);
      case STRING_ESC -> {
        if (c == '\\') {
          yield endSequence(true);
        }
        // Any other ESC ends the string and starts a new sequence.
        mode = Mode.ESC;
        yield afterEsc(c);
      }
      case TEXT -> throw new AssertionError(mode);
    };
  }

  private boolean afterEsc(char c) {
    if (c == '[') {
      mode = Mode.CSI;
    } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
      mode = Mode.STRING;
    } else if (c >= 0x20 && c <= 0x2F) {
      mode = Mode.ESC_INTERMEDIATE;
    } else {
      return endSequence(c >= 0x30 && c <= 0x7E);
    }
    return true;
  }

  private boolean inString(char c) {
    if (c == ESC) {
      mode = Mode.STRING_ESC;
    } else if (c == BEL || c == C1_ST) {
      mode = Mode.TEXT;
    } else if (c == '\n' || c == '\r') {
      return endSequence(false);
    }
    return true;
  }

  private boolean endSequence(boolean consumed) {
    mode = Mode.TEXT;
    return consumed;
  }

  private void append(char[] chars, int offset, int count) {
    if (count == 0) {
      return;
    }
    int needed = lineLength + count;
    if (needed > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(maxLineChars, Math.max(needed, 2L * line.length)));
    }
    System.arraycopy(chars, offset, line, lineLength, count);
    lineLength = needed;
  }

  /** Delivers the first piece of a full line, never splitting a surrogate pair. */
  private void deliverPiece() {
    int length =
        Character.isHighSurrogate(line[maxLineChars - 1]) ? maxLineChars - 1 : maxLineChars;
    String piece = new String(line, 0, length);
    lineLength -= length;
    if (lineLength > 0) {
      line[0] = line[length];
    }
    deliver(piece);
  }

  private void deliver(String text) {
    linesEmitted++;
    try {
      sink.line(text);
    } catch (RuntimeException e) {
      RuntimeException first = sinkFailure;
      if (first == null) {
        sinkFailure = e;
      } else if (first != e && first.getSuppressed().length < MAX_SUPPRESSED) {
        first.addSuppressed(e);
      }
    }
  }

  private void throwSinkFailure() {
    RuntimeException failure = sinkFailure;
    if (failure != null) {
      sinkFailure = null;
      throw failure;
    }
  }
}
