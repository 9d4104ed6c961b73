package dev.erk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebDashboardTest {
  @Test
  void defaultsToAFreePortTenSecondRefreshesAndTheFake() throws UsageException {
    WebDashboard.Options options = WebDashboard.Options.parse(new String[0]);

    assertNull(options.erk());
    assertEquals(0, options.port());
    assertEquals(Duration.ofSeconds(10), options.refresh());
  }

  @Test
  void readsEveryOption() throws UsageException {
    WebDashboard.Options options =
        WebDashboard.Options.parse(
            new String[] {
              "--erk", "/usr/bin/erk", "--cwd=/src/widgets", "--port", "8765", "--refresh", "2.5"
            });

    assertEquals(Path.of("/usr/bin/erk"), options.erk());
    assertEquals(Path.of("/src/widgets"), options.cwd());
    assertEquals(8765, options.port());
    assertEquals(Duration.ofMillis(2500), options.refresh());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--port=-1", "--port=65536", "--refresh=0", "--bind=0.0.0.0"})
  void refusesABadCommandLine(String argument) {
    UsageException e =
        assertThrows(
            UsageException.class, () -> WebDashboard.Options.parse(new String[] {argument}));
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains(argument.substring(0, argument.indexOf('='))), message);
  }
}
