package dev.erk.client.testkit;

import static dev.erk.client.ErkGeneration.CURRENT;
import static dev.erk.client.ErkGeneration.V0_7;
import static dev.erk.client.ErkGeneration.V0_9_0;
import static dev.erk.client.ErkGeneration.V0_9_11;
import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkGeneration;
import dev.erk.client.cli.CliErkClient;
import dev.erk.client.details.CiSummaries;
import dev.erk.client.details.DetailQuery;
import dev.erk.client.details.DiscussionComments;
import dev.erk.client.details.IssueBody;
import dev.erk.client.details.ObjectiveChecks;
import dev.erk.client.details.ObjectivePlans;
import dev.erk.client.details.ObjectiveRoadmap;
import dev.erk.client.details.PlanHeaderField;
import dev.erk.client.details.PlanInfo;
import dev.erk.client.details.PlanLog;
import dev.erk.client.details.PrFeedback;
import dev.erk.client.details.PullRequestView;
import dev.erk.client.details.ReviewThread;
import dev.erk.client.details.ReviewThreads;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every detail query decoded by {@code CliErkClient} from erk's bytes ({@link DetailFixtures}),
 * played by a real {@link FakeErk} process, at each generation that has the command: success, empty
 * answers and the error shapes.
 */
class DetailQueriesTest {
  private final FakeErk erk = FakeErk.create();
  private CliErkClient client = erk.client();

  @AfterEach
  void close() {
    client.close();
    erk.close();
  }

  private <T> T fetch(ErkGeneration generation, DetailFixtures fixture, DetailQuery<T> query) {
    client.close();
    client = erk.clientBuilder().generation(generation).build();
    fixture.stubOn(erk);
    return client.fetch(query);
  }

  private ErkCommandFailedException fails(
      ErkGeneration generation, DetailFixtures fixture, DetailQuery<?> query) {
    return assertThrows(ErkCommandFailedException.class, () -> fetch(generation, fixture, query));
  }

  @Test
  void reviewThreadsAtEveryGeneration() {
    for (ErkGeneration g : List.of(CURRENT, V0_9_11, V0_9_0, V0_7)) {
      ReviewThreads threads =
          fetch(g, DetailFixtures.REVIEW_THREADS, DetailQuery.reviewThreads(42));
      assertEquals(42, threads.prNumber());
      assertEquals(2, threads.threads().size());
      ReviewThread first = threads.threads().get(0);
      assertEquals("src/widgets/core.py:42", first.location());
      assertEquals("Please rename this \u2014 `val` is vague.", first.comments().get(0).body());
      assertEquals(
          OffsetDateTime.parse("2026-04-10T09:15:00Z"), first.comments().get(0).createdAt());
      assertNull(threads.threads().get(1).line());
      assertTrue(threads.threads().get(1).outdated());
      assertEquals("README.md", threads.threads().get(1).location());
    }
  }

  @Test
  void reviewThreadsEmptyAndTheExitZeroErrors() {
    assertTrue(
        fetch(CURRENT, DetailFixtures.REVIEW_THREADS_EMPTY, DetailQuery.reviewThreads(42))
            .threads()
            .isEmpty());
    ErkCommandFailedException e =
        fails(CURRENT, DetailFixtures.REVIEW_THREADS_PR_NOT_FOUND, DetailQuery.reviewThreads(42));
    assertEquals("PR #42 not found", e.erkMessage());
    assertEquals(Optional.of("pr-not-found"), e.errorType());
    assertEquals(0, e.result().exitCode());
    e = fails(V0_7, DetailFixtures.REVIEW_THREADS_API_FAILED, DetailQuery.reviewThreads(42));
    assertEquals(Optional.of("github-api-failed"), e.errorType());
    assertTrue(e.erkMessage().startsWith("GraphQL query failed"), e.erkMessage());
  }

  @Test
  void feedbackWithReviewsAtCurrentAndWithoutBefore() {
    PrFeedback now = fetch(CURRENT, DetailFixtures.FEEDBACK, DetailQuery.feedback(42));
    assertEquals("CHANGES_REQUESTED", requireNonNull(now.reviews()).get(0).state());
    assertEquals(2, now.reviewThreads().size());
    assertEquals(2001L, now.discussionComments().get(0).id());
    for (ErkGeneration g : List.of(V0_9_11, V0_9_0)) {
      PrFeedback old = fetch(g, DetailFixtures.FEEDBACK_V0_9, DetailQuery.feedback(42));
      assertNull(old.reviews());
      assertEquals(1, old.discussionComments().size());
    }
    assertEquals(
        Optional.of("pr-not-found"),
        fails(CURRENT, DetailFixtures.FEEDBACK_PR_NOT_FOUND, DetailQuery.feedback(42)).errorType());
  }

