package dev.erk.client.cli;

import dev.erk.client.ActionRequest;
import dev.erk.client.DashboardAction;
import dev.erk.client.ErkCall;
import dev.erk.client.EventListener;
import dev.erk.client.Redaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What a client tells about its calls: the {@link EventListener} events of each call, and whether
 * its log lines and events show the free text of command lines.
 */
final class CallObservation {
  private static final AtomicLong IDS = new AtomicLong();

  private final EventListener.@Nullable Factory factory;
  private final @Nullable Executor executor;
  private final System.Logger logger;
  private final boolean redact;
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * @param factory makes each call's listener; null when the client has none (then calls cost
   *     nothing extra)
   * @param executor where listeners run; null for the SDK's workers
   */
  CallObservation(
      EventListener.@Nullable Factory factory,
      @Nullable Executor executor,
      System.Logger logger,
      boolean redact) {
    this.factory = factory;
    this.executor = executor;
    this.logger = logger;
    this.redact = redact;
  }

  /** Starts observing a call: its listener is made and told {@code callStart}. */
  CallEvents start(ErkCall.Kind kind, @Nullable DashboardAction action, List<String> command) {
    EventListener.Factory made = factory;
    if (made == null) {
      return CallEvents.NONE;
    }
    ErkCall call = new ErkCall(IDS.getAndIncrement(), kind, action, shown(command));
    return new CallEvents(call, made, executor, logger, warned);
  }

  /** Starts observing a run or stream; the command is the current generation's argv. */
  CallEvents start(ErkCall.Kind kind, ActionRequest request, Path executable) {
    if (factory == null) {
      return CallEvents.NONE;
    }
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    try {
      command.addAll(request.arguments());
    } catch (RuntimeException e) {
      command.add(request.display()); // the call itself fails and says why
    }
    DashboardAction action =
        request instanceof ActionRequest.CatalogueAction catalogue ? catalogue.action() : null;
    return start(kind, action, command);
  }

  /** The command as this client's log lines and events show it. */
  List<String> shown(List<String> command) {
    return redact ? Redaction.redact(command) : command;
  }
}
