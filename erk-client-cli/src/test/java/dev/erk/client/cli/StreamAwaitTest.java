package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ErkCancelledException;
import dev.erk.client.ErkGeneration;
import dev.erk.client.StreamHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StreamHandle#await} names the whole argv in its exceptions, as {@code command()} says. */
class StreamAwaitTest {
  @TempDir Path dir;

  @Test
  void aStreamCancelledBeforeItStartedNamesTheExecutableAndArguments() {
    // erk --version never answers, so the stream waits for generation detection and never starts.
    CliErkClient.Builder builder = InlineErk.script(dir, "exec sleep 60");
    try (CliErkClient erk = builder.build()) {
      ActionRequest request = ActionRequest.custom(ActionKind.STREAMING, "launch", "pr-address");
      StreamHandle stream = erk.stream(request, line -> {});
      stream.cancel();
      ErkCancelledException cancelled =
          assertThrows(ErkCancelledException.class, () -> stream.await(Duration.ofSeconds(30)));
      assertWholeArgv(cancelled.command(), "launch", "pr-address");
    }
  }

  @Test
  void aStreamCancelledWhileItRunsNamesTheArgvThatRan() throws Exception {
    CliErkClient.Builder builder = InlineErk.script(dir, "echo started\nexec sleep 60");
    try (CliErkClient erk = builder.generation(ErkGeneration.CURRENT).build()) {
      CountDownLatch started = new CountDownLatch(1);
      StreamHandle stream =
          erk.stream(
              ActionRequest.custom(ActionKind.STREAMING, "launch", "pr-rebase"),
              line -> started.countDown());
      assertTrue(started.await(30, TimeUnit.SECONDS));
      stream.cancel();
      ErkCancelledException cancelled =
          assertThrows(ErkCancelledException.class, () -> stream.await(Duration.ofSeconds(30)));
      assertWholeArgv(cancelled.command(), "launch", "pr-rebase");
    }
  }

  private static void assertWholeArgv(List<String> command, String... arguments) {
    assertEquals(List.of(arguments), command.subList(1, command.size()), command.toString());
    assertTrue(command.get(0).endsWith(".sh"), "the executable comes first: " + command);
  }
}