  @Test
  void discussionCommentsEmptyAndNotFound() {
    for (ErkGeneration g : List.of(CURRENT, V0_9_11, V0_9_0, V0_7)) {
      DiscussionComments comments = fetch(g, DetailFixtures.DISCUSSION, DetailQuery.discussion(42));
      assertEquals("Looks good overall \uD83D\uDC4D", comments.comments().get(0).body());
    }
    assertTrue(
        fetch(CURRENT, DetailFixtures.DISCUSSION_EMPTY, DetailQuery.discussion(42))
            .comments()
            .isEmpty());
    assertEquals(
        "PR #42 not found",
        fails(V0_9_0, DetailFixtures.DISCUSSION_PR_NOT_FOUND, DetailQuery.discussion(42))
            .erkMessage());
  }

  @Test
  void pullRequestView() {
    for (ErkGeneration g : List.of(CURRENT, V0_9_11, V0_9_0)) {
      PullRequestView pr = fetch(g, DetailFixtures.PR_VIEW, DetailQuery.pullRequest(42));
      assertTrue(pr.draft());
      assertEquals("BLOCKED", pr.mergeStateStatus());
      assertEquals(List.of("erk-pr", "erk-plan"), pr.labels());
      assertEquals(OffsetDateTime.parse("2026-04-11T14:00:00+00:00"), pr.updatedAt());
    }
    ErkCommandFailedException e =
        fails(CURRENT, DetailFixtures.PR_VIEW_NOT_FOUND, DetailQuery.pullRequest(42));
    assertEquals("PR not found", e.erkMessage());
    assertEquals(Optional.empty(), e.errorType());
  }

  @Test
  void planInfoAtCurrentAndAsGetPlanInfoBefore() {
    PlanInfo now = fetch(CURRENT, DetailFixtures.PLAN_INFO, DetailQuery.planInfo(42));
    assertEquals("42", now.prNumber());
    assertEquals(7, now.objectiveId());
    assertEquals("main", now.baseRefName());
    assertTrue(requireNonNull(now.body()).startsWith("# Plan"));
    for (ErkGeneration g : List.of(V0_9_11, V0_9_0)) {
      PlanInfo old = fetch(g, DetailFixtures.PLAN_INFO_V0_9, DetailQuery.planInfo(42));
      assertEquals("42", old.prNumber());
      assertNull(old.objectiveId());
      assertNull(old.headRefName());
    }
    ErkCommandFailedException e =
        fails(CURRENT, DetailFixtures.PLAN_INFO_NOT_FOUND, DetailQuery.planInfo(42));
    assertEquals("PR #42 not found", e.erkMessage());
    assertEquals(Optional.of("pr_not_found"), e.errorType());
    assertEquals(
        Optional.of("plan_not_found"),
        fails(V0_9_0, DetailFixtures.PLAN_INFO_V0_9_NOT_FOUND, DetailQuery.planInfo(42))
            .errorType());
  }

  @Test
  void planHeaderFieldPresentAbsentAndNotFoundAtEveryGeneration() {
    PlanHeaderField field =
        fetch(
            CURRENT, DetailFixtures.HEADER_FIELD, DetailQuery.planHeaderField(42, "objective_id"));
    assertEquals(7, field.value());
    assertEquals(
        Optional.empty(),
        fetch(
                CURRENT,
                DetailFixtures.HEADER_FIELD_ABSENT,
                DetailQuery.planHeaderField(42, "worktree_name"))
            .present());
    for (ErkGeneration g : List.of(V0_9_11, V0_9_0)) {
      assertEquals(
          7,
          fetch(
                  g,
                  DetailFixtures.HEADER_FIELD_V0_9,
                  DetailQuery.planHeaderField(42, "objective_id"))
              .value());
    }
    assertEquals(
        42,
        fetch(
                V0_7,
                DetailFixtures.HEADER_FIELD_V0_7,
                DetailQuery.planHeaderField(42, "objective_id"))
            .prNumber());
    assertEquals(
        Optional.of("issue_not_found"),
        fails(
                CURRENT,
                DetailFixtures.HEADER_FIELD_NOT_FOUND,
                DetailQuery.planHeaderField(42, "objective_id"))
            .errorType());
  }

