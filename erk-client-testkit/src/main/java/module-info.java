/**
 * The erk-client test kit: {@link dev.erk.client.testkit.FakeErk} (a scriptable fake {@code erk}
 * executable), {@link dev.erk.client.testkit.Fixtures} (erk's real output shapes), {@link
 * dev.erk.client.testkit.PlanRows} (row builder), {@link dev.erk.client.testkit.InMemoryErkClient}
 * and {@link dev.erk.client.testkit.Recorder}.
 *
 * <p>The core package needs no JUnit; {@code dev.erk.client.testkit.junit} is the optional JUnit 5
 * layer and needs {@code junit-jupiter-api} on the test class path.
 */
module dev.erk.client.testkit {
  requires transitive dev.erk.client;
  requires transitive dev.erk.client.cli;
  requires com.fasterxml.jackson.databind;
  requires static org.junit.jupiter.api;

  exports dev.erk.client.testkit;
  exports dev.erk.client.testkit.junit;
}
