package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.NuProcessBuilder;
import com.zaxxer.nuprocess.NuProcessHandler;
import dev.erk.client.ErkStartException;
import dev.erk.client.internal.CommandLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Why a process could not start, in an {@link ErkStartException} that names the command and the
 * reason and carries the error seen: checks made before spawning, a spawn that hands over the
 * exception NuProcess would only log, and the reading of that exception's errno.
 *
 * <p>Messages read {@code could not start `<command>`: <reason>}, the command shortened so that a
 * huge argument cannot make a huge message.
 */
public final class StartFailures {
  /**
   * JDK 17 writes {@code error=2, …}, JDK 25 {@code error: 2 (…)}, NuProcess {@code last error:
   * 24}.
   */
  private static final Pattern ERRNO = Pattern.compile("error(?:=|: )(\\d+)");

  private static final int ARGUMENT_CHARS = 60;
  private static final int COMMAND_CHARS = 400;

  private StartFailures() {}

  /**
   * Checks what can be known before spawning: the working directory, the executable, and the sizes
   * of the arguments and the environment.
   *
   * @throws ErkStartException naming the first problem found
   */
  public static void check(
      List<String> command, Path workingDirectory, Map<String, String> environment) {
    FileProblems.Problem problem = FileProblems.workingDirectory(workingDirectory);
    if (problem == null) {
      problem = FileProblems.executable(Path.of(command.get(0)));
    }
    if (problem != null) {
      throw failure(command, problem.reason(), problem.cause());
    }
    String tooLong = ArgumentSizes.problem(command, environment);
    if (tooLong != null) {
      throw failure(command, tooLong, null);
    }
  }

  /**
   * Checks that the executable exists, is no directory and may be run.
   *
   * @throws ErkStartException if not, saying why (a broken symbolic link names its target)
   */
  public static void checkExecutable(Path executable, List<String> command) {
    FileProblems.Problem problem = FileProblems.executable(executable);
    if (problem != null) {
      throw failure(command, problem.reason(), problem.cause());
    }
  }

  /**
   * Checks, when a client is built, that erk can run in the directory.
   *
   * @throws ErkStartException if it does not exist, is no directory or cannot be entered
   */
  public static void checkWorkingDirectory(Path workingDirectory, Path executable) {
    FileProblems.Problem problem = FileProblems.workingDirectory(workingDirectory);
    if (problem != null) {
      throw new ErkStartException(
          problem.reason()
              + "; erk cannot run there: set "
              + "CliErkClient.builder().workingDirectory(…) to an existing directory",
          executable,
          List.of(executable.toString()),
          problem.cause());
    }
  }

  /**
   * Starts the builder's process. If NuProcess cannot start it, the exception it would have logged
   * with a stack trace (an {@link java.io.IOException} with the errno, or its failure to make
   * pipes) goes to {@code onFailure} instead, and nothing is logged.
   *
   * <p>{@code onFailure} runs at most once, on this thread, before NuProcess calls the handler's
   * {@code onExit(Integer.MIN_VALUE)} for the failed start; keep it short.
   *
   * @return the process, or null once {@code onFailure} has been called
   */
  public static @Nullable NuProcess start(NuProcessBuilder builder, Consumer<Throwable> onFailure) {
    return NuProcessStartLog.start(builder, onFailure);
  }

  /**
   * Loads NuProcess, checks what can be known beforehand (where a failed spawn may not say why, see
   * {@link ProcessPlatform#reportsStartFailures()}) and spawns {@code command} with {@code handler}
   * as its listener, on the calling thread. Never throws.
   *
   * @return what stopped the spawn (a check's {@link ErkStartException}, NuProcess's error, a
   *     missing library), or null if the child started (then the handler's {@code onStart} has run)
   */
  @SuppressWarnings("IllegalCatch") // anything, a LinkageError included, fails this call only
  static @Nullable Throwable spawn(
      List<String> command,
      Path workingDirectory,
      Map<String, String> environment,
      NuProcessHandler handler) {
    AtomicReference<@Nullable Throwable> error = new AtomicReference<>();
    try {
      // Here, not in a static initializer: a missing or broken JNA then fails this call, typed.
      NuProcessLoading.ensureLoaded();
      if (!ProcessPlatform.current().reportsStartFailures()) {
        // A failed spawn may not say why: look at the files and sizes first.
        check(command, workingDirectory, environment);
      }
      NuProcessBuilder builder = new NuProcessBuilder(command, environment);
      builder.setCwd(workingDirectory);
      builder.setProcessListener(handler);
      start(builder, error::set);
    } catch (Throwable e) {
      error.set(e);
    }
    return error.get();
  }

