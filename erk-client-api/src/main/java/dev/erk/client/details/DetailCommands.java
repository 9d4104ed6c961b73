package dev.erk.client.details;

import static dev.erk.client.ErkGeneration.CURRENT;
import static dev.erk.client.ErkGeneration.V0_7;
import static dev.erk.client.ErkGeneration.V0_9_0;

import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkUnsupportedActionException;

/**
 * The command line of each detail query per generation, checked against the click definitions in
 * erk's source at 2656c0e1a (current), v0.9.11, v0.9.0 and v0.7.2; see docs/dashboard-details.md.
 * Versions named are the first release tag that contains the command.
 */
final class DetailCommands {
  private DetailCommands() {}

  static DetailCommand reviewThreads(int pr, boolean includeResolved) {
    // exec get-pr-review-comments: --pr INT, --include-resolved flag; the same since 0.3.0.
    return includeResolved
        ? DetailCommand.of("exec", "get-pr-review-comments", "--pr", pr(pr), "--include-resolved")
        : DetailCommand.of("exec", "get-pr-review-comments", "--pr", pr(pr));
  }

  static DetailCommand feedback(ErkGeneration generation, int pr, boolean includeResolved) {
    require(
        generation != V0_7,
        "feedback",
        generation,
        "`erk exec get-pr-feedback` was added in erk 0.9.0");
    return includeResolved
        ? DetailCommand.of("exec", "get-pr-feedback", "--pr", pr(pr), "--include-resolved")
        : DetailCommand.of("exec", "get-pr-feedback", "--pr", pr(pr));
  }

  static DetailCommand discussion(int pr) {
    return DetailCommand.of("exec", "get-pr-discussion-comments", "--pr", pr(pr));
  }

  static DetailCommand pullRequest(ErkGeneration generation, int pr) {
    // Argument PR_REF at current, an int PR_NUMBER before: a plain number suits both.
    require(
        generation != V0_7,
        "pullRequest",
        generation,
        "`erk exec get-pr-view` was added in erk 0.8.0");
    return DetailCommand.of("exec", "get-pr-view", pr(pr));
  }

  static DetailCommand planInfo(ErkGeneration generation, int pr) {
    require(
        generation != V0_7,
        "planInfo",
        generation,
        "`erk exec get-plan-info` was added in erk 0.8.0");
    return DetailCommand.of(
        "exec", generation == CURRENT ? "get-pr-info" : "get-plan-info", pr(pr), "--include-body");
  }

  static DetailCommand planHeaderField(ErkGeneration generation, int pr, String field) {
    return DetailCommand.of(
        "exec", generation == CURRENT ? "get-pr-metadata" : "get-plan-metadata", pr(pr), field);
  }

  static DetailCommand ciSummaries(ErkGeneration generation, int pr) {
    require(
        generation != V0_7 && generation != V0_9_0,
        "ciSummaries",
        generation,
        "`erk exec ci-fetch-summaries` was added in erk 0.9.1");
    return DetailCommand.of("exec", "ci-fetch-summaries", "--pr-number", pr(pr));
  }

  static DetailCommand planLog(ErkGeneration generation, int pr) {
    // `erk pr log` since 0.9.0; 0.7.x has the same command as `erk plan log`.
    return DetailCommand.of(generation == V0_7 ? "plan" : "pr", "log", pr(pr), "--json");
  }

  static DetailCommand objective(ErkGeneration generation, int number) {
    require(
        generation != V0_7,
        "objective",
        generation,
        "`erk objective view --json-output` was added in erk 0.8.0");
    return generation == CURRENT
        ? DetailCommand.withRequest(identifier(number), "json", "objective", "view")
        : DetailCommand.of("objective", "view", pr(number), "--json-output");
  }

  static DetailCommand objectiveChecks(ErkGeneration generation, int number) {
    return generation == CURRENT
        ? DetailCommand.withRequest(identifier(number), "json", "objective", "check")
        : DetailCommand.of("objective", "check", pr(number), "--json-output");
  }

  static DetailCommand plansForObjective(ErkGeneration generation, int number) {
    return DetailCommand.of(
        "exec",
        generation == CURRENT ? "get-prs-for-objective" : "get-plans-for-objective",
        pr(number));
  }

  static DetailCommand issueBody(int number) {
    return DetailCommand.of("exec", "get-issue-body", pr(number));
  }

  private static String identifier(int number) {
    return "{\"identifier\": \"" + number + "\"}";
  }

  private static String pr(int number) {
    return Integer.toString(number);
  }

  private static void require(
      boolean available, String query, ErkGeneration generation, String detail) {
    if (!available) {
      throw new ErkUnsupportedActionException(query, generation, detail);
    }
  }
}
