package dev.erk.client.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard input: a request is written and then closed, as {@code erk json …} needs (it reads until
 * EOF, so an open pipe blocks it forever); without a request it is closed at once.
 */
class ExecutionStdinTest {
  /** Long enough never to fire on a loaded machine; reaching it means stdin never ended. */
  private static final Duration NEVER = Duration.ofMinutes(2);

  @TempDir Path dir;

  /** An {@code erk json} stand-in: reads all of stdin, like erk's read_json_stdin, then answers. */
  private Path blocksUntilStdinEnds() throws IOException {
    Path script = dir.resolve("erk-json.sh");
    Files.writeString(
        script,
        """
        #!/bin/sh
        request=$(cat)
        printf '{"received": %s, "success": true}\\n' "${request:-null}"
        """);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private String run(Path script, @Nullable String stdin) {
    BoundedCollector out = new BoundedCollector(1 << 20, () -> {});
    BoundedCollector err = new BoundedCollector(1 << 20, () -> {});
    Execution execution =
        new Execution(
            new ExecutionSpec(
                List.of(script.toString(), "json", "objective", "view"),
                dir,
                Map.copyOf(System.getenv()),
                NEVER,
                Duration.ofMillis(300),
                stdin));
    execution.start(out, err);
    Execution.Exit exit = execution.exit().join();
    assertEquals(
        0, exit.exitCode(), () -> new String(err.bytes(), 0, err.size(), StandardCharsets.UTF_8));
    return new String(out.bytes(), 0, out.size(), StandardCharsets.UTF_8);
  }

  @Test
  void aStandInThatReadsUntilEofGetsTheRequestAndAnswers() throws IOException {
    assertEquals(
        "{\"received\": {\"identifier\": \"42\"}, \"success\": true}\n",
        run(blocksUntilStdinEnds(), "{\"identifier\": \"42\"}"));
  }

  @Test
  void aRequestLargerThanAPipeBufferArrivesWhole() throws IOException {
    String big = "\"" + "x".repeat(300_000) + "\"";
    String request = "{\"identifier\": " + big + "}";
    assertEquals(
        "{\"received\": " + request + ", \"success\": true}\n",
        run(blocksUntilStdinEnds(), request));
  }

  @Test
  void withoutARequestStdinIsClosedAtOnce() throws IOException {
    assertEquals("{\"received\": null, \"success\": true}\n", run(blocksUntilStdinEnds(), null));
  }

  @Test
  void theFiveComponentSpecClosesStdin() {
    ExecutionSpec spec =
        new ExecutionSpec(List.of("erk"), dir, Map.of(), null, Duration.ofSeconds(1));
    assertEquals(null, spec.stdin());
  }
}