  @Test
  void ciSummariesEmptyObjectIsNoSummaries() {
    for (ErkGeneration g : List.of(CURRENT, V0_9_11)) {
      CiSummaries two = fetch(g, DetailFixtures.CI_SUMMARIES, DetailQuery.ciSummaries(42));
      assertEquals(List.of("unit-tests", "lint"), List.copyOf(two.summaries().keySet()));
    }
    assertTrue(
        fetch(CURRENT, DetailFixtures.CI_SUMMARIES_EMPTY, DetailQuery.ciSummaries(42)).isEmpty());
    assertEquals(
        "PR #42 not found",
        fails(CURRENT, DetailFixtures.CI_SUMMARIES_PR_NOT_FOUND, DetailQuery.ciSummaries(42))
            .erkMessage());
  }

  @Test
  void planLogIsReadFromStderr() {
    for (ErkGeneration g : List.of(CURRENT, V0_9_11, V0_9_0)) {
      PlanLog log = fetch(g, DetailFixtures.PLAN_LOG, DetailQuery.planLog(42));
      assertEquals(3, log.events().size());
      assertEquals("submission-queued", log.events().get(1).eventType());
      assertEquals("author1", log.events().get(1).metadata().get("submitted_by"));
      assertEquals(OffsetDateTime.parse("2026-04-09T08:00:00+00:00"), log.events().get(0).time());
    }
    assertEquals(
        42,
        fetch(V0_7, DetailFixtures.PLAN_LOG_V0_7, DetailQuery.planLog(42))
            .events()
            .get(0)
            .metadata()
            .get("issue_number"));
    assertTrue(
        fetch(CURRENT, DetailFixtures.PLAN_LOG_EMPTY, DetailQuery.planLog(42)).events().isEmpty());
    assertTrue(
        fails(CURRENT, DetailFixtures.PLAN_LOG_NOT_FOUND, DetailQuery.planLog(42))
            .erkMessage()
            .contains("PR '42' not found"));
  }

  @Test
  void objectiveRoadmapAtEveryGenerationThatHasIt() {
    ObjectiveRoadmap now = fetch(CURRENT, DetailFixtures.OBJECTIVE, DetailQuery.objective(7));
    assertEquals(7, now.issueNumber());
    assertEquals("2A", now.phases().get(1).label());
    assertEquals("Not needed any more", now.phases().get(1).nodes().get(1).comment());
    assertNull(now.phases().get(1).nodes().get(1).dependsOn());
    assertEquals("1.2", now.graph().nextNode());
    assertEquals(1, now.summary().inFlight());
    assertTrue(now.extras().isEmpty(), now.extras().toString());
    ObjectiveRoadmap release =
        fetch(V0_9_11, DetailFixtures.OBJECTIVE_V0_9_11, DetailQuery.objective(7));
    assertEquals("Not needed any more", release.phases().get(1).nodes().get(1).comment());
    ObjectiveRoadmap old = fetch(V0_9_0, DetailFixtures.OBJECTIVE_V0_9_0, DetailQuery.objective(7));
    assertNull(old.phases().get(1).nodes().get(1).comment());
    assertEquals(now.graph(), old.graph());
    assertEquals(
        Optional.of("not_found"),
        fails(CURRENT, DetailFixtures.OBJECTIVE_NOT_FOUND, DetailQuery.objective(7)).errorType());
    assertEquals(
        "Issue #7 is not an objective (missing erk-objective label)",
        fails(CURRENT, DetailFixtures.OBJECTIVE_NOT_OBJECTIVE, DetailQuery.objective(7))
            .erkMessage());
    assertTrue(
        fails(V0_9_11, DetailFixtures.OBJECTIVE_V0_9_NOT_FOUND, DetailQuery.objective(7))
            .erkMessage()
            .contains("Issue #7 not found"));
  }

