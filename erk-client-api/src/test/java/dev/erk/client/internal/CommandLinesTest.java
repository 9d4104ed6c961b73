package dev.erk.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLinesTest {

  @Test
  void describeQuotesArgumentsAShellWouldSplit() {
    assertEquals("erk exec close-pr 42 '--comment=it'\\''s done' ''",
        CommandLines.describe(List.of("erk", "exec", "close-pr", "42", "--comment=it's done", "")));
  }
}
