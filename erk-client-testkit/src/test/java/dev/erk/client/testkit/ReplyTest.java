package dev.erk.client.testkit;

import static dev.erk.client.testkit.ArgvPattern.exactly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyTest {

  private FakeErk erk;

  @BeforeEach
  void createFake() {
    erk = FakeErk.create();
  }

  @AfterEach
  void closeFake() {
    erk.close();
  }

  @Test
  void stdoutStderrAndExitCodeCombine() {
    erk.stubFor(exactly("go"))
        .willReturn(
            Reply.stdout("{\"success\": false}\n").andStderr("Error: boom\n").withExitCode(1));

    Exec.Result result = Exec.run(erk.executable(), "go");

    assertEquals(1, result.exitCode);
    assertEquals("{\"success\": false}\n", result.out());
    assertEquals("Error: boom\n", result.err());
  }

  @Test
  void exitCodeAloneWritesNothing() {
    erk.stubFor(exactly("go")).willReturn(Reply.exitCode(2));

    Exec.Result result = Exec.run(erk.executable(), "go");

    assertEquals(2, result.exitCode);
    assertEquals("", result.out() + result.err());
  }

  @Test
  void stdoutWithoutNewlineIsPartialOutput() {
    erk.stubFor(exactly("go")).willReturn(Reply.stdout("{\"success\": tr").withExitCode(1));

    Exec.Result result = Exec.run(erk.executable(), "go");

    assertEquals("{\"success\": tr", result.out());
    assertEquals(1, result.exitCode);
  }

  @Test
  void bytesArriveByteExactIncludingInvalidUtf8AndNul() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] invalidUtf8 = {'o', 'k', (byte) 0xc3, 0x28, (byte) 0xff, 0, '\n'};
    erk.stubFor(exactly("go")).willReturn(Reply.stdoutBytes(everyByte).andStderrBytes(invalidUtf8));

    Exec.Result result = Exec.run(erk.executable(), "go");

    assertArrayEquals(everyByte, result.stdout);
    assertArrayEquals(invalidUtf8, result.stderr);
  }

  @Test
  void largeTextArrivesWhole() {
    String row = "{\"pr_number\": 42, \"full_title\": \"it's \\u2713 done\"}, ";
    String json = "{\"success\": true, \"plans\": [" + row.repeat(5_000) + "], \"count\": 5000}\n";
    erk.stubFor(exactly("go")).willReturn(Reply.stdout(json));

    assertEquals(json, Exec.run(erk.executable(), "go").out());
  }

  @Test
  void stdoutCanComeFromAFileOrAClasspathResource(@TempDir Path temp) throws Exception {
    Path file = Files.writeString(temp.resolve("reply.json"), "{\"from\": \"file\"}\n");
    String resource = "dev/erk/client/testkit/ReplyTest.class";
    byte[] resourceBytes;
    try (InputStream in =
        Objects.requireNonNull(ReplyTest.class.getClassLoader().getResourceAsStream(resource))) {
      resourceBytes = in.readAllBytes();
    }
    erk.stubFor(exactly("file")).willReturn(Reply.stdoutFrom(file));
    erk.stubFor(exactly("resource")).willReturn(Reply.stdoutFromResource(resource));

    assertEquals("{\"from\": \"file\"}\n", Exec.run(erk.executable(), "file").out());
    assertArrayEquals(resourceBytes, Exec.run(erk.executable(), "resource").stdout);
    assertThrows(
        IllegalArgumentException.class, () -> Reply.stdoutFromResource("no/such/thing.json"));
  }

  @Test
  void timelineWritesLinesWithTheirPauses() throws Exception {
    Duration pause = Duration.ofMillis(300);
    erk.stubFor(exactly("launch"))
        .willReturn(
            Reply.timeline()
                .stdout("warm-up")
                .pause(Duration.ofMillis(100))
                .stdout("Checking PR status...")
                .pause(pause)
                .stdout("✓ Workflow dispatched")
                .stderr("done")
                .exitCode(0));

    // Timed from before the start: a line cannot arrive before the pauses ahead of it have passed,
    // however late the reader gets to it. (Timing from one line's arrival to the next's is not
    // sound: a reader descheduled after the first arrival shortens the measured gap.)
    long started = System.nanoTime();
    Process process = Exec.command(erk.executable(), "launch").start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("warm-up", out.readLine());
      assertEquals("Checking PR status...", out.readLine());
      assertEquals("✓ Workflow dispatched", out.readLine());
      long elapsed = System.nanoTime() - started;
      long pauses = Duration.ofMillis(100).plus(pause).toNanos();
      assertTrue(
          elapsed >= pauses,
          "the last line arrived " + elapsed / 1_000_000 + " ms after the start");
    }
    assertEquals(
        "done\n", new String(Exec.readAll(process.getErrorStream()), StandardCharsets.UTF_8));
    assertEquals(0, process.waitFor());
  }

  @Test
  void hangIsKilledByDestroyLeavingNoProcessBehind() throws Exception {
    erk.stubFor(exactly("wait")).willReturn(Reply.timeline().stdout("started").hang());

    Process process = Exec.command(erk.executable(), "wait").start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("started", out.readLine());
      awaitCommand(process, "sleep");
      assertEquals(0, process.descendants().count(), "the script exec'd sleep: no grandchild");
      assertFalse(process.waitFor(200, TimeUnit.MILLISECONDS), "still hanging");

      process.destroy();

      assertTrue(process.waitFor(5, TimeUnit.SECONDS));
      assertEquals(128 + 15, process.exitValue());
      assertFalse(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false));
    }
  }

  @ParameterizedTest(name = "signal {0} -> exit status {1}")
  @CsvSource({"9, 137", "11, 139", "15, 143"})
  void killedBySignalIsSeenAsThatSignal(int signal, int status, @TempDir Path cwd)
      throws Exception {
    erk.stubFor(exactly("crash"))
        .willReturn(
            Reply.timeline()
                .stdoutBytes("partial".getBytes(StandardCharsets.UTF_8))
                .killedBy(signal));

    Exec.Result result = Exec.run(Exec.command(erk.executable(), "crash").directory(cwd.toFile()));

    assertEquals(status, result.exitCode);
    assertEquals("partial", result.out());
    try (Stream<Path> left = Files.list(cwd)) {
      assertEquals(List.of(), left.toList(), "no core file");
    }
  }

  @Test
  void invalidArgumentsAreRejectedEarly() {
    assertThrows(IllegalArgumentException.class, () -> Reply.exitCode(256));
    assertThrows(IllegalArgumentException.class, () -> Reply.killedBy(0));
    assertThrows(
        IllegalArgumentException.class, () -> Reply.timeline().pause(Duration.ofMillis(-1)));
  }

  private static void awaitCommand(Process process, String name) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!process.info().command().orElse("").endsWith("/" + name)) {
      assertTrue(System.nanoTime() < deadline, "the script never exec'd " + name);
      Thread.sleep(10);
    }
  }
}
