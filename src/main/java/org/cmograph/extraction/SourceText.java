package org.cmograph.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmograph.extraction.sources.SourceMap;

/**
 * A registered source text against which quotes are proved verbatim. Matching forgives only
 * differences that copying a passage (from a PDF viewer above all) introduces, as {@link
 * QuoteMatcher} lists them; anything else, one changed word included, is a misquote. When the text
 * was registered with a map ({@code cmograph source add}), a quote's place gives its page and
 * section.
 */
public final class SourceText {
  private final String name;
  private final String normalised;
  private final String text;
  private final SourceMap map;
  private final String mapProblem;

  /** Built on first need; softly held, as it costs about twelve bytes per character of the text. */
  private volatile java.lang.ref.SoftReference<QuoteMatcher> matcher;

  public SourceText(String name, String text) {
    this(name, text, null);
  }

  /** A text with its map, or null if it has none (or the map no longer fits the text). */
  public SourceText(String name, String text, SourceMap map) {
    this(name, text, map, null);
  }

  private SourceText(String name, String text, SourceMap map, String mapProblem) {
    this.name = name;
    this.text = text;
    this.normalised = normalise(text);
    this.map = map;
    this.mapProblem = mapProblem;
  }

  /**
   * A text and the map read beside it: a map written for another text (the text was edited after
   * registering) is set aside, and {@link #mapProblem} says so.
   */
  public static SourceText withMap(String name, String text, SourceMap map) {
    if (map == null || map.characters() == text.length()) {
      return new SourceText(name, text, map, null);
    }
    return new SourceText(
        name,
        text,
        null,
        "its map was written for a text of "
            + map.characters()
            + " characters, and the text"
            + " now has "
            + text.length()
            + " (edited since it was registered?); pages and"
            + " sections are not computed until it is registered again (cmograph source add"
            + " ... --force)");
  }

