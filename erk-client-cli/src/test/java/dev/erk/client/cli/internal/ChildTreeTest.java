package dev.erk.client.cli.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.NuProcessBuilder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The pipes of a child are known even when it has exited before it was looked at. */
class ChildTreeTest {

  @Test
  void aChildThatExitedBeforeItWasLookedAtStillNamesItsPipes() throws Exception {
    CompletableFuture<Set<String>> pipes = new CompletableFuture<>();
    CompletableFuture<Long> grandchild = new CompletableFuture<>();
    NuProcessBuilder builder = new NuProcessBuilder(List.of("/bin/sh", "-c", "sleep 30 & echo $!"));
    builder.setProcessListener(
        new NuAbstractProcessHandler() {
          @Override
          public void onStart(NuProcess process) {
            // onStart runs on the starting thread, before NuProcess reads or reaps anything: wait
            // here until the child is a zombie, which is what a fast child looks like on a busy
            // machine.
            long pid = process.getPID();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!isZombie(pid) && System.nanoTime() < deadline) {
              Thread.onSpinWait();
            }
            pipes.complete(ChildTree.of(process, ProcessPlatform.current()).pipes(true, true));
          }

          @Override
          public void onStdout(ByteBuffer buffer, boolean closed) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            String text = new String(bytes, UTF_8).trim();
            if (!text.isEmpty()) {
              grandchild.complete(Long.parseLong(text));
            }
          }
        });
    NuProcess process = builder.start();
    assertNotNull(process);
    long sleeper = grandchild.get(10, TimeUnit.SECONDS);
    try {
      Set<String> recorded = pipes.get(10, TimeUnit.SECONDS);
      assertEquals(2, recorded.size(), recorded.toString());
      assertEquals(
          List.of(sleeper),
          ProcessPlatform.current().pipeWriters(recorded).stream()
              .map(ProcessHandle::pid)
              .toList());
    } finally {
      ProcessHandle.of(sleeper).ifPresent(ProcessHandle::destroyForcibly);
    }
    assertTrue(process.waitFor(10, TimeUnit.SECONDS) != Integer.MIN_VALUE);
  }

  private static boolean isZombie(long pid) {
    @Nullable ProcStat stat = ProcStat.read(pid);
    return stat == null || stat.isZombie();
  }
}
