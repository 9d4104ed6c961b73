package dev.erk.client.testkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class FakeErkExtensionTest {

  @Test
  void injectsAFakeAndAClientPointedAtIt() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(ExtensionSamples.Injects.class))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void anUnmatchedInvocationFailsTheTest() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(ExtensionSamples.Unmatched.class))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.failed(1))
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("callsAnUnstubbedCommand"),
                finishedWithFailure(message(m -> m.contains("exec dash-data")))));
  }

  @Test
  void aRegisteredExtensionCanTolerateUnmatchedInvocations() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(ExtensionSamples.Programmatic.class))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
  }
}
