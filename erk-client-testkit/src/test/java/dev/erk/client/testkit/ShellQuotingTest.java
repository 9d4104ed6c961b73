package dev.erk.client.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuotingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "it's",
        "''",
        "$(id) `id` ${HOME} ; | & > <",
        "a\nb\tc",
        "\\",
        "ü ✓ 🎉"
      })
  void aQuotedWordReadsBackAsItself(String word) {
    Exec.Result result =
        Exec.run(new ProcessBuilder("/bin/sh", "-c", "printf '%s' " + ShellQuoting.quote(word)));

    assertEquals(word, result.out());
  }

  @Test
  void nulCannotBeQuoted() {
    assertThrows(IllegalArgumentException.class, () -> ShellQuoting.quote("a\0b"));
  }

  @Test
  void renderingQuotesOnlyWhatNeedsIt() {
    assertEquals(
        "exec close-pr 42 --comment=x 'it'\\''s done' '' 'a\\nb'",
        ShellQuoting.render(
            List.of("exec", "close-pr", "42", "--comment=x", "it's done", "", "a\nb")));
  }
}
