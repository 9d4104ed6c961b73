package dev.erk.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLinesTest {

  @Test
  void describeQuotesArgumentsAShellWouldSplit() {
    assertEquals(
        "erk exec get-pr-info 42 '--title=it'\\''s done' ''",
        CommandLines.describe(
            List.of("erk", "exec", "get-pr-info", "42", "--title=it's done", "")));
  }

  @Test
  void describeRedactsFreeText() {
    assertEquals(
        "erk exec close-pr 42 --comment=<redacted>",
        CommandLines.describe(List.of("erk", "exec", "close-pr", "42", "--comment=it's done")));
  }
}
