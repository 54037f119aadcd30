package org.cmograph.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a quote in a source text the way a reader would, through what copying from a PDF viewer
 * does to text, and through nothing else. Both texts are folded ({@link FoldedText}: whitespace,
 * quotation marks, dashes, ligatures and other compatibility forms, soft hyphens); then, while the
 * quote is walked along the source, these differences alone may be stepped over:
 *
 * <ul>
 *   <li>a hyphen (with or without the line break after it) where the source joined a word
 *       hyphenated at a line end (a join recorded in the source map, or a hyphen ending a line of
 *       the source itself);
 *   <li>"inter- vention" in the quote (a line-end hyphen whose line break became a space) where the
 *       source has the word whole;
 *   <li>a space beside a dash on one side only;
 *   <li>a running header, footer or page number recorded in the map, where the source turns a page;
 *   <li>citation numbers set as superscripts or glued to the end of a word ("services1,2") on one
 *       side only.
 * </ul>
 *
 * A different, missing, extra or moved word is never stepped over.
 */
final class QuoteMatcher {
  /** Steps tried per quote before giving up (a guard; real quotes need a few thousand). */
  private static final int BUDGET = 200_000;

  private final FoldedText source;
  private final Map<Integer, List<String>> furnitureNear = new HashMap<>();

  /** Where a quote stands in the original source text, end exclusive. */
  record Span(int start, int end) {}

  /**
   * @param joins offsets of the original text where a hyphenated word was joined
   * @param furniture offsets where a page turns, with the running headers, footers and page numbers
   *     a copy across that turn may carry
   */
  QuoteMatcher(String text, List<Integer> joins, Map<Integer, List<String>> furniture) {
    this.source = FoldedText.of(text, true);
    for (int offset : joins) {
      int at = source.indexAtOrAfter(offset);
      if (at < source.length()) {
        source.joinBefore[at] = true;
      }
    }
    for (Map.Entry<Integer, List<String>> e : furniture.entrySet()) {
      int at = source.indexAtOrAfter(e.getKey());
      List<String> folded =
          e.getValue().stream()
              .map(f -> FoldedText.of(f, false).chars)
              .filter(f -> !f.isEmpty())
              .toList();
      // The page turns at a space, or inside a joined word: allow the step on either side of it.
      for (int k = Math.max(0, at - 1); k <= Math.min(source.length(), at + 1); k++) {
        furnitureNear.computeIfAbsent(k, x -> new ArrayList<>()).addAll(folded);
      }
    }
  }

  Optional<Span> find(String quote) {
    FoldedText q = FoldedText.of(quote, false);
    if (q.length() == 0) {
      return Optional.empty();
    }
    int exact = source.chars.indexOf(q.chars);
    if (exact >= 0) {
      return Optional.of(span(exact, exact + q.length()));
    }
    int[] budget = {BUDGET};
    char first = q.at(0);
    for (int s = source.chars.indexOf(first);
        s >= 0 && budget[0] > 0;
        s = source.chars.indexOf(first, s + 1)) {
      int end = walk(q, s, budget);
      if (end >= 0) {
        return Optional.of(span(s, end));
      }
    }
    return Optional.empty();
  }

  private Span span(int from, int to) {
    return new Span(source.origin[from], source.originEnd[to - 1]);
  }

  /** The folded end of a match of {@code q} starting at {@code start}, or -1. */
  private int walk(FoldedText q, int start, int[] budget) {
    ArrayDeque<long[]> choices = new ArrayDeque<>();
    Set<Long> seen = new HashSet<>();
    choices.push(new long[] {start, 0});
    while (!choices.isEmpty()) {
      long[] state = choices.pop();
      int i = (int) state[0];
      int j = (int) state[1];
      while (true) {
        if (--budget[0] < 0) {
          return -1;
        }
        if (j == q.length()) {
          return i;
        }
        int[][] next = steps(q, i, j);
        if (next.length == 0) {
          break;
        }
        for (int k = next.length - 1; k >= 1; k--) {
          long key = ((long) next[k][0] << 32) | next[k][1];
          if (seen.add(key)) {
            choices.push(new long[] {next[k][0], next[k][1]});
          }
        }
        i = next[0][0];
        j = next[0][1];
      }
    }
    return -1;
  }

