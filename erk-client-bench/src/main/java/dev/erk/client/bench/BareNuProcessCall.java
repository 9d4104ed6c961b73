package dev.erk.client.bench;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.NuProcessBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The floor under the SDK's cost per call: erk run on bare NuProcess 3.0.0, the process library the
 * SDK is built on, with nothing of the SDK around it: stdin closed at once, stdout collected into
 * one array, stderr dropped, the result taken from NuProcess's own {@code onExit}. No timeout, no
 * exit watch, no process-tree tracking, no failure handling: what any NuProcess user pays.
 */
final class BareNuProcessCall extends NuAbstractProcessHandler {
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final CompletableFuture<PlainCall> done = new CompletableFuture<>();
  private byte[] chunk = new byte[0];

  private BareNuProcessCall() {}

  /** Runs {@code argv} in {@code directory} and waits for its exit. */
  static PlainCall run(List<String> argv, Path directory)
      throws InterruptedException, ExecutionException {
    BareNuProcessCall handler = new BareNuProcessCall();
    NuProcessBuilder builder = new NuProcessBuilder(argv);
    builder.setProcessListener(handler);
    builder.setCwd(directory);
    builder.start();
    return handler.done.get();
  }

  @Override
  public void onStart(NuProcess process) {
    process.closeStdin(true);
  }

  @Override
  public void onStdout(ByteBuffer buffer, boolean closed) {
    int size = buffer.remaining();
    if (chunk.length < size) {
      chunk = new byte[size];
    }
    buffer.get(chunk, 0, size);
    stdout.write(chunk, 0, size);
  }

  @Override
  public void onExit(int exitCode) {
    done.complete(new PlainCall(exitCode, stdout.toByteArray()));
  }
}
