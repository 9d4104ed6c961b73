package dev.erk.client.cli.internal;

import dev.erk.client.Redaction;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Whether a command line and an environment fit the kernel's limits for {@code exec} (see {@link
 * SpawnLimits}), and if not, which string is too long or by how much the whole is.
 *
 * <p>Sizes are counted in the JVM's default charset, as NuProcess encodes the strings. A pre-check
 * only refuses what the kernel would certainly refuse: it counts a part of what the kernel counts.
 */
final class ArgumentSizes {
  private static final int PREVIEW_CHARS = 40;

  private ArgumentSizes() {}

  /** What is too long to start, or null if it fits or no limit is known. */
  static @Nullable String problem(List<String> command, Map<String, String> environment) {
    return find(command, environment, false);
  }

  /** Why {@code exec} failed with {@code E2BIG}: the string that is too long, else the total. */
  static String tooLong(List<String> command, Map<String, String> environment) {
    String problem = find(command, environment, true);
    return problem != null ? problem : "its arguments and environment are too long (E2BIG)";
  }

  private static @Nullable String find(
      List<String> command, Map<String, String> environment, boolean failed) {
    Charset charset = Charset.defaultCharset();
    OptionalLong maxString = SpawnLimits.maxStringBytes();
    long argumentBytes = 0;
    for (int i = 0; i < command.size(); i++) {
      long size = command.get(i).getBytes(charset).length;
      if (maxString.isPresent() && size + 1 > maxString.getAsLong()) {
        // Redacted: the argument too long is usually a comment or a prompt.
        return "argument "
            + i
            + " ("
            + preview(Redaction.redact(command).get(i))
            + ") is "
            + size
            + " bytes"
            + overStringLimit(maxString.getAsLong());
      }
      argumentBytes += size + 1;
    }
    long environmentBytes = 0;
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      long size = (variable.getKey() + "=" + variable.getValue()).getBytes(charset).length;
      if (maxString.isPresent() && size + 1 > maxString.getAsLong()) {
        return "the environment variable "
            + variable.getKey()
            + " is "
            + size
            + " bytes as NAME=value"
            + overStringLimit(maxString.getAsLong());
      }
      environmentBytes += size + 1;
    }
    // The kernel copies the file name to run besides argv[0], and one pointer per string.
    long total =
        argumentBytes
            + environmentBytes
            + command.get(0).getBytes(charset).length
            + 1
            + (long) (command.size() + environment.size()) * SpawnLimits.pointerBytes();
    if (!failed && total <= SpawnLimits.alwaysAllowedTotal()) {
      return null;
    }
    OptionalLong max = SpawnLimits.maxTotalBytes();
    if (!failed && (max.isEmpty() || total <= max.getAsLong())) {
      return null;
    }
    return "its arguments and environment are too long overall: "
        + total
        + " bytes ("
        + argumentBytes
        + " in "
        + command.size()
        + " arguments, "
        + environmentBytes
        + " in "
        + environment.size()
        + " environment variables, and their pointers)"
        + (max.isPresent()
            ? "; Linux allows "
                + max.getAsLong()
                + " bytes (ARG_MAX: a quarter"
                + " of the stack size limit, ulimit -s, at most 6 MiB)"
            : "");
  }

  private static String overStringLimit(long maxString) {
    return ", over Linux's limit of "
        + (maxString - 1)
        + " bytes for one string (MAX_ARG_STRLEN: "
        + maxString
        + " with its terminating NUL)";
  }

  private static String preview(String value) {
    return value.length() <= PREVIEW_CHARS ? value : value.substring(0, PREVIEW_CHARS) + "…";
  }
}
