package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.ErkClient;
import dev.erk.client.OutputLine;
import dev.erk.client.StreamHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingTest {
  @TempDir Path dir;

  private List<OutputLine> stream(ErkClient client, String... args) throws Exception {
    List<OutputLine> lines = new CopyOnWriteArrayList<>();
    try (StreamHandle handle =
        client.stream(ActionRequest.custom(ActionKind.STREAMING, args), lines::add)) {
      handle.completion().get(20, TimeUnit.SECONDS);
    }
    return lines;
  }

  private static List<String> texts(List<OutputLine> lines) {
    return lines.stream().map(OutputLine::text).collect(Collectors.toList());
  }

  @Test
  void linesAreSplitOnEveryEndingAndStrippedOfAnsi() throws Exception {
    try (ErkClient client = TestScripts.behave(dir).build()) {
      assertEquals(
          List.of("green", "progress 10%", "progress 20%", "link", "bold tail"),
          texts(stream(client, "ansi")));
    }
  }

  @Test
  void linesAreTaggedWithTheirStreamAndNumberedInOrder() throws Exception {
    try (ErkClient client = TestScripts.behave(dir).build()) {
      List<OutputLine> lines = stream(client, "mixed");
      List<String> stdout =
          lines.stream()
              .filter(l -> l.source() == OutputLine.Source.STDOUT)
              .map(OutputLine::text)
              .collect(Collectors.toList());
      List<String> stderr =
          lines.stream()
              .filter(l -> l.source() == OutputLine.Source.STDERR)
              .map(OutputLine::text)
              .collect(Collectors.toList());
      assertEquals(List.of("out 1", "out 2"), stdout);
      assertEquals(List.of("err 1", "err 2"), stderr);
      for (int i = 0; i < lines.size(); i++) {
        assertEquals(i, lines.get(i).sequence());
      }
    }
  }

  @Test
  void utf8CharactersSplitAcrossReadChunksDecodeWhole() throws Exception {
    try (ErkClient client = TestScripts.behave(dir).build()) {
      for (int before : new int[] {65535, 65534, 65533, 131071}) {
        List<String> lines = texts(stream(client, "utf8-boundary", Integer.toString(before)));
        assertEquals(1, lines.size());
        assertEquals("x".repeat(before) + "\u00E9\uD83D\uDE80 end", lines.get(0));
      }
    }
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheStream() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (ErkClient client = TestScripts.behave(dir).build()) {
      StreamHandle handle =
          client.stream(
              ActionRequest.custom(ActionKind.STREAMING, "lines", "100"),
              line -> {
                seen.add(line.text());
                if (line.sequence() % 10 == 0) {
                  throw new IllegalStateException("listener bug");
                }
              });
      ActionResult result = handle.completion().get(20, TimeUnit.SECONDS);
      assertTrue(result.success());
      assertEquals(100, seen.size());
      assertEquals("line 99", seen.get(99));
    }
  }

  @Test
  void theResultKeepsATailOfEachStream() throws Exception {
    try (ErkClient client = TestScripts.behave(dir).build()) {
      ActionResult result =
          client
              .streamAsync(ActionRequest.custom(ActionKind.STREAMING, "mixed"), line -> {})
              .get(20, TimeUnit.SECONDS);
      assertEquals("out 1\nout 2\n", result.stdout());
      assertEquals("err 1\nerr 2\n", result.stderr());
      assertEquals("err 2", result.message());
    }
  }

  @Test
  void thirtyTwoConcurrentStreamsEachDeliverEveryLineInOrder() throws Exception {
    try (ErkClient client = TestScripts.behave(dir).build()) {
      List<List<String>> outputs = new ArrayList<>();
      List<StreamHandle> handles = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        outputs.add(lines);
        handles.add(
            client.stream(
                ActionRequest.custom(ActionKind.STREAMING, "lines", "2000"),
                line -> lines.add(line.text())));
      }
      for (StreamHandle handle : handles) {
        assertTrue(handle.completion().get(60, TimeUnit.SECONDS).success());
      }
      for (List<String> lines : outputs) {
        assertEquals(2000, lines.size());
        assertEquals("line 0", lines.get(0));
        assertEquals("line 1999", lines.get(1999));
      }
    }
  }

  @Test
  void linesArriveWhileAPythonChildRunsEvenWithoutPythonUnbufferedInTheParent() throws Exception {
    Path python = TestScripts.install(dir, "python-ticks.py");
    try (ErkClient client =
        CliErkClient.builder()
            .executable(python)
            .workingDirectory(dir)
            .removeEnvironment("PYTHONUNBUFFERED")
            .build()) {
      List<Long> arrivals = new CopyOnWriteArrayList<>();
      long start = System.nanoTime();
      ActionResult result =
          client.stream(
                  ActionRequest.custom(ActionKind.STREAMING, "go"),
                  line -> arrivals.add(System.nanoTime() - start))
              .completion()
              .get(20, TimeUnit.SECONDS);
      long end = System.nanoTime() - start;
      assertEquals(3, arrivals.size(), result.toString());
      assertTrue(
          end - arrivals.get(0) > Duration.ofMillis(600).toNanos(),
          "the first line came only at exit: it was buffered");
    }
  }
}
