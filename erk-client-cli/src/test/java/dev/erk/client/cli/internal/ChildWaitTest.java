package dev.erk.client.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.NuProcessBuilder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading a child's exit status without reaping it, as {@link Execution} does on Linux. */
class ChildWaitTest {
  private static final int RUNS = 100;

  @BeforeEach
  void onLinux64() {
    assumeTrue(
        Platform.isLinux() && (Platform.ARCH.equals("x86-64") || Platform.ARCH.equals("aarch64")),
        "waitid's siginfo layout is known for 64-bit Linux on x86-64 and aarch64");
  }

  @Test
  void isAvailable() {
    assertTrue(ChildWait.isAvailable());
    assertEquals(-1, LinuxProcesses.INSTANCE.startTime(ProcessHandle.current().pid()));
  }

  @Test
  void aProcessThatIsNoChildOfThisJvmHasNoStatus() {
    assertTrue(ChildWait.exitCode(ProcessHandle.current().pid()).isEmpty());
    assertTrue(ChildWait.exitCode(1).isEmpty());
    assertTrue(ChildWait.exitCode(Long.MAX_VALUE).isEmpty());
  }

  @Test
  void readsExitCodesAndSignalDeathsWithoutReaping() throws Exception {
    assertStatusAtEndOfOutput(ChildWait::exitCode, true);
  }

  @Test
  void aRunningChildHasNoStatus() throws Exception {
    assertEquals(
        -1, statusAtEndOfOutput("exec 1>&-; sleep 5", ChildWait::exitCode, false), "running");
  }

  /**
   * The kernel stores the wait status before it closes the exiting child's files: when the last
   * pipe ends by the exit, /proc has the final status, before NuProcess reaps the child.
   */
  @Test
  void procHasTheStatusAtTheEndOfOutputEveryTime() throws Exception {
    assertStatusAtEndOfOutput(
        pid -> {
          ProcStat stat = ProcStat.read(pid);
          return stat != null && stat.hasExited()
              ? OptionalInt.of(stat.exitCode())
              : OptionalInt.empty();
        },
        false);
  }

  /**
   * What Execution relies on: as the last pipe ends by the exit, the platform has the final status
   * at once, although the child is not always waitable yet (then /proc has it).
   */
  @Test
  void theLinuxPlatformHasTheStatusAtTheEndOfOutputEveryTime() throws Exception {
    assertStatusAtEndOfOutput(pid -> LinuxProcesses.INSTANCE.exitCode(pid, -1, true), false);
  }

  /** Children that exit with 7 or die of SIGSEGV, read as their stdout ends: 7 and 139. */
  private static void assertStatusAtEndOfOutput(
      LongFunction<OptionalInt> read, boolean untilWaitable) throws Exception {
    for (int run = 0; run < RUNS; run++) {
      boolean segv = run % 2 == 0;
      assertEquals(
          segv ? 139 : 7,
          statusAtEndOfOutput(segv ? "kill -SEGV $$" : "exit 7", read, untilWaitable),
          "run " + run);
    }
  }

  /**
   * Runs {@code sh -c "exec 2>&-; echo x; <ending>"} and reads its status when its stdout ends.
   *
   * @param untilWaitable whether to read again until a status comes (a child becomes waitable a
   *     moment after its pipes end)
   * @return the status, or -1 if there was none
   */
  private static int statusAtEndOfOutput(
      String ending, LongFunction<OptionalInt> read, boolean untilWaitable) throws Exception {
    CompletableFuture<OptionalInt> seen = new CompletableFuture<>();
    NuProcessBuilder builder =
        new NuProcessBuilder(List.of("/bin/sh", "-c", "exec 2>&-; echo x; " + ending));
    builder.setProcessListener(
        new NuAbstractProcessHandler() {
          private long pid;

          @Override
          public void onStart(NuProcess process) {
            pid = process.getPID();
          }

          @Override
          public void onStdout(ByteBuffer buffer, boolean closed) {
            buffer.position(buffer.limit());
            if (closed) {
              OptionalInt status = read.apply(pid);
              long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
              while (untilWaitable && status.isEmpty() && System.nanoTime() < until) {
                Thread.onSpinWait();
                status = read.apply(pid);
              }
              seen.complete(status);
            }
          }
        });
    NuProcess process = builder.start();
    assertNotNull(process);
    OptionalInt status = seen.get(10, TimeUnit.SECONDS);
    process.destroy(true);
    assertTrue(process.waitFor(10, TimeUnit.SECONDS) != Integer.MIN_VALUE);
    assertTrue(ChildWait.exitCode(process.getPID()).isEmpty(), "NuProcess reaped it");
    return status.orElse(-1);
  }
}
