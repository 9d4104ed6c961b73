package dev.erk.client.testkit;

import static dev.erk.client.testkit.ArgvPattern.command;
import static dev.erk.client.testkit.ArgvPattern.exactly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FakeErkTest {

  @Test
  void writesAnExecutableShScriptIntoItsOwnDirectory(@TempDir Path parent) throws Exception {
    try (FakeErk erk = FakeErk.builder().directory(parent).build()) {
      assertEquals(parent, erk.directory().getParent());
      assertTrue(Files.isExecutable(erk.executable()));
      assertTrue(Files.readString(erk.executable()).startsWith("#!/bin/sh\n"));
    }
  }

  @Test
  void closeDeletesTheDirectoryAndIsIdempotent() {
    FakeErk erk = FakeErk.create();
    erk.stubFor(exactly("x")).willReturn(Reply.stdoutBytes(new byte[] {0, 1, 2}));
    Exec.run(erk.executable(), "x");

    erk.close();
    erk.close();

    assertFalse(Files.exists(erk.directory()));
    assertThrows(IllegalStateException.class, () -> erk.stubFor(exactly("y")));
    assertThrows(IllegalStateException.class, erk::invocations);
  }

  @Test
  void newBuilderCopiesTheSettings() {
    try (FakeErk first =
            FakeErk.builder().unmatchedExitCode(5).recordEnvironment("MY_VAR").build();
        FakeErk second = first.newBuilder().build()) {
      ProcessBuilder call = Exec.command(second.executable(), "nothing");
      call.environment().put("MY_VAR", "v");

      assertEquals(5, Exec.run(call).exitCode);
      assertEquals("v", second.invocations().get(0).environment().get("MY_VAR"));
      assertTrue(!first.directory().equals(second.directory()));
    }
  }

  @Test
  void builderRejectsBadSettings() {
    assertThrows(
        IllegalArgumentException.class, () -> FakeErk.builder().recordEnvironment("NOT-A-NAME"));
    assertThrows(IllegalArgumentException.class, () -> FakeErk.builder().unmatchedExitCode(0));
  }

  /** The same scenario through the shebang (/bin/sh, dash here) and every other shell at hand. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shebang", "dash", "bash", "bash --posix"})
  void theScriptBehavesTheSameUnderEveryShell(String shell) throws Exception {
    try (FakeErk erk = FakeErk.create()) {
      erk.stubFor(
              command("exec", "dash-data").withOption("--state", "closed").withFlag("--show-runs"))
          .inState("closed")
          .willReturn(Reply.stdout("closed rows\n"));
      erk.stubFor(command("exec", "close-pr").withAnyValue("--comment"))
          .willReturn(Reply.stdout("{\"success\": true}\n"))
          .thenReturn(Reply.stderrBytes(new byte[] {'E', 0, (byte) 0xff}).withExitCode(1))
          .willSetState("closed");
      erk.stubFor(exactly("crash")).willReturn(Reply.killedBy(11));
      List<String> hostile = List.of("$(touch x)", "it's \"q\"; x", "a\nb", "ü");

      assertEquals(
          97, run(erk, shell, "exec", "dash-data", "--state=closed", "--show-runs").exitCode);
      assertEquals(
          "{\"success\": true}\n", run(erk, shell, "exec", "close-pr", "--comment=done").out());
      Exec.Result second = run(erk, shell, "exec", "close-pr", "--comment", "again");
      assertEquals(1, second.exitCode);
      assertArrayEquals(new byte[] {'E', 0, (byte) 0xff}, second.stderr);
      assertEquals(
          "closed rows\n",
          run(erk, shell, "exec", "dash-data", "--show-runs", "--state", "closed").out());
      assertEquals(139, run(erk, shell, "crash").exitCode);
      assertEquals(97, run(erk, shell, hostile.toArray(String[]::new)).exitCode);
      assertEquals(hostile, erk.invocations().get(5).argv());
      assertEquals(6, erk.invocations().size());
    }
  }

  private static Exec.Result run(FakeErk erk, String shell, String... argv) {
    List<String> command = new ArrayList<>();
    if (!shell.equals("shebang")) {
      command.addAll(Arrays.asList(shell.split(" ")));
    }
    command.add(erk.executable().toString());
    command.addAll(Arrays.asList(argv));
    return Exec.run(new ProcessBuilder(command));
  }

  /** Functional only: the bench module measures the median call time. */
  @Test
  void answersManyCallsInARowAmongTwentyStubs() {
    try (FakeErk erk = FakeErk.create()) {
      for (int i = 0; i < 20; i++) {
        erk.stubFor(command("exec", "cmd-" + i).withAnyValue("--state").withFlag("--show-runs"))
            .willReturn(Reply.stdout("{\"success\": true, \"plans\": [], \"count\": 0}\n"));
      }
      for (int i = 0; i < 50; i++) {
        Exec.Result result =
            Exec.run(erk.executable(), "exec", "cmd-3", "--state", "open", "--show-runs");
        assertEquals(0, result.exitCode, result::toString);
      }
      assertEquals(50, erk.invocations().size());
    }
  }
}
