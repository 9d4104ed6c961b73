package dev.erk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayWidthTest {

  @ParameterizedTest(name = "\"{0}\" takes {1} columns")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ''                  | 0
      abc                 | 3
      Überarbeitung       | 13
      👀                  | 2
      #7911 👀💥          | 10
      ✅ 4/4              | 6
      🚫 1/3              | 6
      🔄                  | 2
      🚧                  | 2
      🥞 👀 💥            | 8
      ⧗ Queued            | 8
      ⟳ Running           | 9
      ✓✓▶○○               | 5
      ❌ Failure          | 10
      ⛔ Cancelled        | 12
      国際化              | 6
      ｆｕｌｌ            | 8
      한국어              | 6
      """)
  void countsTerminalColumns(String text, int columns) {
    assertEquals(columns, DisplayWidth.of(text));
  }

  @Test
  void combiningMarksAndVariationSelectorsTakeNoColumns() {
    assertEquals(1, DisplayWidth.of("e\u0301"));
    assertEquals(1, DisplayWidth.of("✔\uFE0F"));
    assertEquals(0, DisplayWidth.of("\u200B"));
  }

  @Test
  void anEmojiJoinedWithZwjAddsNothing() {
    assertEquals(2, DisplayWidth.of("👩\u200D💻"));
  }

  @Test
  void controlCharactersTakeNoColumns() {
    assertEquals(2, DisplayWidth.of("a\u0007b"));
  }

  @Test
  void truncateCutsByColumnsAndEndsWithAnEllipsis() {
    assertEquals("abc…", DisplayWidth.truncate("abcdef", 4));
    assertEquals("abcdef", DisplayWidth.truncate("abcdef", 6));
    assertEquals("国際化…", DisplayWidth.truncate("国際化の列幅", 7));
    assertEquals("国際…", DisplayWidth.truncate("国際化の列幅", 6));
    assertEquals("#1…", DisplayWidth.truncate("#1 👀💥", 4));
    assertEquals("e\u0301…", DisplayWidth.truncate("e\u0301e\u0301e\u0301", 2));
  }

  @Test
  void truncateNeverSplitsAZwjSequence() {
    assertEquals("a…", DisplayWidth.truncate("a👩\u200D💻b", 3));
  }

  @Test
  void padFillsUpToTheColumnCount() {
    assertEquals("👀  ", DisplayWidth.pad("👀", 4));
    assertEquals("abc", DisplayWidth.pad("abc", 2));
  }
}