  @Test
  void objectiveChecksAreDataEvenWhenTheyFail() {
    ObjectiveChecks now =
        fetch(CURRENT, DetailFixtures.OBJECTIVE_CHECKS, DetailQuery.objectiveChecks(7));
    assertFalse(now.passed());
    assertEquals("2.1", requireNonNull(now.nextNode()).id());
    assertEquals("pending", requireNonNull(now.nextNode()).extras().get("status"));
    assertEquals(List.of(), now.validationErrors());
    assertEquals(false, now.allComplete());
    ObjectiveChecks failing =
        fetch(
            V0_9_11, DetailFixtures.OBJECTIVE_CHECKS_V0_9_FAILING, DetailQuery.objectiveChecks(7));
    assertFalse(failing.passed());
    assertEquals(
        List.of("Roadmap table out of sync with YAML source of truth"),
        failing.checks().stream()
            .filter(c -> !c.passed())
            .map(ObjectiveChecks.Check::description)
            .toList());
    assertTrue(
        fetch(V0_9_0, DetailFixtures.OBJECTIVE_CHECKS_V0_9, DetailQuery.objectiveChecks(7))
            .passed());
    ObjectiveChecks old =
        fetch(V0_7, DetailFixtures.OBJECTIVE_CHECKS_V0_7, DetailQuery.objectiveChecks(7));
    assertEquals(2, old.summary().totalNodes());
    assertEquals("Phase 1", requireNonNull(old.nextNode()).phase());
    assertEquals(2, old.phases().get(0).nodes().size());
    assertNull(old.allComplete());
    assertEquals(
        Optional.of("validation_error"),
        fails(CURRENT, DetailFixtures.OBJECTIVE_CHECKS_ERROR, DetailQuery.objectiveChecks(7))
            .errorType());
    assertEquals(
        "Issue #7 not found",
        fails(V0_9_11, DetailFixtures.OBJECTIVE_CHECKS_V0_9_ERROR, DetailQuery.objectiveChecks(7))
            .erkMessage());
  }

  @Test
  void plansForObjectiveAndIssueBody() {
    ObjectivePlans plans =
        fetch(CURRENT, DetailFixtures.PLANS_FOR_OBJECTIVE, DetailQuery.plansForObjective(7));
    assertEquals(List.of(42, 40), plans.plans().stream().map(ObjectivePlans.Plan::number).toList());
    for (ErkGeneration g : List.of(V0_9_11, V0_9_0, V0_7)) {
      assertEquals(
          1,
          fetch(g, DetailFixtures.PLANS_FOR_OBJECTIVE_V0_9, DetailQuery.plansForObjective(7))
              .plans()
              .size());
    }
    assertTrue(
        fetch(CURRENT, DetailFixtures.PLANS_FOR_OBJECTIVE_EMPTY, DetailQuery.plansForObjective(7))
            .plans()
            .isEmpty());
    assertTrue(
        fails(CURRENT, DetailFixtures.PLANS_FOR_OBJECTIVE_ERROR, DetailQuery.plansForObjective(7))
            .erkMessage()
            .startsWith("Failed to list erk-prs"));
    for (ErkGeneration g : List.of(CURRENT, V0_9_11, V0_9_0, V0_7)) {
      IssueBody issue = fetch(g, DetailFixtures.ISSUE_BODY, DetailQuery.issueBody(7));
      assertEquals(List.of("erk-objective"), issue.labels());
    }
    assertEquals(
        "Issue #7 not found",
        fails(CURRENT, DetailFixtures.ISSUE_BODY_NOT_FOUND, DetailQuery.issueBody(7)).erkMessage());
  }

  @Test
  void aGenerationWithoutTheCommandFailsBeforeSpawningIt() {
    client.close();
    client = erk.clientBuilder().generation(V0_9_0).build();
    dev.erk.client.ErkUnsupportedActionException e =
        assertThrows(
            dev.erk.client.ErkUnsupportedActionException.class,
            () -> client.fetch(DetailQuery.ciSummaries(42)));
    assertTrue(e.getMessage().contains("erk 0.9.1"), e.getMessage());
    assertTrue(erk.invocations().isEmpty(), erk.invocations().toString());
  }

  @Test
  void unknownKeysAreKept() {
    erk.stubFor(ArgvPattern.exactly("exec", "get-issue-body", "7"))
        .willReturn(
            Reply.stdout(
                "{\"success\": true, \"issue_number\": 7, \"title\": \"t\", \"body\": \"b\", \"state\":"
                    + " \"OPEN\", \"labels\": [], \"url\": \"u\", \"author\": \"someone\"}\n"));
    assertEquals(Map.of("author", "someone"), client.fetch(DetailQuery.issueBody(7)).extras());
  }
}
