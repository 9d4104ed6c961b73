package dev.erk.client;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One erk command to run: a catalogue action with its validated values, or a custom command.
 *
 * <p>Build one from the catalogue ({@link DashboardAction#request(PlanRow)}), or with
 * {@link #of(DashboardAction, Map)}, or for any other erk command with {@link #custom}. The
 * command line is derived per {@link ErkGeneration}, since erk renamed its commands over time.
 *
 * @param action the catalogue action, or null for a custom command
 * @param parameters the action's validated values; empty for a custom command
 * @param customArguments a custom command's arguments after the executable; empty for an action
 * @param kind how the command reports back, which picks the client's default timeout
 * @param timeout how long this call may take, or null for the client's timeout of its kind
 */
public record ActionRequest(
    @Nullable DashboardAction action,
    Map<ActionParameter, String> parameters,
    List<String> customArguments,
    ActionKind kind,
    @Nullable Duration timeout) {

  /** Validates the values for the action, or the custom arguments. */
  public ActionRequest {
    EnumMap<ActionParameter, String> copy = new EnumMap<>(ActionParameter.class);
    copy.putAll(parameters);
    parameters = Collections.unmodifiableMap(copy);
    customArguments = List.copyOf(customArguments);
    if (action != null) {
      if (!customArguments.isEmpty()) {
        throw new IllegalArgumentException("a catalogue action takes no custom arguments");
      }
      for (ActionParameter required : action.parameters()) {
        if (!parameters.containsKey(required)) {
          throw new IllegalArgumentException(action.id() + " needs " + required);
        }
      }
      parameters.forEach((parameter, value) -> parameter.validate(value));
    } else {
      if (customArguments.isEmpty() || !parameters.isEmpty()) {
        throw new IllegalArgumentException("a custom command needs arguments and no parameters");
      }
      customArguments.forEach(argument -> ArgumentCheck.text("argument", argument));
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /**
   * A request for a catalogue action with explicit values.
   *
   * @throws IllegalArgumentException if a required value is missing or not a safe argument
   */
  public static ActionRequest of(DashboardAction action, Map<ActionParameter, String> values) {
    return new ActionRequest(action, values, List.of(), action.kind(), null);
  }

  /**
   * Any other erk command, e.g. {@code custom(ActionKind.JSON, "exec", "get-pr-info", "42")}.
   * Arguments may be options; NUL and control characters other than line feed and tab are
   * refused.
   *
   * @throws IllegalArgumentException if there are no arguments or one holds a control character
   */
  public static ActionRequest custom(ActionKind kind, String... arguments) {
    return new ActionRequest(null, Map.of(), List.of(arguments), kind, null);
  }

  /** This request with another per-call timeout. */
  public ActionRequest withTimeout(@Nullable Duration timeout) {
    return new ActionRequest(action, parameters, customArguments, kind, timeout);
  }

  /** The arguments after the executable, for the {@link ErkGeneration#CURRENT current} erk. */
  public List<String> arguments() {
    return arguments(ErkGeneration.CURRENT);
  }

  /**
   * The arguments after the executable for an erk generation.
   *
   * @throws ErkUnsupportedActionException if that generation lacks the action
   */
  public List<String> arguments(ErkGeneration generation) {
    return action == null ? customArguments : ActionCommands.arguments(action, parameters, generation);
  }

  /** What erk's dashboard displays for the action, e.g. {@code erk land 42}. */
  public String display() {
    return action == null
        ? "erk " + String.join(" ", customArguments)
        : ActionCommands.display(action, parameters, ErkGeneration.CURRENT);
  }

  /** The value of a parameter, or null if the request has none. */
  public @Nullable String parameter(ActionParameter parameter) {
    return parameters.get(parameter);
  }
}
