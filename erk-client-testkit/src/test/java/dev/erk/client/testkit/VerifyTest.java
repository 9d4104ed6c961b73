package dev.erk.client.testkit;

import static dev.erk.client.testkit.ArgvPattern.command;
import static dev.erk.client.testkit.ArgvPattern.exactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifyTest {

  private FakeErk erk;

  @BeforeEach
  void createFakeWithTwoCalls() {
    erk = FakeErk.create();
    erk.stubFor(exactly("--version")).willReturn(Reply.stdout("erk, version 0.9.11\n"));
    erk.stubFor(command("exec", "dash-data").withAnyValue("--state"))
        .willReturn(Reply.stdout("{}"));
    Exec.run(erk.executable(), "exec", "dash-data", "--state", "open");
    Exec.run(erk.executable(), "exec", "dash-data", "--state=open", "--show-runs");
  }

  @AfterEach
  void closeFake() {
    erk.close();
  }

  @Test
  void verifyPassesWhenACallMatches() {
    erk.verify(command("exec", "dash-data").withOption("--state", "open"));
    erk.verify(1, command("exec", "dash-data").withFlag("--show-runs"));
    erk.verify(2, command("exec"));
    erk.verify(0, exactly("--version"));
    erk.verifyNoUnmatched();
  }

  @Test
  void aFailedVerifyListsTheCallsAndTheNearestStubs() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> erk.verify(command("exec", "dash-data").withOption("--state", "closed")));

    assertEquals(
        "Expected the fake erk to be called at least once with argv matching"
            + " [exec dash-data --state=closed …], but it was called 0 times.\n"
            + "Recorded invocations (2):\n"
            + "  exec dash-data --state open   -> #2 exec dash-data --state=<any> …\n"
            + "  exec dash-data --state=open --show-runs   -> #2 exec dash-data --state=<any> …\n"
            + "Nearest stubs:\n"
            + "  #2 exec dash-data --state=<any> …\n"
            + "  #1 exactly [--version]\n",
        error.getMessage());
  }

  @Test
  void aWrongCountFails() {
    AssertionError error = assertThrows(AssertionError.class, () -> erk.verify(1, command("exec")));

    assertEquals(
        "Expected the fake erk to be called exactly once with argv matching [exec …], but it was"
            + " called 2 times.",
        String.valueOf(error.getMessage()).lines().findFirst().orElseThrow());
  }

  @Test
  void verifyNoUnmatchedNamesEachUnmatchedCallAndItsNearestStubs() {
    Exec.run(erk.executable(), "exec", "dash-dat", "--state", "open");

    AssertionError error = assertThrows(AssertionError.class, erk::verifyNoUnmatched);

    String message = String.valueOf(error.getMessage());
    assertEquals(
        "The fake erk received 1 call(s) that no stub matched:",
        message.lines().findFirst().orElseThrow());
    assertEquals(
        "  exec dash-dat --state open   (in "
            + erk.invocations().get(2).cwd()
            + ")\n"
            + "  Nearest stubs:\n"
            + "    #2 exec dash-data --state=<any> …\n"
            + "    #1 exactly [--version]\n",
        message.substring(message.indexOf('\n') + 1));
  }
}
