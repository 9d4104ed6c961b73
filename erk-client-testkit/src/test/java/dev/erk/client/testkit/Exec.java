package dev.erk.client.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a real child process and collects its exit status and output: the tests' only client. */
final class Exec {

  /** Exit status and raw output of a finished process. */
  static final class Result {
    final int exitCode;
    final byte[] stdout;
    final byte[] stderr;

    Result(int exitCode, byte[] stdout, byte[] stderr) {
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    String err() {
      return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + ", stdout [" + out() + "], stderr [" + err() + "]";
    }
  }

  private Exec() {}

  static ProcessBuilder command(Path executable, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command);
  }

  static Result run(Path executable, String... args) {
    return run(command(executable, args));
  }

  static Result run(ProcessBuilder builder) {
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      byte[] out = readAll(process.getInputStream());
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("process did not finish: " + builder.command());
      }
      return new Result(process.exitValue(), out, err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
