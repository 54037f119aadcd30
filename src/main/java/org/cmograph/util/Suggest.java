package org.cmograph.util;

import java.util.Collection;

/** "Did you mean ...?" hints for typos, by edit distance. */
public final class Suggest {
  private Suggest() {}

  /** The closest candidate, or null when none is close enough to be a plausible typo. */
  public static String closest(String word, Collection<String> candidates) {
    if (word == null) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int allowed = Math.max(2, word.length() / 3);
    for (String c : candidates) {
      if (c == null || Math.abs(c.length() - word.length()) > allowed) {
        continue; // the distance is at least the difference in length: a long word costs nothing
      }
      int d = distance(word.toLowerCase(), c.toLowerCase());
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= allowed ? best : null;
  }

  /** {@code "; did you mean 'x'?"} or the empty string. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String best = closest(word, candidates);
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /**
   * Optimal string alignment distance: Levenshtein plus transpositions of adjacent letters, so a
   * swap of two letters is one slip ("Qoute" is one edit from "quote", not two).
   */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
