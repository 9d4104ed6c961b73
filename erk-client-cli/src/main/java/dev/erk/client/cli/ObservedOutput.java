package dev.erk.client.cli;

import dev.erk.client.OutputLine;
import dev.erk.client.cli.internal.ProcessOutput;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes of one of a process's streams on their way to the real output, and tells the
 * call's events about the first. Runs on the pump thread: it only counts and queues.
 */
final class ObservedOutput implements ProcessOutput {
  private final ProcessOutput target;
  private final OutputLine.Source source;
  private final CallEvents events;
  private final AtomicLong bytes = new AtomicLong();

  ObservedOutput(ProcessOutput target, OutputLine.Source source, CallEvents events) {
    this.target = target;
    this.source = source;
    this.events = events;
  }

  /** Every byte the stream delivered so far. */
  long bytes() {
    return bytes.get();
  }

  @Override
  public void accept(ByteBuffer chunk) {
    int size = chunk.remaining();
    if (size > 0 && bytes.getAndAdd(size) == 0) {
      events.output(source);
    }
    target.accept(chunk);
  }

  @Override
  public void finish() {
    target.finish();
  }

  @Override
  public void abort() {
    target.abort();
  }
}
