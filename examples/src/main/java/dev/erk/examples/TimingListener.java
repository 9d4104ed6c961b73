package dev.erk.examples;

import dev.erk.client.ErkCall;
import dev.erk.client.ErkException;
import dev.erk.client.EventListener;
import dev.erk.client.OutputLine;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The timing of one erk call, collected from its {@link EventListener} events and handed on as one
 * summary line when the call ends. Every event carries the time since the call started, taken when
 * it happened, so the summary is exact even though events are delivered asynchronously.
 */
final class TimingListener implements EventListener {
  /** The header of the summary table. */
  static final String HEADER =
      String.format(
          Locale.ROOT,
          "%-34s %9s %9s %9s %9s %5s %7s  %s",
          "call",
          "spawned",
          "1st out",
          "exited",
          "ended",
          "exit",
          "bytes",
          "outcome");

  private final Consumer<String> summary;
  private @Nullable Duration spawned;
  private @Nullable Duration firstOutput;
  private @Nullable Duration exited;
  private @Nullable ProcessExit exit;

  /**
   * @param summary receives the call's line once, from the thread of its last event
   */
  TimingListener(Consumer<String> summary) {
    this.summary = summary;
  }

  @Override
  public void processStarted(ErkCall call, long pid, Duration elapsed) {
    spawned = elapsed;
  }

  @Override
  public void firstOutput(ErkCall call, OutputLine.Source source, Duration elapsed) {
    firstOutput = elapsed;
  }

  @Override
  public void processExited(ErkCall call, ProcessExit exit, Duration elapsed) {
    this.exit = exit;
    exited = elapsed;
  }

  @Override
  public void decoded(ErkCall call, Duration elapsed) {
    end(call, elapsed, "decoded");
  }

  @Override
  public void callFailed(ErkCall call, ErkException failure, Duration elapsed) {
    end(call, elapsed, "failed: " + Failures.oneLine(failure.getMessage()));
  }

  @Override
  public void callCancelled(ErkCall call, Duration elapsed) {
    end(call, elapsed, "cancelled");
  }

  @Override
  public void callTimedOut(ErkCall call, Duration timeout, Duration elapsed) {
    end(call, elapsed, "timed out after " + millis(timeout));
  }

  private void end(ErkCall call, Duration elapsed, String outcome) {
    ProcessExit seen = exit;
    String command = "erk " + String.join(" ", call.command().subList(1, call.command().size()));
    summary.accept(
        String.format(
            Locale.ROOT,
            "%-34s %9s %9s %9s %9s %5s %7s  %s",
            command.length() <= 34 ? command : command.substring(0, 33) + "…",
            millis(spawned),
            millis(firstOutput),
            millis(exited),
            millis(elapsed),
            seen == null ? "-" : Integer.toString(seen.exitCode()),
            seen == null ? "-" : Long.toString(seen.stdoutBytes() + seen.stderrBytes()),
            outcome));
  }

  private static String millis(@Nullable Duration duration) {
    return duration == null
        ? "-"
        : String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1_000_000.0);
  }
}
