package dev.erk.client.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.erk.client.ErkClient;
import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.PlanRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Test classes run only through EngineTestKit (nested, so surefire skips them). */
final class ExtensionSamples {
  private ExtensionSamples() {}

  @ErkTest
  static class Injects {
    @Test
    void listsStubbedPlans(FakeErk erk, ErkClient client) {
      erk.stubPlans(PlanRows.open(7).build());
      assertEquals(1, client.listPlans().count());
    }
  }

  @ErkTest
  static class Unmatched {
    @Test
    void callsAnUnstubbedCommand(FakeErk erk, ErkClient client) {
      erk.stubFor(ArgvPattern.exactly("--version"))
          .willReturn(dev.erk.client.testkit.Reply.stdout("erk, version 0.9.11\n"));
      client.listPlans(); // throws too, but the afterEach failure is what we check
    }
  }

  static class Programmatic {
    @RegisterExtension
    static final FakeErkExtension ERK = FakeErkExtension.builder().failOnUnmatched(false).build();

    @Test
    void toleratesUnmatched(FakeErk erk) throws Exception {
      new ProcessBuilder(erk.executable().toString(), "nope").start().waitFor();
      assertEquals(1, erk.invocations().size());
    }
  }
}
