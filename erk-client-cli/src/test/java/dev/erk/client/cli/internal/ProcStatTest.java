package dev.erk.client.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcStatTest {
  /** A stat line with 52 fields; the name holds a space and a parenthesis. */
  private static String line(char state, long flags, long virtualMemory, int waitStatus) {
    StringBuilder line =
        new StringBuilder("4242 (my (erk) x) ")
            .append(state)
            .append(" 1 4242 4000 0 -1 ")
            .append(flags);
    for (int field = 10; field <= 21; field++) {
      line.append(" 0");
    }
    line.append(" 777 ").append(virtualMemory);
    for (int field = 24; field <= 51; field++) {
      line.append(" 0");
    }
    return line.append(' ').append(waitStatus).append('\n').toString();
  }

  @Test
  void readsTheFieldsAfterTheLastParenthesis() {
    ProcStat stat = ProcStat.parse(line('S', 0x400100, 1 << 20, 0));
    assertNotNull(stat);
    assertEquals('S', stat.state());
    assertEquals(4000, stat.session());
    assertEquals(0x400100, stat.flags());
    assertEquals(777, stat.startTime());
    assertEquals(1 << 20, stat.virtualMemory());
  }

  @ParameterizedTest
  @CsvSource({
    // state, flags, memory, status, exited, code
    "S, 0,   4096, 0,      false, 0",
    "R, 4,   4096, 0,      false, 0",
    "R, 4,   0,    768,    true,  3",
    "D, 4,   0,    11,     true,  139",
    "Z, 4,   0,    139,    true,  139",
    "Z, 0,   0,    9,      true,  137",
    "X, 0,   0,    0,      true,  0",
  })
  void theWaitStatusIsFinalOnceExitingWithoutMemory(
      char state, long flags, long memory, int status, boolean exited, int code) {
    ProcStat stat = ProcStat.parse(line(state, flags, memory, status));
    assertNotNull(stat);
    assertEquals(exited, stat.hasExited());
    if (exited) {
      assertEquals(code, stat.exitCode());
    }
  }

  @Test
  void aShortOrGarbledLineIsNoReading() {
    assertNull(ProcStat.parse("4242 (erk) S 1 2 3"));
    assertNull(ProcStat.parse("4242 erk S 1 2 3"));
    assertNull(ProcStat.parse(line('S', 0, 0, 0).replace(" 777 ", " x ")));
  }

  @Test
  void aRunningProcessHasNotExited() {
    ProcStat self = ProcStat.read(ProcessHandle.current().pid());
    assertNotNull(self);
    assertFalse(self.hasExited());
    assertNull(ProcStat.read(Long.MAX_VALUE));
  }
}
