package dev.erk.client.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which command lines a stub answers or a verification counts: an exact argv, or command words
 * followed by options in any order.
 *
 * <pre>{@code
 * ArgvPattern version = ArgvPattern.exactly("--version");   // argv is exactly [--version]
 * ArgvPattern address = ArgvPattern.prefix("launch", "pr-address");  // argv starts with these words
 * ArgvPattern closed = ArgvPattern.command("exec", "dash-data")  // these words, and after them:
 *     .withOption("--state", "closed")                //   --state closed  or  --state=closed
 *     .withAnyValue("--limit")                        //   --limit N       or  --limit=N
 *     .withFlag("--show-runs")                        //   the bare word --show-runs
 *     .withNoOtherArguments();                        //   and nothing else
 * }</pre>
 *
 * <p>Options may appear in any order after the command words. A pattern is matched twice, with
 * identical rules: by the fake executable (compiled to sh) and by {@link #matches(List)} in Java.
 *
 * <p>Instances are immutable and thread-safe; every {@code with…} method returns a new pattern.
 */
public final class ArgvPattern {

  /** One requirement on the arguments after the command words. */
  record Requirement(String name, Kind kind, @Nullable String value) {
    enum Kind {
      FLAG,
      OPTION,
      ANY_VALUE
    }

    boolean takesValue() {
      return kind != Kind.FLAG;
    }
  }

  private final List<String> words;
  private final boolean exact;
  private final List<Requirement> requirements;
  private final boolean noOthers;

  private ArgvPattern(
      List<String> words, boolean exact, List<Requirement> requirements, boolean noOthers) {
    this.words = List.copyOf(words);
    this.exact = exact;
    this.requirements = List.copyOf(requirements);
    this.noOthers = noOthers;
  }

  /** Matches only the argv equal to {@code argv}, word for word. */
  public static ArgvPattern exactly(String... argv) {
    return exactly(Arrays.asList(argv));
  }

  /** Matches only the argv equal to {@code argv}, word for word. */
  public static ArgvPattern exactly(List<String> argv) {
    return new ArgvPattern(argv, true, List.of(), false);
  }

  /** Matches every argv that starts with {@code words}; an alias of {@link #command}. */
  public static ArgvPattern prefix(String... words) {
    return command(words);
  }

  /**
   * Matches an argv that starts with {@code words}; refine with the {@code with…} methods, which
   * look at the arguments after these words.
   */
  public static ArgvPattern command(String... words) {
    return new ArgvPattern(Arrays.asList(words), false, List.of(), false);
  }

  /** Also requires {@code name value} or {@code name=value} after the command words. */
  public ArgvPattern withOption(String name, String value) {
    return with(new Requirement(name, Requirement.Kind.OPTION, Objects.requireNonNull(value)));
  }

  /** Also requires option {@code name} with any value: {@code name X} or {@code name=X}. */
  public ArgvPattern withAnyValue(String name) {
    return with(new Requirement(name, Requirement.Kind.ANY_VALUE, null));
  }

  /** Also requires the bare word {@code name} (such as {@code --show-runs}). */
  public ArgvPattern withFlag(String name) {
    return with(new Requirement(name, Requirement.Kind.FLAG, null));
  }

  /** Rejects any argument after the command words that no requirement accounts for. */
  public ArgvPattern withNoOtherArguments() {
    checkNotExact();
    return new ArgvPattern(words, false, requirements, true);
  }

  private ArgvPattern with(Requirement requirement) {
    checkNotExact();
    String name = requirement.name();
    if (name.isEmpty() || name.indexOf('=') >= 0) {
      throw new IllegalArgumentException(
          "an option name must be non-empty and without '=': " + name);
    }
    List<Requirement> more = new ArrayList<>(requirements);
    more.add(requirement);
    return new ArgvPattern(words, false, more, noOthers);
  }

  private void checkNotExact() {
    if (exact) {
      throw new IllegalStateException("exactly(" + this + ") cannot take further requirements");
    }
  }

  /** Returns whether {@code argv} (without the program name) matches this pattern. */
  public boolean matches(List<String> argv) {
    if (exact) {
      return argv.equals(words);
    }
    if (argv.size() < words.size() || !argv.subList(0, words.size()).equals(words)) {
      return false;
    }
    boolean[] met = new boolean[requirements.size()];
    for (int i = words.size(); i < argv.size(); ) {
      String arg = argv.get(i);
      int consumed = 0;
      for (int r = 0; r < requirements.size(); r++) {
        Requirement req = requirements.get(r);
        String value = req.value();
        if (arg.equals(req.name())) {
          if (!req.takesValue()) {
            met[r] = true;
            consumed = Math.max(consumed, 1);
          } else if (i + 1 < argv.size() && (value == null || argv.get(i + 1).equals(value))) {
            met[r] = true;
            consumed = 2;
          }
        } else if (req.takesValue()
            && arg.startsWith(req.name() + "=")
            && (value == null || arg.substring(req.name().length() + 1).equals(value))) {
          met[r] = true;
          consumed = Math.max(consumed, 1);
        }
      }
      if (consumed == 0 && noOthers) {
        return false;
      }
      i += Math.max(consumed, 1);
    }
    for (boolean m : met) {
      if (!m) {
        return false;
      }
    }
    return true;
  }

  List<String> words() {
    return words;
  }

  boolean exact() {
    return exact;
  }

  List<Requirement> requirements() {
    return requirements;
  }

  boolean noOthers() {
    return noOthers;
  }

  /** The words this pattern expects, in order: for ranking how near an argv comes to it. */
  List<String> sampleArgv() {
    List<String> sample = new ArrayList<>(words);
    for (Requirement req : requirements) {
      sample.add(req.name());
      String value = req.value();
      if (value != null) {
        sample.add(value);
      }
    }
    return sample;
  }

  /**
   * Renders the pattern the way the docs above write it, e.g. {@code exec dash-data
   * --state=closed}.
   */
  @Override
  public String toString() {
    if (exact) {
      return "exactly [" + ShellQuoting.render(words) + "]";
    }
    StringBuilder out = new StringBuilder(ShellQuoting.render(words));
    for (Requirement req : requirements) {
      String value = req.value();
      out.append(out.length() == 0 ? "" : " ").append(ShellQuoting.render(req.name()));
      switch (req.kind()) {
        case OPTION -> out.append('=').append(ShellQuoting.render(Objects.requireNonNull(value)));
        case ANY_VALUE -> out.append("=<any>");
        case FLAG -> {}
      }
    }
    return out.append(noOthers ? " (nothing else)" : " …").toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ArgvPattern p
        && exact == p.exact
        && noOthers == p.noOthers
        && words.equals(p.words)
        && requirements.equals(p.requirements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(words, exact, requirements, noOthers);
  }
}
