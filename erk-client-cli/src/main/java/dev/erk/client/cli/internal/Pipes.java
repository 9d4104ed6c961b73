package dev.erk.client.cli.internal;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The two output pipes of one {@link Execution}: where each one's bytes go, and whether it has
 * ended. Not thread-safe: every method runs under the execution's lock.
 */
final class Pipes {
  private final ProcessOutput stdout;
  private final ProcessOutput stderr;
  private boolean stdoutOpen;
  private boolean stderrOpen;

  Pipes(ProcessOutput stdout, ProcessOutput stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Pipes of an execution that has not started: closed, their bytes going nowhere. */
  static Pipes none() {
    ProcessOutput nowhere = new BoundedCollector(0, () -> {});
    return new Pipes(nowhere, nowhere);
  }

  /** The child has started: both pipes are open until their ends are seen. */
  void open() {
    stdoutOpen = true;
    stderrOpen = true;
  }

  boolean isOpen(boolean fromStdout) {
    return fromStdout ? stdoutOpen : stderrOpen;
  }

  boolean anyOpen() {
    return stdoutOpen || stderrOpen;
  }

  /** Hands a chunk of one pipe to its output; a throwing output is the caller's to handle. */
  void deliver(boolean fromStdout, ByteBuffer chunk) {
    (fromStdout ? stdout : stderr).accept(chunk);
  }

  /**
   * Marks one pipe ended, finishing its output unless the execution failed (then it was aborted).
   */
  void end(boolean fromStdout, boolean finish) {
    if (fromStdout ? stdoutOpen : stderrOpen) {
      if (fromStdout) {
        stdoutOpen = false;
      } else {
        stderrOpen = false;
      }
      if (finish) {
        (fromStdout ? stdout : stderr).finish();
      }
    }
  }

  /** Ends both pipes that are still open, as {@link #end} does. */
  void endAll(boolean finish) {
    end(true, finish);
    end(false, finish);
  }

  /** Drops what the outputs hold: the execution is over without a result. */
  void abort() {
    stdout.abort();
    stderr.abort();
  }

  /** The names of the open pipes in {@code tree}, whose writers outlive the child. */
  Set<String> heldIn(ChildTree tree) {
    return tree.pipes(stdoutOpen, stderrOpen);
  }
}
