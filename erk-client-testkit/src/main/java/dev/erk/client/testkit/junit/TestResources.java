package dev.erk.client.testkit.junit;

import dev.erk.client.cli.CliErkClient;
import dev.erk.client.testkit.FakeErk;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's fake and client, closed by JUnit when the test's store closes: as an {@link
 * AutoCloseable} by JUnit 5.13 and later, as a {@code CloseableResource} by older versions (JUnit
 * closes it once either way).
 */
@SuppressWarnings("deprecation") // CloseableResource keeps JUnit 5.9-5.12 working
final class TestResources implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private final FakeErkExtension.Settings settings;
  private @Nullable FakeErk fake; // guarded by this
  private @Nullable CliErkClient client; // guarded by this

  TestResources(FakeErkExtension.Settings settings) {
    this.settings = settings;
  }

  FakeErkExtension.Settings settings() {
    return settings;
  }

  synchronized FakeErk fake() {
    FakeErk current = fake;
    if (current == null) {
      FakeErk.Builder builder =
          FakeErk.builder().recordEnvironment(settings.recordEnvironment().toArray(String[]::new));
      settings.fakeSettings().forEach(s -> s.accept(builder));
      current = builder.build();
      fake = current;
    }
    return current;
  }

  synchronized CliErkClient client() {
    CliErkClient current = client;
    if (current == null) {
      CliErkClient.Builder builder = fake().clientBuilder();
      settings.clientSettings().forEach(s -> s.accept(builder));
      current = builder.build();
      client = current;
    }
    return current;
  }

  synchronized void verifyNoUnmatched() {
    FakeErk current = fake;
    if (current != null) {
      current.verifyNoUnmatched();
    }
  }

  @Override
  public synchronized void close() {
    CliErkClient c = client;
    FakeErk f = fake;
    client = null;
    fake = null;
    try {
      if (c != null) {
        c.close();
      }
    } finally {
      if (f != null) {
        f.close();
      }
    }
  }
}
