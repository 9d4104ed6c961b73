package dev.erk.examples;

import dev.erk.client.testkit.ArgvPattern;
import dev.erk.client.testkit.DetailFixtures;
import dev.erk.client.testkit.FakeErk;
import dev.erk.client.testkit.Fixtures;
import dev.erk.client.testkit.Reply;

/**
 * Scripts the fake for {@code Dashboard --pr} and {@code --objective}: current erk (its version,
 * and the {@code land-execute} option that tells it from the v0.9.11 release), and the testkit's
 * detail fixtures for PR 42 and objective 7, whichever number is asked for.
 */
final class DemoDetails {
  private DemoDetails() {}

  static void script(FakeErk erk) {
    erk.stubFor(ArgvPattern.exactly("--version")).willReturn(Fixtures.VERSION_0_9_11.reply());
    erk.stubFor(ArgvPattern.exactly("exec", "land-execute", "--help"))
        .willReturn(
            Reply.stdout(
                """
                Usage: erk exec land-execute [OPTIONS]
                  --linked-pr-number INTEGER
                """));
    answer(erk, DetailFixtures.PR_VIEW, "exec", "get-pr-view");
    answer(erk, DetailFixtures.REVIEW_THREADS, "exec", "get-pr-review-comments");
    answer(erk, DetailFixtures.CI_SUMMARIES, "exec", "ci-fetch-summaries");
    answer(erk, DetailFixtures.PLAN_LOG, "pr", "log");
    answer(erk, DetailFixtures.OBJECTIVE, "json", "objective", "view");
  }

  private static void answer(FakeErk erk, DetailFixtures fixture, String... command) {
    erk.stubFor(ArgvPattern.prefix(command)).willReturn(fixture.reply());
  }
}
