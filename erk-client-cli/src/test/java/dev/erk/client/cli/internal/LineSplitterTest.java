package dev.erk.client.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineSplitterTest {

  private static final int MAX = 1 << 20;

  /** Feeds the chunks, then finishes, and returns all lines. */
  private static List<String> split(int maxLineChars, byte[]... chunks) {
    List<String> lines = new ArrayList<>();
    LineSplitter splitter = new LineSplitter(lines::add, maxLineChars);
    for (byte[] chunk : chunks) {
      splitter.feed(ByteBuffer.wrap(chunk));
    }
    splitter.finish();
    assertEquals(lines.size(), splitter.linesEmitted());
    return lines;
  }

  private static List<String> split(String... chunks) {
    return split(MAX, Arrays.stream(chunks).map(LineSplitterTest::utf8).toArray(byte[][]::new));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Splits the bytes into two chunks at {@code offset}. */
  private static byte[][] cut(byte[] bytes, int offset) {
    return new byte[][] {
      Arrays.copyOfRange(bytes, 0, offset), Arrays.copyOfRange(bytes, offset, bytes.length)
    };
  }

  private static byte[][] oneBytePerChunk(byte[] bytes) {
    return IntStream.range(0, bytes.length)
        .mapToObj(i -> new byte[] {bytes[i]})
        .toArray(byte[][]::new);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  @Nested
  class LineEndings {

    @Test
    void lfEndsOneLine() {
      assertEquals(List.of("a", "b"), split("a\nb\n"));
    }

    @Test
    void crlfEndsOneLine() {
      assertEquals(List.of("a", "b"), split("a\r\nb\r\n"));
    }

    @Test
    void bareCrEndsOneLineSoProgressRedrawsBecomeLines() {
      assertEquals(List.of("50%", "60%"), split("50%\r60%\r"));
    }

    @Test
    void crlfSplitAcrossChunksEndsOneLine() {
      assertEquals(List.of("a", "b"), split("a\r", "\nb"));
    }

    @Test
    void crlfSplitOverThreeChunksWithAnEmptyChunkEndsOneLine() {
      assertEquals(List.of("a", "b"), split("a\r", "", "\nb"));
    }

    @Test
    void lineEndingInCrIsDeliveredBeforeTheNextChunkArrives() {
      List<String> lines = new ArrayList<>();
      LineSplitter splitter = new LineSplitter(lines::add, MAX);
      splitter.feed(ByteBuffer.wrap(utf8("a\r")));
      assertEquals(List.of("a"), lines);
    }

    @Test
    void emptyLinesAreDeliveredAsEmptyStrings() {
      assertEquals(List.of("", "a", "", "b"), split("\na\n\nb"));
    }

    @Test
    void emptyLineBetweenCrlfsIsDeliveredOnce() {
      assertEquals(List.of("a", "", "b"), split("a\r\n\r\nb"));
    }

    @Test
    void lfAfterCrlfIsAnEmptyLine() {
      assertEquals(List.of("a", "", "b"), split("a\r\n\nb"));
    }

    @Test
    void crAfterCrIsAnEmptyLine() {
      assertEquals(List.of("a", "", "b"), split("a\r\rb"));
    }

    @Test
    void lfCrIsTwoLineBreaks() {
      assertEquals(List.of("a", "", "b"), split("a\n\rb"));
    }

    @Test
    void trailingLineWithoutNewlineIsFlushedByFinish() {
      List<String> lines = new ArrayList<>();
      LineSplitter splitter = new LineSplitter(lines::add, MAX);
      splitter.feed(ByteBuffer.wrap(utf8("a\nlast")));
      assertEquals(List.of("a"), lines);
      splitter.finish();
      assertEquals(List.of("a", "last"), lines);
    }

    @Test
    void trailingNewlineAddsNoEmptyLineAtFinish() {
      assertEquals(List.of("a"), split("a\n"));
      assertEquals(List.of("a"), split("a\r"));
    }

    @Test
    void emptyInputYieldsNoLines() {
      assertEquals(List.of(), split());
      assertEquals(List.of(), split("", ""));
    }

    @Test
    void otherControlCharsAreKept() {
      assertEquals(List.of("a\tb\bc\u0007"), split("a\tb\bc\u0007"));
    }
  }

  @Nested
  class Chunking {

    static Stream<String> trickyInputs() {
      return Stream.of(
          "a\r\n\r\nb\rc\n\nd",
          "x\u00e9\u20ac\ud83d\ude00y\r\n\u00e9",
          "\u001b[1;31mred\u001b[0m plain\r\n\u001b]8;;https://x.dev\u0007link\u001b]8;;\u001b\\",
          "\u001bc\u001b(B\u001b7t\u001b[K\r\u001b[2Kp 50%\r\u001b[2Kp 60%\n",
          "\u009b31m\u009d0;t\u009cok\n\u001b]unterminated\ncontinues");
    }

    @ParameterizedTest
    @MethodSource("trickyInputs")
    void splittingIntoTwoChunksAtAnyOffsetGivesTheSameLines(String input) {
      byte[] bytes = utf8(input);
      List<String> expected = split(MAX, bytes);
      for (int offset = 0; offset <= bytes.length; offset++) {
        assertEquals(expected, split(MAX, cut(bytes, offset)), "cut at " + offset);
      }
    }

    @ParameterizedTest
    @MethodSource("trickyInputs")
    void feedingOneByteAtATimeGivesTheSameLines(String input) {
      byte[] bytes = utf8(input);
      assertEquals(split(MAX, bytes), split(MAX, oneBytePerChunk(bytes)));
    }

    @Test
    void feedConsumesAllRemainingBytesOfHeapAndDirectBuffers() {
      List<String> lines = new ArrayList<>();
      LineSplitter splitter = new LineSplitter(lines::add, MAX);
      ByteBuffer heap = ByteBuffer.wrap(utf8("skip|a\nb"), 5, 3).slice();
      splitter.feed(heap);
      assertEquals(heap.limit(), heap.position());

      ByteBuffer direct = ByteBuffer.allocateDirect(20);
      direct.put(utf8("xx\nc\n")).flip().position(2);
      splitter.feed(direct);
      assertEquals(direct.limit(), direct.position());
      assertEquals(List.of("a", "b", "c"), lines);
    }

    @Test
    void chunksLargerThanTheInternalBufferAreSplitCorrectly() {
      StringBuilder input = new StringBuilder();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) {
        String text = "line " + i + " \u00e9\u20ac\ud83d\ude00";
        expected.add(text);
        input.append(text).append(i % 3 == 0 ? "\r\n" : "\n");
      }
      assertEquals(expected, split(MAX, utf8(input.toString())));
    }
  }

  @Nested
  class Utf8 {

    @ParameterizedTest
    @ValueSource(strings = {"\u00e9", "\u20ac", "\ud83d\ude00", "a\u00e9\u20ac\ud83d\ude00z"})
    void multiByteCharSplitAtEveryOffsetDecodesCorrectly(String text) {
      byte[] bytes = utf8("<" + text + ">\n");
      for (int offset = 0; offset <= bytes.length; offset++) {
        assertEquals(List.of("<" + text + ">"), split(MAX, cut(bytes, offset)), "at " + offset);
      }
      assertEquals(List.of("<" + text + ">"), split(MAX, oneBytePerChunk(bytes)));
    }

    static Stream<Arguments> invalidSequences() {
      return Stream.of(
          Arguments.of(bytes(0xFF), "\ufffd"),
          Arguments.of(bytes(0x80), "\ufffd"),
          Arguments.of(bytes(0xC3, 0x28), "\ufffd("),
          Arguments.of(bytes(0xE2, 0x82, 0x41), "\ufffdA"));
    }

    @ParameterizedTest
    @MethodSource("invalidSequences")
    void invalidBytesBecomeReplacementChars(byte[] invalid, String decoded) {
      byte[] bytes = new byte[invalid.length + 4];
      bytes[0] = 'a';
      System.arraycopy(invalid, 0, bytes, 1, invalid.length);
      bytes[invalid.length + 1] = 'b';
      bytes[invalid.length + 2] = '\n';
      bytes[invalid.length + 3] = 'c';
      assertEquals(List.of("a" + decoded + "b", "c"), split(MAX, bytes));
      assertEquals(List.of("a" + decoded + "b", "c"), split(MAX, oneBytePerChunk(bytes)));
    }

    @Test
    void truncatedSequenceAtFinishBecomesReplacementChar() {
      assertEquals(List.of("a\ufffd"), split(MAX, bytes('a', 0xE2, 0x82)));
      assertEquals(List.of("\ufffd"), split(MAX, bytes(0xF0), bytes(0x9F, 0x98)));
    }

    @Test
    void truncatedSequenceBeforeNewlineBecomesReplacementChar() {
      assertEquals(List.of("a\ufffd", "b"), split(MAX, bytes('a', 0xE2, 0x82, '\n', 'b')));
    }
  }

  @Nested
  class EscapeSequences {

    @Test
    void csiColourCodesAreRemoved() {
      assertEquals(
          List.of("red bold plain"),
          split("\u001b[31mred\u001b[0m \u001b[1;38;5;208mbold\u001b[m plain"));
    }

    @Test
    void csiCursorAndEraseCodesAreRemoved() {
      assertEquals(List.of("a", "b"), split("\u001b[2K\u001b[1Ga\n\u001b[?25lb\u001b[?25h"));
    }

    @ParameterizedTest
    @MethodSource("dev.erk.client.cli.internal.LineSplitterTest#csiOffsets")
    void csiSplitAcrossChunksAtEveryOffsetIsRemoved(int offset) {
      byte[] bytes = utf8("a\u001b[1;38;5;208mb\u001b[0mc\n");
      assertEquals(List.of("abc"), split(MAX, cut(bytes, offset)));
    }

    @Test
    void c1CsiIsRemoved() {
      assertEquals(List.of("red"), split("\u009b31mred\u009b0m"));
    }

    @Test
    void osc8HyperlinkTerminatedByBelIsRemoved() {
      assertEquals(
          List.of("see docs here"),
          split("see \u001b]8;;https://erk.dev/docs\u0007docs\u001b]8;;\u0007 here"));
    }

    @Test
    void osc8HyperlinkTerminatedByStIsRemoved() {
      assertEquals(
          List.of("see docs here"),
          split("see \u001b]8;;https://erk.dev/docs\u001b\\docs\u001b]8;;\u001b\\ here"));
    }

    @Test
    void oscStSplitAcrossChunksIsRemoved() {
      assertEquals(List.of("ab"), split("a\u001b]0;title\u001b", "\\b"));
    }

    @Test
    void unterminatedOscEndsAtLineBreak() {
      assertEquals(List.of("a", "b"), split("a\u001b]0;never terminated\nb"));
      assertEquals(List.of("a", "b"), split("a\u001b]0;never terminated\r\nb"));
    }

    @Test
    void escInsideOscEndsItAndStartsANewSequence() {
      assertEquals(List.of("ab"), split("a\u001b]0;t\u001b[31mb"));
    }

    @Test
    void twoCharEscapesAreRemoved() {
      assertEquals(List.of("abcdefg"), split("a\u001bcb\u001bMc\u001b7d\u001b8e\u001b=f\u001b>g"));
    }

    @Test
    void escapesWithIntermediatesAreRemoved() {
      assertEquals(List.of("ab"), split("a\u001b(Bb\u001b#8"));
    }

    @Test
    void charThatCannotContinueASequenceIsKeptAsText() {
      assertEquals(List.of("a\u00e9b"), split("a\u001b[1\u00e9b"));
      assertEquals(List.of("a\u00e9b"), split("a\u001b\u00e9b"));
    }

    @Test
    void lineBreakInsideAnEscapeSequenceStillBreaksTheLine() {
      assertEquals(List.of("a", "b"), split("a\u001b[1\nb"));
      assertEquals(List.of("a", "b"), split("a\u001b\rb"));
    }

    @Test
    void escapeBetweenCrAndLfDoesNotAddALine() {
      assertEquals(List.of("a", "b"), split("a\r\u001b[K\nb"));
    }

    @Test
    void lineOfOnlyEscapesIsEmpty() {
      assertEquals(List.of("a", ""), split("a\n\u001b[0m\n\u001b[0m"));
    }

    @Test
    void unterminatedEscapeAtFinishIsDropped() {
      assertEquals(List.of("a"), split("a\u001b[1;3"));
    }
  }

  static IntStream csiOffsets() {
    return IntStream.rangeClosed(0, utf8("a\u001b[1;38;5;208mb\u001b[0mc\n").length);
  }

  @Nested
  class LongLines {

    @Test
    void lineLongerThanMaxIsDeliveredInPieces() {
      assertEquals(List.of("abcd", "efgh", "ij", "k"), split(4, utf8("abcdefghij\nk")));
    }

    @Test
    void lineOfExactlyMaxIsOneLine() {
      assertEquals(List.of("abcd", "efgh"), split(4, utf8("abcd\nefgh")));
      assertEquals(List.of("abcd", "efgh"), split(4, utf8("abcd\r\nefgh\r\n")));
    }

    @Test
    void escapeSequencesDoNotCountTowardsTheLength() {
      assertEquals(List.of("abcd", "e"), split(4, utf8("a\u001b[31mbcd\u001b[0m\ne")));
    }

    @Test
    void pieceNeverEndsInsideASurrogatePair() {
      assertEquals(List.of("ab", "\ud83d\ude00c"), split(3, utf8("ab\ud83d\ude00c")));
    }

    @Test
    void piecesDoNotDependOnChunking() {
      byte[] bytes = utf8("abcdefghij\u001b[0mklm\r\nn");
      List<String> expected = split(4, bytes);
      assertEquals(List.of("abcd", "efgh", "ijkl", "m", "n"), expected);
      for (int offset = 0; offset <= bytes.length; offset++) {
        assertEquals(expected, split(4, cut(bytes, offset)), "cut at " + offset);
      }
    }

    @Test
    void hugeLineWithoutNewlineIsDeliveredInBoundedPieces() {
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'x');
      List<Integer> lengths = new ArrayList<>();
      LineSplitter splitter = new LineSplitter(text -> lengths.add(text.length()), 1000);
      for (int i = 0; i < 160; i++) { // 10 MiB
        splitter.feed(ByteBuffer.wrap(chunk));
      }
      splitter.finish();
      int total = 160 * chunk.length;
      assertEquals(total / 1000 + 1, lengths.size());
      assertEquals(List.of(1000), lengths.subList(0, total / 1000).stream().distinct().toList());
      assertEquals(total % 1000, lengths.get(lengths.size() - 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, 0, 1})
    void maxLineCharsBelowTwoIsRejected(int maxLineChars) {
      assertThrows(
          IllegalArgumentException.class, () -> new LineSplitter(text -> {}, maxLineChars));
    }
  }

  @Nested
  class ThrowingSink {

    private final List<String> lines = new ArrayList<>();
    private final LineSplitter splitter =
        new LineSplitter(
            text -> {
              lines.add(text);
              if (text.startsWith("boom")) {
                throw new IllegalStateException(text);
              }
            },
            MAX);

    @Test
    void exceptionPropagatesToTheCallerOfFeed() {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> splitter.feed(ByteBuffer.wrap(utf8("boom\n"))));
      assertEquals("boom", e.getMessage());
    }

    @Test
    void remainingLinesOfTheChunkAreStillDelivered() {
      ByteBuffer chunk = ByteBuffer.wrap(utf8("a\nboom1\nb\nboom2\nc"));
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> splitter.feed(chunk));
      assertEquals("boom1", e.getMessage());
      assertEquals("boom2", e.getSuppressed()[0].getMessage());
      assertEquals(List.of("a", "boom1", "b", "boom2"), lines);
      assertEquals(chunk.limit(), chunk.position());
    }

    @Test
    void nextFeedContinuesCorrectly() {
      assertThrows(
          IllegalStateException.class, () -> splitter.feed(ByteBuffer.wrap(utf8("boom\npar"))));
      splitter.feed(ByteBuffer.wrap(utf8("tial\r")));
      splitter.feed(ByteBuffer.wrap(utf8("\nnext\n")));
      splitter.finish();
      assertEquals(List.of("boom", "partial", "next"), lines);
      assertEquals(3, splitter.linesEmitted());
    }

    @Test
    void exceptionForTheLastLinePropagatesFromFinish() {
      splitter.feed(ByteBuffer.wrap(utf8("ok\nboom")));
      assertThrows(IllegalStateException.class, splitter::finish);
      assertEquals(List.of("ok", "boom"), lines);
    }

    @Test
    void sameExceptionThrownTwiceIsNotSuppressedInItself() {
      RuntimeException shared = new IllegalStateException("shared");
      LineSplitter alwaysThrows =
          new LineSplitter(
              text -> {
                throw shared;
              },
              MAX);
      RuntimeException e =
          assertThrows(
              RuntimeException.class, () -> alwaysThrows.feed(ByteBuffer.wrap(utf8("a\nb\n"))));
      assertSame(shared, e);
      assertEquals(0, e.getSuppressed().length);
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void feedAfterFinishThrows() {
      LineSplitter splitter = new LineSplitter(text -> {}, MAX);
      splitter.finish();
      assertThrows(IllegalStateException.class, () -> splitter.feed(ByteBuffer.allocate(0)));
    }

    @Test
    void finishTwiceDeliversTheLastLineOnce() {
      List<String> lines = new ArrayList<>();
      LineSplitter splitter = new LineSplitter(lines::add, MAX);
      splitter.feed(ByteBuffer.wrap(utf8("a")));
      splitter.finish();
      splitter.finish();
      assertEquals(List.of("a"), lines);
    }

    @Test
    void linesEmittedCountsEveryDeliveredLineAndPiece() {
      LineSplitter splitter = new LineSplitter(text -> {}, 2);
      splitter.feed(ByteBuffer.wrap(utf8("a\n\nbcd\r\n")));
      assertEquals(4, splitter.linesEmitted());
    }
  }

  @Nested
  class Volume {

    @Test
    void millionShortLinesInSixtyFourKibChunksAreAllDelivered() {
      int count = 1_000_000;
      StringBuilder input = new StringBuilder(count * 14);
      for (int i = 0; i < count; i++) {
        input.append("line ").append(i).append('\n');
      }
      byte[] bytes = utf8(input.toString());
      int[] mismatches = {0};
      long[] index = {0};
      List<String> samples = new ArrayList<>();
      LineSplitter splitter =
          new LineSplitter(
              text -> {
                long i = index[0]++;
                if (i % 250_000 == 0 || i == count - 1) {
                  samples.add(text);
                }
                if (!text.equals("line " + i)) {
                  mismatches[0]++;
                }
              },
              MAX);
      ByteBuffer chunk = ByteBuffer.allocateDirect(64 * 1024);
      for (int offset = 0; offset < bytes.length; offset += chunk.capacity()) {
        chunk.clear();
        chunk.put(bytes, offset, Math.min(chunk.capacity(), bytes.length - offset)).flip();
        splitter.feed(chunk);
      }
      splitter.finish();

      assertEquals(count, splitter.linesEmitted());
      assertEquals(0, mismatches[0]);
      assertEquals(
          List.of("line 0", "line 250000", "line 500000", "line 750000", "line 999999"), samples);
    }
  }
}
