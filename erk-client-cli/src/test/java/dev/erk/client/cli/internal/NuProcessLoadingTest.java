package dev.erk.client.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Loading NuProcess through {@link NuProcessLoading} leaves the JVM's SIGPIPE handler and shutdown
 * hooks as they were. Each case runs {@link NuProcessLoadingProbe} in a fresh JVM, because this one
 * may have loaded NuProcess already.
 */
@EnabledOnOs(OS.LINUX)
class NuProcessLoadingTest {
  private static final String BROKEN_PIPE = "Broken pipe";

  @Test
  void childrenOfNuProcessAndOfTheHostAreEndedBySigpipe() throws Exception {
    Probe probe = Probe.run(List.of(), "pipeline");

    assertEquals("false", probe.get("before-ignored"), probe.output);
    assertEquals("true", probe.get("before-caught"), probe.output);
    assertEquals("false", probe.get("after-ignored"), probe.output);
    assertEquals("true", probe.get("after-caught"), probe.output);
    assertEquals("141", probe.get("nuprocess-status"), probe.output);
    assertFalse(probe.get("nuprocess-stderr").contains(BROKEN_PIPE), probe.output);
    assertEquals("141", probe.get("processbuilder-status"), probe.output);
    assertFalse(probe.get("processbuilder-stderr").contains(BROKEN_PIPE), probe.output);
  }

  @Test
  void nuProcessInstallsNoShutdownHookAndThePropertyIsCleared() throws Exception {
    Probe probe = Probe.run(List.of(), "exit-with-child");
    long child = Long.parseLong(probe.get("child-pid"));
    try {
      assertEquals("null", probe.get("property"), probe.output);
      assertFalse(probe.output.contains("nuprocess-stdout-closed"), probe.output);
      assertTrue(running(child), "NuProcess's hook ended the child: " + probe.output);
    } finally {
      ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aHostThatEnablesTheHookKeepsItAndStillGetsSigpipeBack() throws Exception {
    Probe probe =
        Probe.run(List.of("-D" + NuProcessLoading.HOOK_PROPERTY + "=true"), "exit-with-child");
    long child = Long.parseLong(probe.get("child-pid"));
    try {
      assertEquals("true", probe.get("property"), probe.output);
      assertTrue(probe.output.contains("nuprocess-stdout-closed: yes"), probe.output);
      assertEquals("141", probe.get("processbuilder-status"), probe.output);
      assertFalse(probe.get("processbuilder-stderr").contains(BROKEN_PIPE), probe.output);
    } finally {
      ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aWriteToAClosedStdinFailsWithEpipeAndTheJvmLives() throws Exception {
    Probe probe = Probe.run(List.of(), "closed-stdin");

    assertEquals("true", probe.get("stdin-closed-after-write"), probe.output);
    assertEquals("yes", probe.get("survived"), probe.output);
  }

  @Test
  void aFailedLoadPropagatesNuProcessErrorAndClearsTheProperty() throws Exception {
    Probe probe = Probe.run(List.of("-Dcom.zaxxer.nuprocess.threads=none"), "failing");

    assertEquals(ExceptionInInitializerError.class.getName(), probe.get("first"), probe.output);
    assertEquals("null", probe.get("first-property"), probe.output);
    assertEquals(NoClassDefFoundError.class.getName(), probe.get("second"), probe.output);
    assertEquals("null", probe.get("second-property"), probe.output);
    assertEquals("false", probe.get("after-ignored"), probe.output);
  }

  private static boolean running(long pid) {
    ProcStat stat = ProcStat.read(pid);
    return stat != null && !stat.hasExited();
  }

  /** What a probe JVM printed, once it has exited with status 0. */
  private static final class Probe {
    final String output;
    final Map<String, String> values = new HashMap<>();

    private Probe(String output) {
      this.output = output;
      for (String line : output.split("\n", -1)) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          values.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
        }
      }
    }

    String get(String key) {
      String value = values.get(key);
      if (value == null) {
        throw new AssertionError("the probe printed no " + key + ":\n" + output);
      }
      return value;
    }

    static Probe run(List<String> jvmOptions, String mode)
        throws IOException, InterruptedException {
      String java =
          ProcessHandle.current()
              .info()
              .command()
              .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // Under surefire the test classes may be on the module path: put both on the class path.
      String classPath =
          System.getProperty("java.class.path")
              + File.pathSeparator
              + System.getProperty("jdk.module.path", "");
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "--enable-native-access=ALL-UNNAMED",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  classPath));
      command.addAll(jvmOptions);
      command.addAll(List.of(NuProcessLoadingProbe.class.getName(), mode));
      Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(jvm.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not exit:\n" + output);
      assertEquals(0, jvm.exitValue(), output);
      return new Probe(output);
    }
  }
}
