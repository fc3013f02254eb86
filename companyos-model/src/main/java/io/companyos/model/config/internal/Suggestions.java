package io.companyos.model.config.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * "Did you mean ...?" for misspelt keys and values: the closest known word by Levenshtein edit
 * distance (V. I. Levenshtein, 1966), accepted when at most a third of the word differs.
 */
public final class Suggestions {
  private static final int MAX_LISTED = 16;

  private Suggestions() {}

  /** The closest candidate within the distance budget, if any. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    int budget = Math.max(2, Math.max(word.length(), 1) / 3);
    return best != null && bestDistance <= budget ? Optional.of(best) : Optional.empty();
  }

  /**
   * A hint such as {@code did you mean 'lookback'?}, or one listing the allowed words when none is
   * close or several are equally close ({@code P9} is as near to {@code P1} as to {@code P4}).
   */
  public static @Nullable String hint(String word, Collection<String> candidates) {
    Optional<String> c = closest(word, candidates);
    if (c.isPresent() && !tied(word, c.get(), candidates)) {
      return "did you mean '" + c.get() + "'?";
    }
    if (candidates.isEmpty()) {
      return null;
    }
    if (candidates.size() > MAX_LISTED) {
      return "see the configuration reference for the " + candidates.size() + " allowed values";
    }
    return "expected one of: " + String.join(", ", candidates.stream().sorted().toList());
  }

  private static boolean tied(String word, String best, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    int d = distance(w, best.toLowerCase(Locale.ROOT));
    return candidates.stream().filter(c -> !c.equals(best))
        .anyMatch(c -> distance(w, c.toLowerCase(Locale.ROOT)) == d);
  }

  /** Levenshtein distance: the fewest single-character insertions, deletions or substitutions. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
