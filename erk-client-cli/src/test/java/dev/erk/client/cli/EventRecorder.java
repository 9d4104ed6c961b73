package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ErkCall;
import dev.erk.client.ErkException;
import dev.erk.client.EventListener;
import dev.erk.client.OutputLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** An {@link EventListener} that writes down every event of one call, and on which thread. */
final class EventRecorder implements EventListener {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();
  final List<Duration> elapsed = new CopyOnWriteArrayList<>();
  final CountDownLatch ended = new CountDownLatch(1);
  volatile @Nullable ErkCall call;
  volatile long pid = -1;
  volatile @Nullable ExitSeen exit;
  volatile @Nullable ErkException failure;
  volatile @Nullable Duration timeout;

  record ExitSeen(int code, Duration duration, long stdoutBytes, long stderrBytes) {}

  /** Waits for the call's last event; fails if it does not come. */
  List<String> awaitEnd() throws InterruptedException {
    assertTrue(ended.await(20, TimeUnit.SECONDS), "no last event; so far " + events);
    return List.copyOf(events);
  }

  /** Waits until an event of this name was seen. */
  void await(String event) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!events.contains(event)) {
      assertTrue(System.nanoTime() < deadline, "no " + event + "; so far " + events);
      Thread.sleep(5);
    }
  }

  private void seen(String event, Duration at) {
    events.add(event);
    threads.add(Thread.currentThread().getName());
    elapsed.add(at);
  }

  /** Records one of the four events that end a call, and releases whoever awaits the end. */
  private void end(String event, Duration at) {
    seen(event, at);
    ended.countDown();
  }

  @Override
  public void callStart(ErkCall call) {
    this.call = call;
    seen("callStart", Duration.ZERO);
  }

  @Override
  public void processStarted(ErkCall call, long pid, Duration elapsed) {
    this.pid = pid;
    seen("processStarted", elapsed);
  }

  @Override
  public void firstOutput(ErkCall call, OutputLine.Source source, Duration elapsed) {
    seen("firstOutput " + source, elapsed);
  }

  @Override
  public void processExited(ErkCall call, ProcessExit exit, Duration elapsed) {
    this.exit =
        new ExitSeen(exit.exitCode(), exit.duration(), exit.stdoutBytes(), exit.stderrBytes());
    seen("processExited", elapsed);
  }

  @Override
  public void decoded(ErkCall call, Duration elapsed) {
    end("decoded", elapsed);
  }

  @Override
  public void callFailed(ErkCall call, ErkException failure, Duration elapsed) {
    this.failure = failure;
    end("callFailed", elapsed);
  }

  @Override
  public void callCancelled(ErkCall call, Duration elapsed) {
    end("callCancelled", elapsed);
  }

  @Override
  public void callTimedOut(ErkCall call, Duration timeout, Duration elapsed) {
    this.timeout = timeout;
    end("callTimedOut", elapsed);
  }

  /** The elapsed times never go backwards. */
  void assertOrderedInTime() {
    List<Duration> times = new ArrayList<>(elapsed);
    for (int i = 1; i < times.size(); i++) {
      assertTrue(times.get(i).compareTo(times.get(i - 1)) >= 0, events + " at " + times);
    }
  }
}
