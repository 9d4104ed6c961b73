package dev.erk.client.cli.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A java.util.logging handler that keeps every record, for tests that check what was logged. */
public final class RecordingHandler extends Handler {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  /** The records published so far. */
  public List<LogRecord> records() {
    return records;
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
