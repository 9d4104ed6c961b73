package dev.erk.client;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The part of erk's click command tree that the catalogue's command lines reach, per generation,
 * read from the click decorators in erk's source (docs/catalogue.md): each command's path, how many
 * positional arguments it takes, and its options (a trailing {@code =} marks an option that takes a
 * value). {@link #parse} checks an argv as click would: a known path, known options, a value for
 * every option that takes one, and the right number of positional arguments.
 */
final class ClickTree {
  private record Command(String positionals, Set<String> options) {}

  private static final String LAND_0_7 =
      "--pr-number= --branch= --worktree-path= "
          + "--is-current-branch --target-child= --objective-number= --use-graphite --pull --no-pull "
          + "--no-delete --script --up -f --force";
  private static final String LAND_0_9_0 = LAND_0_7 + " --plan-number= --no-cleanup --down";
  private static final String LAND_0_9_11 = LAND_0_9_0 + " --skip-learn";
  private static final String LAND_CURRENT =
      LAND_0_7 + " --linked-pr-number= --no-cleanup --down --skip-learn";
  private static final String OBJECTIVE_PLAN =
      "-d --dangerous --one-shot -m= --model= --dry-run "
          + "--node= --next --all-unblocked --ref= --ref-current --repo=";
  private static final String ONE_SHOT =
      "-f= --file= -m= --model= --dry-run --plan-only --slug= " + "--ref= --ref-current --repo=";

  private static final Map<ErkGeneration, Map<String, Command>> TREE =
      Map.of(
          ErkGeneration.CURRENT,
              tree(
                  "exec close-pr|1|--comment=",
                  "pr close|1|--repo=",
                  "pr dispatch|*|--base= --ref= --ref-current --repo=",
                  "exec land-execute|0|" + LAND_CURRENT,
                  "exec objective-update-after-land|0|--objective= --pr= --branch=",
                  "launch|1|--pr= --no-squash --model= --prompt= --ref= --ref-current",
                  "exec incremental-dispatch|0|--plan-file= --pr= --ref= --ref-current --format=",
                  "exec cmux-open-pr|0|--pr= --branch= --mode=",
                  "objective check|1|--json-output --repo=",
                  "objective close|1|-f --force --repo=",
                  "objective plan|?|" + OBJECTIVE_PLAN,
                  "one-shot|?|" + ONE_SHOT,
                  "workflow run cancel|1|",
                  "workflow run retry|1|--failed"),
          ErkGeneration.V0_9_11,
              tree(
                  "exec close-pr|1|--comment=",
                  "pr close|1|--repo=",
                  "pr dispatch|*|--base= --ref= --ref-current --repo=",
                  "exec land-execute|0|" + LAND_0_9_11,
                  "exec objective-update-after-land|0|--objective= --pr= --branch=",
                  "launch|1|--pr= --plan= --no-squash --model= --prompt= --ref= --ref-current",
                  "exec incremental-dispatch|0|--plan-file= --pr= --ref= --ref-current --format=",
                  "exec cmux-open-pr|0|--pr= --branch= --mode=",
                  "objective check|1|--json-output",
                  "objective close|1|-f --force",
                  "objective plan|?|" + OBJECTIVE_PLAN,
                  "one-shot|?|" + ONE_SHOT),
          ErkGeneration.V0_9_0,
              tree(
                  "exec close-pr|1|--comment=",
                  "pr close|1|",
                  "pr dispatch|*|--base=",
                  "exec land-execute|0|" + LAND_0_9_0,
                  "exec objective-update-after-land|0|--objective= --pr= --branch= --plan-number=",
                  "launch|1|--pr= --plan= --no-squash --model=",
                  "objective check|1|--json-output",
                  "objective close|1|-f --force",
                  "objective plan|?|" + OBJECTIVE_PLAN,
                  "one-shot|?|" + ONE_SHOT),
          ErkGeneration.V0_7,
              tree(
                  "exec close-issue-with-comment|1|--comment=",
                  "plan close|1|",
                  "plan submit|*|--base= -f --force",
                  "exec land-execute|0|" + LAND_0_7,
                  "launch|1|--pr= --issue= --objective= --no-squash --dry-run --model=",
                  "objective check|1|--json-output",
                  "objective close|1|-f --force"));

  private ClickTree() {}

  private static Map<String, Command> tree(String... commands) {
    Map<String, Command> tree = new HashMap<>();
    for (String command : commands) {
      String[] parts = command.split("\\|", -1);
      Set<String> options =
          Arrays.stream(parts[2].split(" ")).filter(o -> !o.isEmpty()).collect(Collectors.toSet());
      tree.put(parts[0], new Command(parts[1], options));
    }
    return tree;
  }

  /**
   * Checks that click would accept the argv (after {@code erk}) in that generation.
   *
   * @throws AssertionError naming what click would refuse
   */
  static void parse(ErkGeneration generation, List<String> argv) {
    Map<String, Command> tree = requireNonNull(TREE.get(generation));
    String path = null;
    for (int words = Math.min(3, argv.size()); words > 0 && path == null; words--) {
      String candidate = String.join(" ", argv.subList(0, words));
      if (tree.containsKey(candidate)) {
        path = candidate;
      }
    }
    if (path == null) {
      throw new AssertionError("no such command in erk " + generation.label() + ": " + argv);
    }
    Command command = requireNonNull(tree.get(path));
    int positionals = 0;
    List<String> rest = argv.subList(path.split(" ").length, argv.size());
    for (int i = 0; i < rest.size(); i++) {
      String token = rest.get(i);
      if (token.startsWith("-") && token.length() > 1) {
        int eq = token.indexOf('=');
        String name = eq < 0 ? token : token.substring(0, eq);
        boolean takesValue = command.options().contains(name + "=");
        if (!takesValue && !command.options().contains(name)) {
          throw new AssertionError(
              "no such option "
                  + name
                  + " in erk "
                  + generation.label()
                  + " "
                  + path
                  + ": "
                  + argv);
        }
        if (takesValue && eq < 0) {
          if (++i >= rest.size()) {
            throw new AssertionError(name + " needs a value: " + argv);
          }
        } else if (!takesValue && eq >= 0) {
          throw new AssertionError(name + " takes no value: " + argv);
        }
      } else {
        positionals++;
      }
    }
    boolean fits =
        switch (command.positionals()) {
          case "*" -> positionals >= 1;
          case "?" -> positionals <= 1;
          default -> positionals == Integer.parseInt(command.positionals());
        };
    if (!fits) {
      throw new AssertionError(
          path
              + " takes "
              + command.positionals()
              + " arguments, not "
              + positionals
              + ": "
              + argv);
    }
  }
}
