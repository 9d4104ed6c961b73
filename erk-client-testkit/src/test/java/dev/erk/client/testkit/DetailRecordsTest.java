package dev.erk.client.testkit;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.details.DetailQuery;
import dev.erk.client.details.ObjectiveChecks;
import dev.erk.client.details.ObjectiveRoadmap;
import dev.erk.client.details.PlanInfo;
import dev.erk.client.details.PrFeedback;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every record {@link DetailRecords} builds is answered by {@link InMemoryErkClient}, and its
 * derived values follow erk's rules. Parity with the decoded fixtures is in {@link
 * DetailRecordsParityTest}.
 */
class DetailRecordsTest {

  private static <T> void roundTrips(DetailQuery<T> query, T record) {
    try (InMemoryErkClient erk = InMemoryErkClient.create().onDetail(query, record)) {
      assertSame(record, erk.fetch(query));
      assertSame(record, erk.fetchAsync(query).join());
    }
  }

  @Test
  void everyBuiltRecordIsAnsweredByTheInMemoryClient() {
    PrFeedback feedback =
        DetailRecords.feedback(
            DetailRecords.reviewThreads(
                42, DetailRecords.thread("src/app.py", 12, "reviewer", "Rename this")),
            DetailRecords.discussion(
                42, DetailRecords.discussionComment(42, 2001, "reviewer", "Looks good")),
            DetailRecords.review("reviewer", "APPROVED", ""));
    roundTrips(DetailQuery.feedback(42), feedback);
    roundTrips(
        DetailQuery.discussion(42),
        DetailRecords.discussion(42, DetailRecords.discussionComment(42, 1, "a", "b")));
    roundTrips(DetailQuery.planInfo(42), DetailRecords.planInfo(42, "Add cache", "# Plan"));
    roundTrips(
        DetailQuery.planHeaderField(42, "objective_id"),
        DetailRecords.planHeaderField(42, "objective_id", 7));
    ObjectiveRoadmap roadmap =
        DetailRecords.roadmap(7, DetailRecords.phase(1, DetailRecords.node("1.1", "pending")));
    roundTrips(
        DetailQuery.objectiveChecks(7),
        DetailRecords.objectiveChecks(roadmap, DetailRecords.passedCheck("Roadmap parses")));
    roundTrips(
        DetailQuery.plansForObjective(7),
        DetailRecords.plansForObjective(7, DetailRecords.openPlan(42, "Add cache")));
    roundTrips(DetailQuery.issueBody(7), DetailRecords.issueBody(7, "Objective: cache", "Roadmap"));
  }

  @Test
  void feedbackTakesThePrFromItsThreadsAndRefusesAnotherPrsDiscussion() {
    PrFeedback old =
        DetailRecords.feedbackWithoutReviews(
            DetailRecords.reviewThreads(42, "Add cache"), DetailRecords.discussion(42));
    assertNull(old.reviews());
    assertEquals("Add cache", old.prTitle());
    assertEquals("https://github.com/acme/widgets/pull/42", old.prUrl());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DetailRecords.feedback(DetailRecords.reviewThreads(42), DetailRecords.discussion(43)));
  }

  @Test
  void planInfoBranchesFromTheTitlesSlug() {
    PlanInfo info = DetailRecords.planInfo(42, "Add a cache (v2)!", "# Plan");
    assertEquals("plan-add-a-cache-v2", info.headRefName());
    assertEquals("42", info.prNumber());
    assertNull(info.objectiveId());
    assertEquals(7, DetailRecords.planInfo(42, "t", 7, "b").objectiveId());
  }

  @Test
  void objectiveChecksPickThePendingNodeBeforeTheOneInProgress() {
    ObjectiveRoadmap roadmap =
        DetailRecords.roadmap(
            7,
            DetailRecords.phase(1, DetailRecords.node("1.1", "in_progress")),
            DetailRecords.phase(2, DetailRecords.node("2.1", "pending", "1.1")));
    ObjectiveChecks checks =
        DetailRecords.objectiveChecks(
            roadmap,
            DetailRecords.passedCheck("Roadmap parses"),
            DetailRecords.failedCheck("Phase numbering is not sequential"));
    ObjectiveChecks.NextNode next = requireNonNull(checks.nextNode());
    assertEquals("2.1", next.id());
    assertEquals("Phase 2", next.phase());
    assertEquals(Map.of("slug", "", "status", "pending"), next.extras());
    assertFalse(checks.passed());
    assertFalse(requireNonNull(checks.allComplete()));
    assertNull(checks.summary().inFlight());
    assertEquals(List.of(), checks.validationErrors());
    ObjectiveRoadmap finished =
        DetailRecords.roadmap(7, DetailRecords.phase(1, DetailRecords.node("1.1", "done")));
    ObjectiveChecks allDone = DetailRecords.objectiveChecks(finished);
    assertNull(allDone.nextNode());
    assertTrue(requireNonNull(allDone.allComplete()));
    assertTrue(allDone.passed());
  }
}
