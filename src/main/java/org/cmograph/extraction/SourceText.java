package org.cmograph.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registered source text against which quotes are proved verbatim. Matching forgives only
 * differences a copy-paste introduces: runs of whitespace and typographic versus straight quotes
 * (and apostrophes). Anything else, one changed word included, is a misquote.
 */
public final class SourceText {
  private final String name;
  private final String normalised;
  private final String[] words;

  public SourceText(String name, String text) {
    this.name = name;
    this.normalised = normalise(text);
    this.words = normalised.isEmpty() ? new String[0] : normalised.split(" ");
  }

  public String name() {
    return name;
  }

  /** Whitespace runs become one space; curly quotes become straight ones. */
  public static String normalise(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2007') {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> out.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> out.append('"');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  public boolean contains(String quote) {
    String q = normalise(quote);
    return !q.isEmpty() && normalised.contains(q);
  }

  /**
   * Where a quote that is not verbatim departs from the closest passage of the source: the
   * passage, and the first differing word of the quote and of the source.
   */
  public record Mismatch(String passage, int wordIndex, String quoteWord, String sourceWord) {
    public String describe() {
      if (passage == null) {
        return "no passage of the source resembles it";
      }
      String diff =
          quoteWord == null
              ? ""
              : "word "
                  + (wordIndex + 1)
                  + " of the quote is '"
                  + quoteWord
                  + "' where the source has '"
                  + (sourceWord == null ? "(end of text)" : sourceWord)
                  + "'; ";
      return diff + "closest passage: \"" + abbreviate(passage) + "\"";
    }
  }

  /** Finds the closest passage to a quote that {@link #contains} rejected. */
  public Mismatch closest(String quote) {
    String[] q = normalise(quote).split(" ");
    if (q.length == 0 || words.length == 0) {
      return new Mismatch(null, -1, null, null);
    }
    Map<String, Integer> inQuote = new HashMap<>();
    for (String w : q) {
      inQuote.merge(w, 1, Integer::sum);
    }
    int bestStart = 0;
    int bestScore = -1;
    int window = Math.min(q.length, words.length);
    for (int start = 0; start + window <= words.length; start++) {
      int score = 0;
      for (int k = 0; k < window; k++) {
        if (words[start + k].equals(q[k])) {
          score += 2;
        } else if (inQuote.containsKey(words[start + k])) {
          score += 1;
        }
      }
      if (score > bestScore) {
        bestScore = score;
        bestStart = start;
      }
    }
    if (bestScore < window / 2) {
      return new Mismatch(null, -1, null, null);
    }
    String[] passage = Arrays.copyOfRange(words, bestStart, bestStart + window);
    int first = -1;
    for (int k = 0; k < q.length; k++) {
      String sourceWord = k < passage.length ? passage[k] : null;
      if (!q[k].equals(sourceWord)) {
        first = k;
        break;
      }
    }
    List<String> shown = new ArrayList<>(Arrays.asList(passage));
    return new Mismatch(
        String.join(" ", shown),
        first,
        first >= 0 ? q[first] : null,
        first >= 0 && first < passage.length ? passage[first] : null);
  }

  /** Finds the character offset of a verbatim quote in the normalised text, if present. */
  public Optional<Integer> offsetOf(String quote) {
    int at = normalised.indexOf(normalise(quote));
    return at >= 0 ? Optional.of(at) : Optional.empty();
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
