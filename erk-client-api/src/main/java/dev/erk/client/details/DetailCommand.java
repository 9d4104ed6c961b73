package dev.erk.client.details;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The erk command line a {@link DetailQuery} runs in one generation.
 *
 * @param arguments erk's arguments, without the executable
 * @param stdin the JSON request an {@code erk json …} command reads on standard input (which is
 *     closed after it); null for every other command, whose standard input is closed at once
 */
public record DetailCommand(List<String> arguments, @Nullable String stdin) {
  /** Copies the arguments. */
  public DetailCommand {
    arguments = List.copyOf(arguments);
    if (arguments.isEmpty()) {
      throw new IllegalArgumentException("arguments must not be empty");
    }
  }

  /** A command with its standard input closed. */
  public static DetailCommand of(String... arguments) {
    return new DetailCommand(List.of(arguments), null);
  }

  /** An {@code erk json …} command with its request. */
  public static DetailCommand withRequest(String request, String... arguments) {
    return new DetailCommand(List.of(arguments), Objects.requireNonNull(request, "request"));
  }
}