  /**
   * The exception for a process that did not start, from the errno in {@code cause} (if any) and
   * what is wrong now with the files and sizes involved.
   *
   * @param cause what the spawn threw or NuProcess logged; null if nothing was reported
   */
  public static ErkStartException explain(
      List<String> command,
      Path workingDirectory,
      Map<String, String> environment,
      @Nullable Throwable cause) {
    if (cause instanceof LinkageError) {
      // NuProcess or JNA missing, or a host's JNA native library that does not match.
      return failure(
          command,
          "erk-client could not load its process library ("
              + cause
              + "); put com.zaxxer:nuprocess 3.0.0 and net.java.dev.jna:jna 5.11 or newer on the"
              + " class path, and no other JNA native library (jna.boot.library.path)",
          cause);
    }
    OptionalInt errno = errno(cause);
    String reason =
        switch (errno.orElse(-1)) {
          case 7 -> ArgumentSizes.tooLong(command, environment);
          case 11 ->
              "the system refused to create another process (EAGAIN): the limit on processes"
                  + " (ulimit -u) may be reached";
          case 12 -> "there is not enough memory to create a process (ENOMEM)";
          case 23 -> "the system's table of open files is full (ENFILE)";
          case 24 -> tooManyOpenFiles();
          default -> fileProblem(command, workingDirectory, environment, errno, cause);
        };
    return failure(command, reason, cause);
  }

  private static String fileProblem(
      List<String> command,
      Path workingDirectory,
      Map<String, String> environment,
      OptionalInt errno,
      @Nullable Throwable cause) {
    Path executable = Path.of(command.get(0));
    FileProblems.Problem problem = FileProblems.workingDirectory(workingDirectory);
    if (problem == null) {
      problem = FileProblems.executable(executable);
    }
    if (problem == null) {
      problem = FileProblems.interpreter(executable, workingDirectory);
    }
    if (problem != null) {
      return problem.reason();
    }
    String tooLong = errno.isEmpty() ? ArgumentSizes.problem(command, environment) : null;
    if (tooLong != null) {
      return tooLong;
    }
    return switch (errno.orElse(-1)) {
      case 2 ->
          executable
              + " or a file it needs was not found (ENOENT): for a program, its"
              + " loader (ELF interpreter) may be missing";
      case 8 ->
          executable
              + " is not in a format this system can run (ENOEXEC): a script needs"
              + " a #! line";
      case 13 ->
          "permission denied (EACCES): is " + executable + " on a file system mounted" + " noexec?";
      case 26 -> executable + " is open for writing (ETXTBSY): is it being installed?";
      case 40 -> executable + " has too many levels of symbolic links (ELOOP)";
      default ->
          cause == null
              ? "the process did not start, and no reason was reported"
              : String.valueOf(cause);
    };
  }

  private static String tooManyOpenFiles() {
    OptionalLong open = SpawnLimits.openFiles();
    OptionalLong limit = SpawnLimits.openFilesLimit();
    String counts =
        (open.isPresent() ? "; this JVM has " + open.getAsLong() + " open" : "")
            + (limit.isPresent()
                ? (open.isPresent() ? " and its" : "; its")
                    + " limit (ulimit -n) is "
                    + limit.getAsLong()
                : "");
    return "too many open files (EMFILE)"
        + counts
        + ": close the files, streams or processes that leak, or raise the limit";
  }

  static OptionalInt errno(@Nullable Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null) {
        Matcher m = ERRNO.matcher(message);
        if (m.find()) {
          try {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
          } catch (NumberFormatException e) {
            return OptionalInt.empty();
          }
        }
      }
    }
    return OptionalInt.empty();
  }

  private static ErkStartException failure(
      List<String> command, String reason, @Nullable Throwable cause) {
    return new ErkStartException(
        "could not start `" + shorten(command) + "`: " + reason,
        Path.of(command.get(0)),
        command,
        cause);
  }

  /**
   * The command as {@link dev.erk.client.internal.CommandLines#describe} writes it, long arguments
   * cut short.
   */
  static String shorten(List<String> command) {
    List<String> shortened = new ArrayList<>(command.size());
    for (String argument : command) {
      shortened.add(
          argument.length() <= ARGUMENT_CHARS
              ? argument
              : argument.substring(0, ARGUMENT_CHARS) + "…(" + argument.length() + " chars)");
    }
    String described = CommandLines.describe(shortened);
    return described.length() <= COMMAND_CHARS
        ? described
        : described.substring(0, COMMAND_CHARS) + "…(" + command.size() + " arguments)";
  }
}
