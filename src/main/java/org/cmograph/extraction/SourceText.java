package org.cmograph.extraction;

import java.util.Arrays;
import java.util.Optional;

/**
 * A registered source text against which quotes are proved verbatim. Matching forgives only
 * differences a copy-paste introduces: runs of whitespace and typographic versus straight quotes
 * (and apostrophes). Anything else, one changed word included, is a misquote.
 */
public final class SourceText {
  private final String name;
  private final String normalised;
  private final String text;

  public SourceText(String name, String text) {
    this.name = name;
    this.text = text;
    this.normalised = normalise(text);
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
   * passage, and the first difference as a reader would say it.
   */
  public record Mismatch(String passage, String difference) {
    public String describe() {
      if (passage == null) {
        return "no passage of the source resembles it";
      }
      return (difference == null ? "" : difference + "; ")
          + "closest passage: \"" + abbreviate(passage) + "\"";
    }
  }

  /** Above this many cells the word alignment would need too much memory; it is skipped. */
  private static final long MAX_ALIGNMENT_CELLS = 4_000_000;

  /**
   * Finds the closest passage to a quote that {@link #contains} rejected, by a word-level
   * alignment in which the passage may start and end anywhere in the source (so an inserted,
   * dropped or changed word is located exactly).
   */
  public Mismatch closest(String quote) {
    String normalisedQuote = normalise(quote);
    String[] q = normalisedQuote.isEmpty() ? new String[0] : normalisedQuote.split(" ");
    // Split only here: a misquote is rare, and a cached text need not carry its word array.
    String[] words = normalised.isEmpty() ? new String[0] : normalised.split(" ");
    int m = q.length;
    int n = words.length;
    if (m == 0 || n == 0 || (long) (m + 1) * (n + 1) > MAX_ALIGNMENT_CELLS) {
      return new Mismatch(null, null);
    }
    int[][] d = new int[m + 1][n + 1];
    for (int i = 1; i <= m; i++) {
      d[i][0] = i;
      for (int j = 1; j <= n; j++) {
        int sub = d[i - 1][j - 1] + (q[i - 1].equals(words[j - 1]) ? 0 : 1);
        d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
      }
    }
    int end = 1;
    for (int j = 1; j <= n; j++) {
      if (d[m][j] <= d[m][end]) {
        end = j;
      }
    }
    if (d[m][end] > (m + 1) / 2) {
      return new Mismatch(null, null);
    }
    // Trace back to the passage's start, remembering the earliest difference.
    int i = m;
    int j = end;
    String difference = null;
    while (i > 0) {
      if (j > 0 && d[i][j] == d[i - 1][j - 1] + (q[i - 1].equals(words[j - 1]) ? 0 : 1)) {
        if (!q[i - 1].equals(words[j - 1])) {
          difference =
              "word " + i + " of the quote is '" + q[i - 1] + "' where the source has '"
                  + words[j - 1] + "'";
        }
        i--;
        j--;
      } else if (d[i][j] == d[i - 1][j] + 1) {
        difference = "word " + i + " of the quote, '" + q[i - 1] + "', is not in the source";
        i--;
      } else {
        difference = "the quote leaves out '" + words[j - 1] + "' before its word " + (i + 1);
        j--;
      }
    }
    String passage = String.join(" ", Arrays.copyOfRange(words, j, end));
    return new Mismatch(passage, difference);
  }

  /** Finds the character offset of a verbatim quote in the normalised text, if present. */
  public Optional<Integer> offsetOf(String quote) {
    int at = normalised.indexOf(normalise(quote));
    return at >= 0 ? Optional.of(at) : Optional.empty();
  }

  /**
   * Whether a verbatim quote stands in quotation marks in the source ({@link QuotedSpeech}): a
   * participant's words are quoted speech; "recipients felt ..." without quotation marks is the
   * authors speaking. A block quotation set off without marks is not recognised, so the check
   * warns and never refuses.
   */
  public boolean isQuotedSpeech(String quote) {
    return QuotedSpeech.isQuoted(text, quote).orElse(false);
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
