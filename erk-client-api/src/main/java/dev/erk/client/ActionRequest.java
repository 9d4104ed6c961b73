package dev.erk.client;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One erk command to run: either a {@link CatalogueAction} with its validated values, or a {@link
 * CustomCommand}.
 *
 * <p>Build one from the catalogue ({@link DashboardAction#request(PlanRow)}), or with {@link
 * #of(DashboardAction, Map)}, or for any other erk command with {@link #custom}. The command line
 * is derived per {@link ErkGeneration}, since erk renamed its commands over time. Tell the two
 * apart with a pattern:
 *
 * <pre>{@code
 * class Titles {
 *   static String what(ActionRequest request) {
 *     return request instanceof ActionRequest.CatalogueAction a
 *         ? a.action().title()
 *         : request.display();
 *   }
 * }
 * }</pre>
 */
public sealed interface ActionRequest
    permits ActionRequest.CatalogueAction, ActionRequest.CustomCommand {

  /** How the command reports back, which picks the client's default timeout. */
  ActionKind kind();

  /** How long this call may take, or null for the client's timeout of its {@link #kind()}. */
  @Nullable Duration timeout();

  /**
   * This request with another per-call timeout.
   *
   * @throws IllegalArgumentException if the timeout is zero or negative
   */
  ActionRequest withTimeout(@Nullable Duration timeout);

  /**
   * The arguments after the executable for an erk generation.
   *
   * @throws ErkUnsupportedActionException if that generation lacks the action
   */
  List<String> arguments(ErkGeneration generation);

  /** The arguments after the executable, for the {@link ErkGeneration#CURRENT current} erk. */
  default List<String> arguments() {
    return arguments(ErkGeneration.CURRENT);
  }

  /** What erk's dashboard displays for the command, e.g. {@code erk land 42}. */
  String display();

  /**
   * A request for a catalogue action with explicit values.
   *
   * @throws IllegalArgumentException if a required value is missing or not a safe argument
   */
  static CatalogueAction of(DashboardAction action, Map<ActionParameter, String> values) {
    return new CatalogueAction(action, values, null);
  }

  /**
   * Any other erk command, e.g. {@code custom(ActionKind.JSON, "exec", "get-pr-info", "42")}.
   * Arguments may be options; NUL and control characters other than line feed and tab are refused.
   *
   * @throws IllegalArgumentException if there are no arguments or one holds a control character
   */
  static CustomCommand custom(ActionKind kind, String... arguments) {
    return new CustomCommand(List.of(arguments), kind, null);
  }

  /**
   * A catalogue action with its values. Its {@link #kind()} is the action's.
   *
   * @param action the catalogue action
   * @param parameters the action's validated values, keyed by parameter
   * @param timeout how long this call may take, or null for the client's timeout of its kind
   */
  record CatalogueAction(
      DashboardAction action, Map<ActionParameter, String> parameters, @Nullable Duration timeout)
      implements ActionRequest {

    /** Checks that every required value is present and every value is a safe argument. */
    public CatalogueAction {
      EnumMap<ActionParameter, String> copy = new EnumMap<>(ActionParameter.class);
      copy.putAll(parameters);
      for (ActionParameter required : action.parameters()) {
        if (!copy.containsKey(required)) {
          throw new IllegalArgumentException(action.id() + " needs " + required);
        }
      }
      copy.replaceAll(ActionParameter::validate);
      parameters = Collections.unmodifiableMap(copy);
      Timeouts.check(timeout);
    }

    @Override
    public ActionKind kind() {
      return action.kind();
    }

    @Override
    public CatalogueAction withTimeout(@Nullable Duration timeout) {
      return new CatalogueAction(action, parameters, timeout);
    }

    @Override
    public List<String> arguments(ErkGeneration generation) {
      return ActionCommands.arguments(action, parameters, generation);
    }

    @Override
    public String display() {
      return ActionCommands.display(action, parameters, ErkGeneration.CURRENT);
    }

    /** The value of a parameter, or null if the request has none. */
    public @Nullable String parameter(ActionParameter parameter) {
      return parameters.get(parameter);
    }
  }

  /**
   * Any erk command the catalogue does not name.
   *
   * @param arguments the arguments after the executable, the same in every generation
   * @param kind how the command reports back
   * @param timeout how long this call may take, or null for the client's timeout of its kind
   */
  record CustomCommand(List<String> arguments, ActionKind kind, @Nullable Duration timeout)
      implements ActionRequest {

    /** Checks that there are arguments and none holds a control character. */
    public CustomCommand {
      arguments = List.copyOf(arguments);
      if (arguments.isEmpty()) {
        throw new IllegalArgumentException("a custom command needs arguments");
      }
      arguments.forEach(argument -> ArgumentCheck.text("argument", argument));
      Timeouts.check(timeout);
    }

    @Override
    public CustomCommand withTimeout(@Nullable Duration timeout) {
      return new CustomCommand(arguments, kind, timeout);
    }

    @Override
    public List<String> arguments(ErkGeneration generation) {
      return arguments;
    }

    @Override
    public String display() {
      return "erk " + String.join(" ", arguments);
    }
  }
}
