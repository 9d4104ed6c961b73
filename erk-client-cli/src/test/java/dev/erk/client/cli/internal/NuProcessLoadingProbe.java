package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.NuProcessBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run in a fresh JVM by {@link NuProcessLoadingTest}, so that NuProcess is loaded for the first
 * time here. Calls {@link NuProcessLoading#ensureLoaded()}, then does what the first argument names
 * and prints {@code key: value} lines about it.
 */
public final class NuProcessLoadingProbe {
  /** Prints 141 when {@code yes} is ended by SIGPIPE, 1 when it sees EPIPE instead. */
  static final String PIPELINE = "yes | head -n1 >/dev/null; echo ${PIPESTATUS[0]}";

  private static final long WAIT_SECONDS = 60;

  private NuProcessLoadingProbe() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "pipeline" -> pipeline();
      case "exit-with-child" -> exitWithChild();
      case "closed-stdin" -> closedStdin();
      case "failing" -> failing();
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** Loads from four threads at once, then runs {@link #PIPELINE} in NuProcess and in Java. */
  private static void pipeline() throws Exception {
    printSigpipe("before");
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                NuProcessLoading.ensureLoaded();
              });
      thread.start();
      threads.add(thread);
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    print("property", String.valueOf(System.getProperty(NuProcessLoading.HOOK_PROPERTY)));
    printSigpipe("after");

    Child nu = new Child(List.of("bash", "-c", PIPELINE));
    nu.awaitEnd();
    print("nuprocess-status", nu.stdout().trim());
    print("nuprocess-stderr", nu.stderr());
    printProcessBuilderPipeline();
  }

  /** Leaves a NuProcess child running and exits: NuProcess's shutdown hook would end it. */
  private static void exitWithChild() throws Exception {
    NuProcessLoading.ensureLoaded();
    print("property", String.valueOf(System.getProperty(NuProcessLoading.HOOK_PROPERTY)));
    Child child = new Child(List.of("sleep", "600"));
    print("child-pid", Integer.toString(child.process.getPID()));
    printProcessBuilderPipeline();
    print("exiting", "yes");
    System.exit(0);
  }

  /** Writes to the stdin of a child that closed it: NuProcess must see EPIPE, and the JVM live. */
  private static void closedStdin() throws Exception {
    NuProcessLoading.ensureLoaded();
    Child child = new Child(List.of("bash", "-c", "exec 0<&-; echo closed; exec sleep 600"));
    if (!child.closedStdin.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the child did not close its stdin");
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    boolean closedByNuProcess = false;
    while (!closedByNuProcess && System.nanoTime() < deadline) {
      try {
        child.process.writeStdin(ByteBuffer.wrap("x\n".getBytes(StandardCharsets.UTF_8)));
        Thread.sleep(20);
      } catch (IllegalStateException e) {
        // NuProcess closes stdin once its write fails.
        closedByNuProcess = true;
      }
    }
    print("stdin-closed-after-write", Boolean.toString(closedByNuProcess));
    child.process.destroy(true);
    child.process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    print("survived", "yes");
  }

  /** Run with a NuProcess setting that makes its initialization fail. */
  private static void failing() throws IOException {
    for (String attempt : List.of("first", "second")) {
      try {
        NuProcessLoading.ensureLoaded();
        print(attempt, "loaded");
      } catch (Throwable t) {
        print(attempt, t.getClass().getName());
      }
      print(
          attempt + "-property",
          String.valueOf(System.getProperty(NuProcessLoading.HOOK_PROPERTY)));
    }
    printSigpipe("after");
  }

  private static void printProcessBuilderPipeline() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-c", PIPELINE).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the ProcessBuilder pipeline did not end");
    }
    print("processbuilder-status", out.trim());
    print("processbuilder-stderr", err);
  }

  /** Prints whether this JVM ignores SIGPIPE, and whether it has a handler for it. */
  private static void printSigpipe(String when) throws IOException {
    long bit = 1L << (SignalDisposition.SIGPIPE - 1);
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        print(when + "-ignored", Boolean.toString((mask(line) & bit) != 0));
      } else if (line.startsWith("SigCgt:")) {
        print(when + "-caught", Boolean.toString((mask(line) & bit) != 0));
      }
    }
  }

  private static long mask(String statusLine) {
    return Long.parseUnsignedLong(statusLine.substring(statusLine.indexOf(':') + 1).trim(), 16);
  }

  private static void print(String key, String value) {
    System.out.println(key + ": " + value.replace("\n", "\\n"));
  }

  /** A NuProcess child whose output is collected; it reports its stdout closing. */
  private static final class Child extends NuAbstractProcessHandler {
    final NuProcess process;
    final CountDownLatch closedStdin = new CountDownLatch(1);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch ended = new CountDownLatch(1);

    Child(List<String> command) {
      this.process = Objects.requireNonNull(new NuProcessBuilder(this, command).start(), "start");
    }

    @Override
    public void onStdout(ByteBuffer buffer, boolean closed) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      out.write(bytes, 0, bytes.length);
      if (out.toString(StandardCharsets.UTF_8).contains("closed\n")) {
        closedStdin.countDown();
      }
      if (closed) {
        // Also printed when NuProcess's shutdown hook ends the child's streams.
        print("nuprocess-stdout-closed", "yes");
      }
    }

    @Override
    public void onStderr(ByteBuffer buffer, boolean closed) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      err.write(bytes, 0, bytes.length);
    }

    @Override
    public void onExit(int exitCode) {
      ended.countDown();
    }

    void awaitEnd() throws InterruptedException {
      if (!ended.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the NuProcess child did not end");
      }
    }

    String stdout() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
      return err.toString(StandardCharsets.UTF_8);
    }
  }
}
