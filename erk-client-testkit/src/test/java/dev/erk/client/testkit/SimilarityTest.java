package dev.erk.client.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SimilarityTest {

  @Test
  void editDistanceCountsWholeWords() {
    assertEquals(0, Similarity.editDistance(List.of("a", "b"), List.of("a", "b")));
    assertEquals(1, Similarity.editDistance(List.of("a", "b"), List.of("a", "c")));
    assertEquals(2, Similarity.editDistance(List.of(), List.of("a", "b")));
    assertEquals(1, Similarity.editDistance(List.of("a", "x", "b"), List.of("a", "b")));
  }

  @Test
  void commonLeadingWordsComeBeforeEditDistance() {
    List<List<String>> candidates =
        List.of(
            List.of("pr", "dispatch", "42"),
            List.of("exec", "close-pr"),
            List.of("exec", "dash-data", "--state", "closed"),
            List.of("exec", "dash-data"));

    List<List<String>> nearest =
        Similarity.nearest(
            List.of("exec", "dash-data", "--state", "open"), candidates, Function.identity(), 3);

    assertEquals(
        List.of(
            List.of("exec", "dash-data", "--state", "closed"),
            List.of("exec", "dash-data"),
            List.of("exec", "close-pr")),
        nearest);
  }
}
