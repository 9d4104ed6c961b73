package dev.erk.client.testkit;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Ranks argv-like word lists by how near they come to a target: more common leading words first,
 * then the smaller edit distance over whole words. Good enough to point at the stub a test meant.
 */
final class Similarity {

  private Similarity() {}

  /** The {@code max} candidates nearest to {@code target}, nearest first; ties keep their order. */
  static <T> List<T> nearest(
      List<String> target, List<T> candidates, Function<T, List<String>> words, int max) {
    Comparator<T> byLeading =
        Comparator.comparingInt(c -> -commonLeadingWords(target, words.apply(c)));
    return candidates.stream()
        .sorted(byLeading.thenComparingInt(c -> editDistance(target, words.apply(c))))
        .limit(max)
        .toList();
  }

  static int commonLeadingWords(List<String> a, List<String> b) {
    int n = 0;
    while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
      n++;
    }
    return n;
  }

  /** Levenshtein distance where a whole word is one symbol. */
  static int editDistance(List<String> a, List<String> b) {
    int[] previous = new int[b.size() + 1];
    int[] current = new int[b.size() + 1];
    for (int j = 0; j <= b.size(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.size(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.size(); j++) {
        int substitute = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.size()];
  }
}
