package dev.erk.client.testkit;

import static dev.erk.client.ErkGeneration.CURRENT;
import static dev.erk.client.ErkGeneration.V0_9_0;
import static dev.erk.client.ErkGeneration.V0_9_11;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.erk.client.ErkGeneration;
import dev.erk.client.cli.CliErkClient;
import dev.erk.client.details.DetailQuery;
import dev.erk.client.details.DiscussionComments;
import dev.erk.client.details.ObjectiveChecks;
import dev.erk.client.details.ObjectiveRoadmap;
import dev.erk.client.details.ReviewThreads;
import dev.erk.client.details.RoadmapPhase;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Records built by {@link DetailRecords} to match a {@link DetailFixtures} fixture equal what
 * {@code CliErkClient} decodes from that fixture's bytes, played by a real {@link FakeErk} process:
 * the builders and the decoding agree on every component.
 */
class DetailRecordsParityTest {
  private static final String TITLE = "Add widget cache";

  private final FakeErk erk = FakeErk.create();
  private CliErkClient client = erk.client();

  @AfterEach
  void close() {
    client.close();
    erk.close();
  }

  private <T> T decoded(ErkGeneration generation, DetailFixtures fixture, DetailQuery<T> query) {
    client.close();
    client = erk.clientBuilder().generation(generation).build();
    fixture.stubOn(erk);
    return client.fetch(query);
  }

  private static ReviewThreads threads() {
    return DetailRecords.reviewThreads(
        42,
        TITLE,
        DetailRecords.thread(
            "PRRT_kwDOA1",
            "src/widgets/core.py",
            42,
            false,
            DetailRecords.comment(
                "reviewer1",
                "Please rename this \u2014 `val` is vague.",
                OffsetDateTime.parse("2026-04-10T09:15:00Z")),
            DetailRecords.comment(
                "author1", "Done.", OffsetDateTime.parse("2026-04-10T10:02:31Z"))),
        DetailRecords.thread(
            "PRRT_kwDOA2",
            "README.md",
            null,
            true,
            DetailRecords.comment(
                "reviewer2",
                "Typo in the heading.",
                OffsetDateTime.parse("2026-04-11T14:00:00Z"))));
  }

  private static DiscussionComments discussion() {
    return DetailRecords.discussion(
        42,
        TITLE,
        DetailRecords.discussionComment(42, 2001, "reviewer1", "Looks good overall \uD83D\uDC4D"));
  }

  @Test
  void reviewThreadsAndDiscussion() {
    assertEquals(
        threads(), decoded(CURRENT, DetailFixtures.REVIEW_THREADS, DetailQuery.reviewThreads(42)));
    assertEquals(
        discussion(), decoded(CURRENT, DetailFixtures.DISCUSSION, DetailQuery.discussion(42)));
    assertEquals(
        DetailRecords.discussion(42, TITLE),
        decoded(CURRENT, DetailFixtures.DISCUSSION_EMPTY, DetailQuery.discussion(42)));
  }

  @Test
  void feedbackWithReviewsAndWithout() {
    assertEquals(
        DetailRecords.feedback(
            threads(),
            discussion(),
            DetailRecords.review(
                "PRR_kwDOB1",
                "reviewer1",
                "CHANGES_REQUESTED",
                "A few nits.",
                OffsetDateTime.parse("2026-04-10T09:20:00Z"))),
        decoded(CURRENT, DetailFixtures.FEEDBACK, DetailQuery.feedback(42)));
    assertEquals(
        DetailRecords.feedbackWithoutReviews(threads(), discussion()),
        decoded(V0_9_11, DetailFixtures.FEEDBACK_V0_9, DetailQuery.feedback(42)));
  }

  @Test
  void planInfoAndHeaderFields() {
    assertEquals(
        DetailRecords.planInfo(42, TITLE, 7, "# Plan\n\n1. Add a cache\n2. Test it\n"),
        decoded(CURRENT, DetailFixtures.PLAN_INFO, DetailQuery.planInfo(42)));
    assertEquals(
        DetailRecords.planHeaderField(42, "objective_id", 7),
        decoded(
            CURRENT, DetailFixtures.HEADER_FIELD, DetailQuery.planHeaderField(42, "objective_id")));
    assertEquals(
        DetailRecords.planHeaderField(42, "worktree_name", null),
        decoded(
            CURRENT,
            DetailFixtures.HEADER_FIELD_ABSENT,
            DetailQuery.planHeaderField(42, "worktree_name")));
  }

  @Test
  void objectiveChecksDerivedFromTheRoadmap() {
    ObjectiveRoadmap decodedRoadmap =
        decoded(V0_9_11, DetailFixtures.OBJECTIVE_V0_9_11, DetailQuery.objective(7));
    ObjectiveRoadmap roadmap =
        DetailRecords.roadmap(7, decodedRoadmap.phases().toArray(RoadmapPhase[]::new));
    ObjectiveChecks built =
        DetailRecords.objectiveChecks(
            roadmap,
            DetailRecords.passedCheck("Issue has erk-objective label"),
            DetailRecords.passedCheck("Roadmap parses successfully"),
            DetailRecords.passedCheck("Status/PR consistency"),
            DetailRecords.passedCheck("No orphaned done statuses (done steps have PR references)"),
            DetailRecords.passedCheck("Phase numbering is sequential"),
            DetailRecords.passedCheck("objective-header has objective_comment_id"),
            DetailRecords.passedCheck("PR references use '#' prefix"),
            DetailRecords.passedCheck("Roadmap table in sync with YAML"));
    assertEquals(
        built,
        decoded(V0_9_0, DetailFixtures.OBJECTIVE_CHECKS_V0_9, DetailQuery.objectiveChecks(7)));
  }

  @Test
  void plansForObjectiveAndIssueBody() {
    assertEquals(
        DetailRecords.plansForObjective(
            7, DetailRecords.openPlan(42, TITLE), DetailRecords.closedPlan(40, "Add widget store")),
        decoded(CURRENT, DetailFixtures.PLANS_FOR_OBJECTIVE, DetailQuery.plansForObjective(7)));
    assertEquals(
        DetailRecords.plansForObjective(7),
        decoded(
            CURRENT, DetailFixtures.PLANS_FOR_OBJECTIVE_EMPTY, DetailQuery.plansForObjective(7)));
    assertEquals(
        DetailRecords.plansForObjective(7, DetailRecords.openPlan(42, TITLE)),
        decoded(
            V0_9_11, DetailFixtures.PLANS_FOR_OBJECTIVE_V0_9, DetailQuery.plansForObjective(7)));
    assertEquals(
        DetailRecords.issueBody(
            7, "Objective: widget cache", "<!-- erk:metadata-block:objective-roadmap -->\n..."),
        decoded(CURRENT, DetailFixtures.ISSUE_BODY, DetailQuery.issueBody(7)));
  }
}
