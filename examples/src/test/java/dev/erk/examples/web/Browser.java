package dev.erk.examples.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver ({@code apt-get install chromium
 * chromium-driver}; {@code .ci/run} installs them). Both paths are given to Selenium, so it never
 * looks for or downloads a browser. Missing binaries fail the test with the install command: the
 * browser tests are meant to run everywhere the build runs, CI included.
 */
final class Browser {
  static final Path CHROMIUM = Path.of(System.getProperty("erk.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("erk.chromedriver", "/usr/bin/chromedriver"));

  private Browser() {}

  static ChromeDriver start() {
    for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(binary)) {
        throw new AssertionError(
            binary
                + " not found: the browser tests need Debian's Chromium; "
                + "install it with `apt-get install -y chromium chromium-driver` (.ci/run does), or "
                + "point -Derk.chromium and -Derk.chromedriver at another build");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // --no-sandbox: CI runs as root, where Chromium refuses to start sandboxed.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1000",
        "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofMinutes(2))
            .build();
    return new ChromeDriver(service, options);
  }
}
