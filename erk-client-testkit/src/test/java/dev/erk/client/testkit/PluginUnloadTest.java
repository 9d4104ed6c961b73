package dev.erk.client.testkit;

import static dev.erk.client.testkit.ArgvPattern.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An IDE plugin can unload erk-client: after the plugin closes its client and calls the SDK's
 * release hook, nothing outside the plugin's class loader keeps it reachable.
 *
 * <p>The scenario runs in a JVM of its own ({@link PluginHost}): this JVM already has erk-client in
 * its application class loader, and the reporting of pins needs {@code --add-opens} that the rest
 * of the suite should not run with. The plugin's loader gets exactly erk-client's jars (or {@code
 * target/classes} directories in a reactor build), their dependencies, and a directory holding only
 * {@link PluginProbe}.
 */
class PluginUnloadTest {

  private static final Duration UNLOAD_WAIT = Duration.ofSeconds(20);

  /** One class from each jar the plugin loader needs. */
  private static final List<String> PLUGIN_CLASS_PATH_BY_A_CLASS =
      List.of(
          "dev.erk.client.ErkClient",
          "dev.erk.client.cli.CliErkClient",
          "com.fasterxml.jackson.databind.ObjectMapper",
          "com.fasterxml.jackson.core.JsonFactory",
          "com.fasterxml.jackson.annotation.JsonProperty",
          "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
          "com.zaxxer.nuprocess.NuProcess",
          "com.sun.jna.Native",
          "org.jspecify.annotations.NullMarked");

  /**
   * The JDK packages whose fields {@link LoaderPins} reads to say what pins the loader (it skips
   * what stays closed). They change nothing else in the plugin host.
   */
  private static final List<String> OPENED_PACKAGES =
      List.of(
          "java.base/java.lang",
          "java.base/java.lang.ref",
          "java.base/java.io",
          "java.base/java.net",
          "java.base/java.util",
          "java.base/java.util.concurrent",
          "java.base/java.util.concurrent.atomic",
          "java.base/java.util.concurrent.locks",
          "java.base/java.security",
          "java.base/jdk.internal.logger",
          "java.base/jdk.internal.misc",
          "java.base/jdk.internal.ref",
          "java.base/jdk.internal.vm",
          "java.base/sun.nio.ch",
          "java.base/sun.nio.fs",
          "java.base/sun.security.util",
          "java.logging/java.util.logging",
          "java.logging/sun.util.logging.internal");

  @ParameterizedTest(name = "context class loader: {0}")
  @ValueSource(strings = {"unrelated", "plugin"})
  void thePluginsClassLoaderIsCollectedAfterCloseAndRelease(
      String contextLoader, @TempDir Path temp) throws Exception {
    try (FakeErk erk = FakeErk.create()) {
      erk.stubPlans(PlanRows.open(7).build(), PlanRows.open(8).build());
      erk.stubFor(command("exec", "close-pr", "7"))
          .willReturn(Reply.stdout("{\"success\": true}\n"));
      erk.stubFor(command("launch", "pr-address"))
          .willReturn(
              Reply.timeline()
                  .stderr("Checking PR status...")
                  .stdout("✓ Workflow dispatched")
                  .exitCode(0));

      List<String> command =
          new ArrayList<>(
              List.of(javaExecutable(), "-Xmx128m", "--enable-native-access=ALL-UNNAMED"));
      OPENED_PACKAGES.forEach(opened -> command.add("--add-opens=" + opened + "=ALL-UNNAMED"));
      command.addAll(
          List.of(
              "-cp",
              locationOf(PluginHost.class).toString(),
              PluginHost.class.getName(),
              probeDirectory(temp).toString(),
              erk.executable().toString(),
              erk.directory().toString(),
              contextLoader,
              String.valueOf(UNLOAD_WAIT.toMillis())));
      for (String anchor : PLUGIN_CLASS_PATH_BY_A_CLASS) {
        Class<?> inJar = Class.forName(anchor, false, getClass().getClassLoader());
        command.add(locationOf(inJar).toString());
      }

      Path output = temp.resolve("host.log");
      Process host =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      boolean ended = host.waitFor(UNLOAD_WAIT.toSeconds() + 60, TimeUnit.SECONDS);
      if (!ended) {
        host.destroyForcibly().waitFor();
      }
      String report = Files.readString(output, StandardCharsets.UTF_8);
      assertTrue(ended, "the plugin host did not end:\n" + report);
      assertEquals(0, host.exitValue(), "\n" + report);
      System.out.println(
          "PluginUnloadTest ("
              + contextLoader
              + "): "
              + report.lines().filter(line -> line.startsWith("UNLOADED")).findFirst().orElse(""));
    }
  }

  /** A directory holding PluginProbe's class files and nothing else. */
  private static Path probeDirectory(Path temp) throws IOException, URISyntaxException {
    String packagePath = PluginProbe.class.getPackageName().replace('.', '/');
    Path compiled = locationOf(PluginProbe.class).resolve(packagePath);
    Path target = Files.createDirectories(temp.resolve("probe").resolve(packagePath));
    try (DirectoryStream<Path> classes = Files.newDirectoryStream(compiled, "PluginProbe*.class")) {
      for (Path file : classes) {
        Files.copy(file, target.resolve(file.getFileName().toString()));
      }
    }
    return temp.resolve("probe");
  }

  private static Path locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
