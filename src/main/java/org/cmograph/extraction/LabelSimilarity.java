package org.cmograph.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cmograph.util.PlainWords;

/**
 * How alike two short labels are, from 0 (nothing shared) to 1 (the same words). Mechanism names
 * differ more in word form and word order than by typos ("trusting relationships based on shared
 * lived experience" against "Trusting relationship based on shared lived experience"), so the score
 * blends shared word stems (Dice) with shared character trigrams, after dropping words such as "of"
 * and "the" that carry no meaning here.
 */
public final class LabelSimilarity {
  private LabelSimilarity() {}

  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "the", "of", "to", "and", "in", "for", "with", "on", "by", "as", "from", "at",
          "or", "into", "their", "its", "be", "is", "are", "was", "were", "that", "this", "it",
          "who", "which", "based");

  private static final String[] SUFFIXES = {
    "ations", "ation", "ments", "ment", "ings", "ing", "ness", "ies", "es", "ed", "ly", "s"
  };

  /** The similarity of two labels, in [0, 1]. */
  public static double score(String a, String b) {
    List<String> ta = stems(a);
    List<String> tb = stems(b);
    if (ta.isEmpty() || tb.isEmpty()) {
      return 0;
    }
    double words = dice(new HashSet<>(ta), new HashSet<>(tb));
    double grams = dice(trigrams(String.join(" ", ta)), trigrams(String.join(" ", tb)));
    return 0.6 * words + 0.4 * grams;
  }

  /** Lower-case, accent-free word stems without stop words. */
  static List<String> stems(String s) {
    List<String> out = new ArrayList<>();
    for (String word : PlainWords.of(s)) {
      if (!STOP_WORDS.contains(word)) {
        out.add(stem(word));
      }
    }
    return out;
  }

  private static String stem(String word) {
    String w = word;
    for (String suffix : SUFFIXES) {
      if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
        w = w.substring(0, w.length() - suffix.length());
        break;
      }
    }
    if (w.endsWith("e") && w.length() > 3) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static Set<String> trigrams(String s) {
    Set<String> out = new HashSet<>();
    String padded = " " + s + " ";
    for (int i = 0; i + 3 <= padded.length(); i++) {
      out.add(padded.substring(i, i + 3));
    }
    return out;
  }

  private static double dice(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String x : a) {
      if (b.contains(x)) {
        shared++;
      }
    }
    return 2.0 * shared / (a.size() + b.size());
  }
}
