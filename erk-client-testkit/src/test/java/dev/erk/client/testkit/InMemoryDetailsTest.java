package dev.erk.client.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ErkCommandFailedException;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkUnsupportedActionException;
import dev.erk.client.details.DetailQuery;
import dev.erk.client.details.ObjectiveRoadmap;
import dev.erk.client.details.ReviewThreads;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InMemoryErkClient} answers detail queries with records built by {@link DetailRecords}. */
class InMemoryDetailsTest {

  @Test
  void answersAScriptedQueryBlockingAndAsync() {
    ReviewThreads threads =
        DetailRecords.reviewThreads(
            42, DetailRecords.thread("src/app.py", 12, "reviewer", "Rename this"));
    try (InMemoryErkClient erk =
        InMemoryErkClient.create().onDetail(DetailQuery.reviewThreads(42, false), threads)) {
      assertSame(threads, erk.fetch(DetailQuery.reviewThreads(42)));
      assertSame(threads, erk.fetchAsync(DetailQuery.reviewThreads(42)).join());
      assertEquals("src/app.py:12", threads.threads().get(0).location());
      assertEquals(2, erk.detailQueries().size());
    }
  }

  @Test
  void anUnscriptedQueryFailsLikeAnUnmatchedFakeErkCall() {
    try (InMemoryErkClient erk = InMemoryErkClient.create()) {
      ErkCommandFailedException e =
          assertThrows(ErkCommandFailedException.class, () -> erk.fetch(DetailQuery.issueBody(7)));
      assertEquals(FakeErk.UNMATCHED_EXIT_CODE, e.result().exitCode());
      assertTrue(e.erkMessage().contains("issueBody(7)"), e.erkMessage());
    }
  }

  @Test
  void aGenerationWithoutTheCommandIsRefusedAsByTheRealClient() {
    try (InMemoryErkClient erk = InMemoryErkClient.create().generation(ErkGeneration.V0_9_0)) {
      ErkUnsupportedActionException e =
          assertThrows(
              ErkUnsupportedActionException.class, () -> erk.fetch(DetailQuery.ciSummaries(42)));
      assertTrue(e.getMessage().contains("0.9.1"), e.getMessage());
    }
  }

  @Test
  void roadmapsDeriveTheirGraphAndSummaryLikeErk() {
    ObjectiveRoadmap roadmap =
        DetailRecords.roadmap(
            7,
            DetailRecords.phase(
                1, DetailRecords.node("1.1", "done"), DetailRecords.node("1.2", "pending", "1.1")),
            DetailRecords.phase(2, DetailRecords.node("2.1", "pending", "1.2")));
    assertEquals("1.2", roadmap.graph().nextNode());
    assertEquals(List.of("1.2"), roadmap.graph().unblocked());
    assertEquals(3, roadmap.summary().totalNodes());
    assertEquals(2, roadmap.summary().pending());
    try (InMemoryErkClient erk =
        InMemoryErkClient.create()
            .onDetail(DetailQuery.objective(7), roadmap)
            .onDetailFailure(DetailQuery.objective(8), new IllegalStateException("boom"))) {
      assertSame(roadmap, erk.fetch(DetailQuery.objective(7)));
      assertThrows(IllegalStateException.class, () -> erk.fetch(DetailQuery.objective(8)));
    }
  }
}