  /** Why the map beside the text was set aside, if it was. */
  public Optional<String> mapProblem() {
    return Optional.ofNullable(mapProblem);
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  public Optional<SourceMap> map() {
    return Optional.ofNullable(map);
  }

  /** Where a quote stands in the text (offsets of the original, end exclusive). */
  public record Passage(int start, int end) {}

  /** Where the quote stands in the text, if it is there (as {@link #contains} decides). */
  public Optional<Passage> locate(String quote) {
    if (quote == null) {
      return Optional.empty();
    }
    return matcher().find(quote).map(s -> new Passage(s.start(), s.end()));
  }

  /** Where a quote stands, with its page and section where the map gives them. */
  public Optional<QuoteAnchor> anchor(String quote) {
    return locate(quote)
        .map(
            p ->
                QuoteAnchor.of(
                    text,
                    p.start(),
                    p.end(),
                    map == null ? null : map.pageAt(p.start()).orElse(null),
                    map == null ? null : map.sectionPathAt(p.start()).orElse(null)));
  }

  private QuoteMatcher matcher() {
    java.lang.ref.SoftReference<QuoteMatcher> held = matcher;
    QuoteMatcher m = held == null ? null : held.get();
    if (m == null) {
      List<Integer> joins = new ArrayList<>();
      Map<Integer, List<String>> furniture = new HashMap<>();
      if (map != null) {
        map.joins().forEach(j -> joins.add(j.at()));
        for (SourceMap.Furniture f : map.furniture()) {
          furniture.computeIfAbsent(f.at(), k -> new ArrayList<>()).add(f.text());
        }
      }
      m = new QuoteMatcher(text, joins, furniture);
      matcher = new java.lang.ref.SoftReference<>(m);
    }
    return m;
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
    return !q.isEmpty() && (normalised.contains(q) || locate(quote).isPresent());
  }

  /**
   * Where a quote that is not verbatim departs from the closest passage of the source: the passage,
   * and the first difference as a reader would say it.
   */
  public record Mismatch(String passage, String difference) {
    public String describe() {
      if (passage == null) {
        return "no passage of the source resembles it";
      }
      return (difference == null ? "" : difference + "; ")
          + "closest passage: \""
          + abbreviate(passage)
          + "\"";
    }
  }

  /** Above this many cells the word alignment would need too much memory; it is skipped. */
  private static final long MAX_ALIGNMENT_CELLS = 4_000_000;

  /**
   * Finds the closest passage to a quote that {@link #contains} rejected, by a word-level alignment
   * in which the passage may start and end anywhere in the source (so an inserted, dropped or
   * changed word is located exactly).
   */
  public Mismatch closest(String quote) {
    String[] q = comparableQuote(quote);
    // Split only here: a misquote is rare, and a cached text need not carry its word array.
    String folded = FoldedText.of(text, true).chars;
    String[] words = folded.isEmpty() ? new String[0] : folded.split(" ");
    int m = q.length;
    int n = words.length;
    if (m == 0 || n == 0 || (long) (m + 1) * (n + 1) > MAX_ALIGNMENT_CELLS) {
      return new Mismatch(null, null);
    }
    String[] qKeys = new String[m];
    for (int i = 0; i < m; i++) {
      qKeys[i] = wordKey(q[i]);
    }
    String[] keys = new String[n];
    for (int j = 0; j < n; j++) {
      keys[j] = wordKey(words[j]);
    }
    int[][] d = new int[m + 1][n + 1];
    for (int i = 1; i <= m; i++) {
      d[i][0] = i;
      for (int j = 1; j <= n; j++) {
        int sub = d[i - 1][j - 1] + (qKeys[i - 1].equals(keys[j - 1]) ? 0 : 1);
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
      if (j > 0 && d[i][j] == d[i - 1][j - 1] + (qKeys[i - 1].equals(keys[j - 1]) ? 0 : 1)) {
        if (!qKeys[i - 1].equals(keys[j - 1])) {
          difference =
              "word "
                  + i
                  + " of the quote is '"
                  + q[i - 1]
                  + "' where the source has '"
                  + words[j - 1]
                  + "'";
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

  /**
   * Whether a verbatim quote stands in quotation marks in the source ({@link QuotedSpeech}): a
   * participant's words are quoted speech; "recipients felt ..." without quotation marks is the
   * authors speaking. A block quotation set off without marks is not recognised, so the check warns
   * and never refuses.
   */
  public boolean isQuotedSpeech(String quote) {
    Optional<Boolean> asTyped = QuotedSpeech.isQuoted(text, quote);
    if (asTyped.isPresent()) {
      return asTyped.get();
    }
    // Matched through what a copy changed: ask about the source's own wording of the passage.
    return locate(quote)
        .flatMap(p -> QuotedSpeech.isQuoted(text, text.substring(p.start(), p.end())))
        .orElse(false);
  }

  /**
   * The quote's words as the source would have them after what a copy adds is taken out: running
   * headers and page numbers the map records, and line-end hyphens ("inter- vention").
   */
  private String[] comparableQuote(String quote) {
    String folded = " " + FoldedText.of(quote, false).chars + " ";
    if (map != null) {
      for (SourceMap.Furniture f : map.furniture()) {
        String piece = FoldedText.of(f.text(), false).chars;
        if (!piece.isEmpty()) {
          folded = folded.replace(" " + piece + " ", " ");
        }
      }
    }
    folded = folded.replaceAll("(?<=\\p{L})- (?=\\p{Ll})", "").strip();
    return folded.isEmpty() ? new String[0] : folded.split(" ");
  }

  /** A word compared without the citation number glued to its end ("services.12"). */
  private static String wordKey(String word) {
    return CITATION_AT_END.matcher(word).replaceFirst("");
  }

  private static final java.util.regex.Pattern CITATION_AT_END =
      java.util.regex.Pattern.compile("(?<=\\p{L}{2}|[.,;:)])\\d+(?:[,-]\\d+)*(?=[^\\p{L}\\d]*$)");

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
