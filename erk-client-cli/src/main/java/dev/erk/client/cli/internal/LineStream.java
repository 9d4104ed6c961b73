package dev.erk.client.cli.internal;

import dev.erk.client.OutputLine;
import java.nio.ByteBuffer;

/** One stream of a streaming action: bytes to lines, lines to the listener and to a tail. */
public final class LineStream implements ProcessOutput {
  private final LineSplitter splitter;
  private final TextTail tail;
  private final LineDelivery delivery;

  public LineStream(
      OutputLine.Source source, LineDelivery delivery, int maxLineChars, int tailChars) {
    this.tail = new TextTail(tailChars);
    this.delivery = delivery;
    this.splitter =
        new LineSplitter(
            text -> {
              tail.add(text);
              delivery.offer(source, text);
            },
            maxLineChars);
  }

  @Override
  public void accept(ByteBuffer chunk) {
    splitter.feed(chunk);
  }

  @Override
  public void finish() {
    splitter.finish();
  }

  @Override
  public void abort() {
    delivery.abort();
  }

  /** The last lines, each ended by a line feed. */
  public String tail() {
    return tail.text();
  }
}
