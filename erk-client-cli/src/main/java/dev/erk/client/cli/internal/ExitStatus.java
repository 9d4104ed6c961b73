package dev.erk.client.cli.internal;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * What one {@link Execution} knows of its child's exit: the child's pid and start time, its exit
 * code once read (from the platform, before the child is reaped, or from NuProcess after), when it
 * was seen, or that it never will be. Not thread-safe: every method runs under the execution's
 * lock.
 */
final class ExitStatus {
  private final ProcessPlatform platform;
  private long pid = -1;
  private long startTime = -1;
  private OptionalInt code = OptionalInt.empty();
  private long seenNanos;

  /** A forced finish gave up waiting for the exit status: it ends with a failure, no code. */
  private boolean givenUp;

  ExitStatus(ProcessPlatform platform) {
    this.platform = platform;
  }

  /** The child started; its start time guards later reads against a recycled pid. */
  void started(long childPid) {
    pid = childPid;
    startTime = platform.startTime(childPid);
  }

  /** The child's pid, or -1 before it started. */
  long pid() {
    return pid;
  }

  /**
   * Reads the status if the child has exited; true if that made it known.
   *
   * @param outputEnded see {@link ProcessPlatform#exitCode}
   */
  boolean read(boolean outputEnded) {
    if (code.isPresent()) {
      return false;
    }
    OptionalInt read = platform.exitCode(pid, startTime, outputEnded);
    read.ifPresent(this::observe);
    return read.isPresent();
  }

  /** The exit code seen ({@code 128 + signal} for a signal death). */
  void observe(int exitCode) {
    code = OptionalInt.of(exitCode);
    seenNanos = System.nanoTime();
  }

  /** Stops waiting for a status that will not come. */
  void giveUp() {
    givenUp = true;
    seenNanos = System.nanoTime();
  }

  boolean isKnown() {
    return code.isPresent();
  }

  /** Known, or given up on: nothing more to wait for. */
  boolean isSettled() {
    return code.isPresent() || givenUp;
  }

  OptionalInt code() {
    return code;
  }

  /** From {@code createdNanos} to the exit (or to now, if its moment was not seen). */
  Duration since(long createdNanos) {
    return Duration.ofNanos((seenNanos == 0 ? System.nanoTime() : seenNanos) - createdNanos);
  }
}