  /** The states reachable from (i, j), the plain character match first. */
  private int[][] steps(FoldedText q, int i, int j) {
    String s = source.chars;
    int n = s.length();
    char qc = q.at(j);
    char sc = i < n ? s.charAt(i) : '\0';
    List<int[]> out = new ArrayList<>(2);
    if (i < n && sc == qc) {
      out.add(new int[] {i + 1, j + 1});
    }
    char qNext = j + 1 < q.length() ? q.at(j + 1) : '\0';
    char qPrev = j > 0 ? q.at(j - 1) : '\0';
    char sPrev = i > 0 ? s.charAt(i - 1) : '\0';
    // A hyphen, and the line break after it, where the source joined the word.
    if (qc == '-' && i < n && source.joinBefore[i]) {
      out.add(new int[] {i, j + 1});
      if (qNext == ' ') {
        out.add(new int[] {i, j + 2});
      }
    }
    // "inter- vention": a line-end hyphen whose line break became a space, the word whole in the
    // source.
    if (qc == '-'
        && qNext == ' '
        && Character.isLetter(qPrev)
        && j + 2 < q.length()
        && Character.isLowerCase(q.at(j + 2))
        && Character.isLetter(sPrev)
        && i < n
        && sc == q.at(j + 2)) {
      out.add(new int[] {i, j + 2});
    }
    // "self- esteem" where the source has "self-esteem"; a space beside a dash on one side only.
    if (qc == ' ' && sc != ' ' && (qPrev == '-' || qNext == '-')) {
      out.add(new int[] {i, j + 1});
    }
    if (sc == ' ' && qc != ' ' && (sPrev == '-' || (i + 1 < n && s.charAt(i + 1) == '-'))) {
      out.add(new int[] {i + 1, j});
    }
    // A running header, footer or page number copied across a page turn.
    List<String> furniture = furnitureNear.get(i);
    if (furniture != null) {
      for (String f : furniture) {
        if (q.chars.startsWith(f, j)) {
          int after = j + f.length();
          if (after == q.length() || q.at(after) == ' ') {
            out.add(new int[] {i, Math.min(q.length(), after + 1)});
          }
        } else if (qc == ' ' && q.chars.startsWith(f, j + 1)) {
          int after = j + 1 + f.length();
          if (after == q.length() || q.at(after) == ' ') {
            out.add(new int[] {i, after});
          }
        }
      }
    }
    // Citation numbers on one side only.
    if (Character.isDigit(qc) && !(i < n && Character.isDigit(sc)) && citation(q, j)) {
      int end = citationEnd(q.chars, j);
      if (end > j) {
        out.add(new int[] {i, end});
      }
    }
    if (i < n && Character.isDigit(sc) && !Character.isDigit(qc) && citation(source, i)) {
      int end = citationEnd(s, i);
      if (end > i) {
        out.add(new int[] {end, j});
      }
    }
    return out.toArray(new int[0][]);
  }

  /**
   * Whether a digit at {@code at} starts a citation number: set as a superscript, or glued to a
   * word of two letters or more, or to the punctuation closing one ("services.12").
   */
  private static boolean citation(FoldedText t, int at) {
    if (t.superscript[at]) {
      return true;
    }
    char p1 = at > 0 ? t.at(at - 1) : ' ';
    char p2 = at > 1 ? t.at(at - 2) : ' ';
    if (Character.isLetter(p1)) {
      return Character.isLetter(p2);
    }
    return ".,;:)".indexOf(p1) >= 0 && (Character.isLetter(p2) || p2 == ')');
  }

  /**
   * The end of a citation run from {@code at}: digits, with commas and hyphens between them; -1
   * unless it ends where a word may end.
   */
  private static int citationEnd(String t, int at) {
    int k = at;
    int lastDigit = -1;
    while (k < t.length()) {
      char c = t.charAt(k);
      if (Character.isDigit(c)) {
        lastDigit = k;
      } else if (!(c == ',' || c == '-') || lastDigit < 0) {
        break;
      }
      k++;
    }
    int end = lastDigit + 1;
    if (end < t.length() && Character.isLetterOrDigit(t.charAt(end))) {
      return -1;
    }
    return end;
  }
}
