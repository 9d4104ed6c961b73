package dev.erk.client.cli.internal.warm;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What a process printed and how it exited: the same record for a spawned and a warm run. */
@SuppressWarnings("ArrayRecordComponent") // a test's raw output bytes, read as-is
record Spawned(byte[] stdout, byte[] stderr, int exitCode) {

  /** Runs the command as a new process with pipes, stdin closed, as erk-client spawns erk. */
  static Spawned run(List<String> command, Path cwd, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> all(process.getErrorStream()));
    byte[] out = all(process.getInputStream());
    int code = process.waitFor();
    return new Spawned(out, err.join(), code);
  }

  private static byte[] all(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String describe() {
    return "exit "
        + exitCode
        + "\n--- stdout\n"
        + new String(stdout, UTF_8)
        + "\n--- stderr\n"
        + new String(stderr, UTF_8);
  }
}
