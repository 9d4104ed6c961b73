package dev.erk.client.cli.internal.warm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.erk.client.cli.internal.ChildTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One warm worker process and its end of the protocol (see {@code docs/warm-protocol.md}). It runs
 * one call at a time. A daemon thread per worker reads its messages: a blocking read costs no CPU,
 * and the thread ends with the worker, so a pool of a few workers holds a few threads.
 */
final class Worker {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final OutputStream requests;
  private final Path cwd;
  private final Map<String, String> environment;
  private final Duration killGrace;
  private final CompletableFuture<Fingerprint> ready = new CompletableFuture<>();
  private final CompletableFuture<Integer> gone = new CompletableFuture<>();
  private @Nullable WarmRun current;
  private long nextId;
  private int calls;

  private Worker(Process process, Path cwd, Map<String, String> environment, Duration killGrace) {
    this.process = process;
    this.requests = process.getOutputStream();
    this.cwd = cwd;
    this.environment = environment;
    this.killGrace = killGrace;
  }

  /** Starts a worker for the script; its {@link #ready()} completes once erk is imported. */
  static Worker start(
      ConsoleScript script, Path cwd, Map<String, String> environment, Duration killGrace)
      throws IOException {
    List<String> argv = new ArrayList<>(script.interpreter());
    argv.addAll(List.of("-c", WorkerSource.text(), script.script().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(cwd.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Worker worker = new Worker(builder.start(), cwd, environment, killGrace);
    Thread reader = new Thread(worker::read, "erk-client-warm-" + worker.process.pid());
    reader.setDaemon(true);
    reader.setContextClassLoader(null);
    reader.start();
    return worker;
  }

  /** Completes with what to watch for staleness, or fails with {@link Unavailable}. */
  CompletableFuture<Fingerprint> ready() {
    return ready;
  }

  /** Completes with the worker's exit code once it is gone and its output read. */
  CompletableFuture<Integer> gone() {
    return gone;
  }

  synchronized int calls() {
    return calls;
  }

  long pid() {
    return process.pid();
  }

  /** Sends the call; its output and end arrive on the reader thread. */
  void run(WarmRun run, byte[] stdin) {
    ObjectNode params = JSON.createObjectNode();
    params.putPOJO("argv", run.command());
    params.put("cwd", cwd.toString());
    params.putPOJO("env", environment);
    params.put("stdin", Base64.getEncoder().encodeToString(stdin));
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0");
    synchronized (this) {
      current = run;
      calls++;
      request.put("id", ++nextId).put("method", "run").set("params", params);
    }
    try {
      byte[] line = (JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
      requests.write(line);
      requests.flush();
    } catch (IOException e) {
      kill(); // the reader then reports the death to the call
    }
  }

  /** Asks an idle worker to exit by ending its input. */
  void shutdown() {
    try {
      requests.close();
    } catch (IOException e) {
      kill();
    }
  }

  /** Ends the worker and everything the call it runs started. */
  void kill() {
    ChildTree.of(process.toHandle()).terminate(Set::of, killGrace);
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        handle(JSON.readTree(line));
      }
    } catch (IOException | RuntimeException e) {
      ready.completeExceptionally(new Unavailable("unreadable message from the worker: " + e));
      kill();
    } finally {
      ended();
    }
  }

  private void handle(JsonNode message) {
    String method = message.path("method").asText("");
    JsonNode params = message.path("params");
    switch (method) {
      case "ready" -> {
        List<Path> watch = new ArrayList<>();
        params.path("watch").forEach(path -> watch.add(Path.of(path.asText())));
        ready.complete(Fingerprint.of(watch));
      }
      case "unsupported" ->
          ready.completeExceptionally(new Unavailable(params.path("reason").asText("unsupported")));
      case "output" -> {
        WarmRun run = currentRun();
        if (run != null) {
          run.output(
              params.path("stream").asText().equals("stdout"),
              Base64.getDecoder().decode(params.path("data").asText()));
        }
      }
      default -> answered(message);
    }
  }

  private void answered(JsonNode message) {
    WarmRun run;
    synchronized (this) {
      run = current;
      current = null;
    }
    if (run == null) {
      throw new IllegalStateException("an answer without a call: " + message);
    }
    JsonNode result = message.get("result");
    if (result != null) {
      run.exited(result.path("exitCode").asInt(), result.path("pid").asLong(process.pid()));
    } else {
      run.unavailable(
          "the worker refused the call: "
              + message.path("error").path("message").asText("no reason"));
    }
  }

  private synchronized @Nullable WarmRun currentRun() {
    return current;
  }

  private void ended() {
    int exitCode;
    while (true) {
      try {
        exitCode = process.waitFor();
        break;
      } catch (InterruptedException e) {
        kill(); // nobody interrupts this thread but a host tearing everything down
      }
    }
    ready.completeExceptionally(
        new Unavailable(
            "the worker exited with "
                + exitCode
                + " before it was ready (is the interpreter in the #! line a working Python 3?)"));
    WarmRun run;
    synchronized (this) {
      run = current;
      current = null;
    }
    if (run != null) {
      run.workerDied(exitCode, process.pid());
    }
    gone.complete(exitCode);
  }

  /** Why a worker cannot serve: the reason goes to the DEBUG log, and calls are spawned. */
  static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String reason) {
      super(reason, null, false, false);
    }
  }
}
