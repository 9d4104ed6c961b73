package dev.erk.client.cli;

import dev.erk.client.ActionRequest;
import dev.erk.client.ActionResult;
import dev.erk.client.StreamHandle;
import dev.erk.client.cli.internal.Execution;
import java.util.concurrent.CompletableFuture;

/** The {@link StreamHandle} of one streaming erk process. */
final class CliStreamHandle implements StreamHandle {
  private final ActionRequest request;
  private final Execution execution;
  private final CompletableFuture<ActionResult> completion;

  CliStreamHandle(ActionRequest request, Execution execution,
      CompletableFuture<ActionResult> completion) {
    this.request = request;
    this.execution = execution;
    this.completion = completion;
  }

  @Override
  public ActionRequest request() {
    return request;
  }

  @Override
  public long pid() {
    return execution.pid();
  }

  @Override
  public boolean isRunning() {
    return !completion.isDone();
  }

  @Override
  public void cancel() {
    execution.cancel();
  }

  @Override
  public CompletableFuture<ActionResult> completion() {
    return completion;
  }

  @Override
  public void close() {
    if (isRunning()) {
      cancel();
    }
  }

  @Override
  public String toString() {
    return "StreamHandle[pid=" + pid() + ", " + request.display() + "]";
  }
}
