package dev.erk.client.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.PlanQuery;
import dev.erk.client.cli.CliErkClient;
import org.junit.jupiter.api.Test;

/** A warm client in front of the fake answers as the plain fake, and the journal sees it all. */
class PythonFakeErkTest {

  @Test
  void aWarmClientGetsTheStubbedAnswersAndTheJournalRecordsEveryCall() {
    try (FakeErk erk = FakeErk.create()) {
      erk.stubPlans(PlanRows.builder().prNumber(7).title("Add retry").build());
      erk.stubFor(ArgvPattern.prefix("exec", "hello"))
          .willReturn(Reply.timeline().stdout("hi").stderr("there").exitCode(3));
      try (CliErkClient warm = PythonFakeErk.clientBuilder(erk).build();
          CliErkClient plain = erk.client()) {
        assertEquals(plain.listPlans(PlanQuery.defaults()), warm.listPlans(PlanQuery.defaults()));
        assertEquals(plain.listPlans(PlanQuery.defaults()), warm.listPlans(PlanQuery.defaults()));
        ActionRequest hello = ActionRequest.custom(ActionKind.TEXT, "exec", "hello");
        ActionResult expected = plain.run(hello);
        ActionResult actual = warm.run(hello);
        assertEquals(expected.exitCode(), actual.exitCode());
        assertEquals(expected.stdout(), actual.stdout());
        assertEquals(expected.stderr(), actual.stderr());
        assertTrue(
            ProcessHandle.current().children().anyMatch(PythonFakeErkTest::isWorker),
            "a warm worker serves the warm client");
      }
      erk.verify(ArgvPattern.command("exec", "dash-data"));
      erk.verifyNoUnmatched();
      assertEquals(6, erk.invocations().size());
    }
  }

  /** The fake's own calls are {@code sh} and have ended; a Python child is the warm worker. */
  private static boolean isWorker(ProcessHandle process) {
    return process.info().command().map(command -> command.contains("python")).orElse(false);
  }
}
