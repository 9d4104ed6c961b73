package dev.erk.client.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that exits with an erk stream still running kills its process tree, unless {@code
 * -Ddev.erk.client.killChildrenOnExit=false}.
 */
class JvmShutdownTest {
  @TempDir Path dir;

  private String output = "";

  /**
   * Runs {@link HangingStreamMain} in a new JVM; returns the child's and grandchild's pids, and
   * keeps what the JVM printed in {@link #output}.
   */
  private long[] runJvm(List<String> jvmOptions, String... mainArgs) throws Exception {
    return runJvm("sleep 600 & echo \"grandchild $!\"; wait\n", jvmOptions, mainArgs);
  }

  private long[] runJvm(String script, List<String> jvmOptions, String... mainArgs)
      throws Exception {
    Reliability.write(dir.resolve("run"), script);
    // Under surefire the test classes may be on the module path: put both paths on the
    // class path, where every module here also works.
    String classPath =
        System.getProperty("java.class.path")
            + File.pathSeparator
            + System.getProperty("jdk.module.path", "");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classPath));
    command.addAll(jvmOptions);
    command.addAll(List.of(HangingStreamMain.class.getName(), dir.toString()));
    command.addAll(List.of(mainArgs));
    Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
    String pids = null;
    StringBuilder printed = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        printed.append(line).append('\n');
        if (line.startsWith("pids ")) {
          pids = line;
        }
      }
    }
    output = printed.toString();
    assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "the JVM did not exit");
    assertEquals(0, jvm.exitValue(), output);
    assertTrue(pids != null, output);
    String[] parts = pids.split(" ", -1);
    return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
  }

  @Test
  void exitingTheJvmKillsTheRunningTree() throws Exception {
    long[] tree = runJvm(List.of());
    assertEquals(List.of(), Reliability.survivors(List.of(tree[0], tree[1])));
  }

  @Test
  void aGrandchildInItsOwnSessionHoldingStdoutDiesWithTheJvm() throws Exception {
    long[] tree =
        runJvm("setsid sh -c 'echo \"grandchild $$\"; exec sleep 600' & wait\n", List.of());
    assertEquals(List.of(), Reliability.survivors(List.of(tree[0], tree[1])));
  }

  @Test
  void aCallEndedByTheShutdownIsCancelledNotFailed() throws Exception {
    long[] tree = runJvm(List.of(), "--report");
    assertEquals(List.of(), Reliability.survivors(List.of(tree[0], tree[1])));
    assertTrue(
        output.contains("completion dev.erk.client.ErkCancelledException: `")
            && output.contains("` was cancelled: the JVM is shutting down"),
        output);
  }

  @Test
  void theTreeSurvivesWhenKillChildrenOnExitIsFalse() throws Exception {
    long[] tree = runJvm(List.of("-Ddev.erk.client.killChildrenOnExit=false"));
    try {
      Thread.sleep(500);
      assertTrue(Reliability.isRunning(tree[0]), "child " + tree[0]);
      assertTrue(Reliability.isRunning(tree[1]), "grandchild " + tree[1]);
    } finally {
      for (long pid : tree) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    assertEquals(List.of(), Reliability.survivors(List.of(tree[0], tree[1])));
  }
}
