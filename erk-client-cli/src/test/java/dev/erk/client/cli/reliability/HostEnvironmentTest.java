package dev.erk.client.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, item 12: a host whose class path lacks a library gets a typed, failed future. */
class HostEnvironmentTest {
  @TempDir Path dir;

  @Test
  void withoutJnaACallFailsTypedNamingWhatToInstall() throws Exception {
    Path erk = dir.resolve("erk");
    Reliability.write(erk, "echo '{\"success\": true, \"plans\": [], \"count\": 0}'\n");
    String classPath =
        Arrays.stream(
                (System.getProperty("java.class.path")
                        + File.pathSeparator
                        + System.getProperty("jdk.module.path", ""))
                    .split(File.pathSeparator))
            .filter(
                entry ->
                    !entry.isEmpty() && !Path.of(entry).getFileName().toString().startsWith("jna-"))
            .collect(Collectors.joining(File.pathSeparator));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                WithoutJnaMain.class.getName(),
                erk.toString()));
    Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(0, jvm.exitValue(), output);
    assertTrue(
        output.contains("failed dev.erk.client.ErkStartException: could not start `"), output);
    assertTrue(output.contains("net.java.dev.jna:jna"), output);
  }
}
