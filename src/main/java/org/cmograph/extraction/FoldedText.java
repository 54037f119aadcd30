package org.cmograph.extraction;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text folded for quote matching, each folded character remembering where it came from: runs of
 * whitespace of any kind become one space; typographic quotes, apostrophes and primes become
 * straight ones; every dash becomes a hyphen-minus; ligatures and other compatibility characters
 * take their NFKC form; soft hyphens and zero-width characters disappear. Superscript digits become
 * digits marked as such (they are citation numbers). In a source, a hyphen that ends a line inside
 * a word ("inter-\nvention") is removed and the place marked as a join.
 */
final class FoldedText {
  final String chars;

  /** For each folded character, the offset in the original of the first char it came from. */
  final int[] origin;

  /** For each folded character, the offset in the original just after what it came from. */
  final int[] originEnd;

  /** Folded characters that were superscript digits. */
  final boolean[] superscript;

  /** Folded characters before which a hyphenated word was joined. */
  final boolean[] joinBefore;

  private FoldedText(
      String chars, int[] origin, int[] originEnd, boolean[] superscript, boolean[] joinBefore) {
    this.chars = chars;
    this.origin = origin;
    this.originEnd = originEnd;
    this.superscript = superscript;
    this.joinBefore = joinBefore;
  }

  int length() {
    return chars.length();
  }

  char at(int i) {
    return chars.charAt(i);
  }

  /** The first folded index whose original offset is at or after {@code offset}. */
  int indexAtOrAfter(int offset) {
    int lo = 0;
    int hi = origin.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (origin[mid] < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static FoldedText of(String s, boolean joinLineHyphens) {
    int n = s.length();
    Builder out = new Builder(n + 16);
    boolean pendingSpace = false;
    int spaceAt = 0;
    boolean pendingJoin = false;
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      int start = i;
      i += Character.charCount(cp);
      if (cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) {
        if (cp == 0x00AD) {
          // A soft hyphen shows only at a line end: the break after it is inside the word.
          while (i < n && isSpace(s.charAt(i))) {
            i++;
          }
        }
        continue;
      }
      if (isSpace(cp)) {
        if (!pendingSpace) {
          spaceAt = start;
        }
        pendingSpace = true;
        continue;
      }
      if (joinLineHyphens
          && isHyphen(cp)
          && out.length() > 0
          && Character.isLetter(out.last())
          && !pendingSpace) {
        int k = i;
        boolean lineBreak = false;
        while (k < n && isSpace(s.charAt(k))) {
          lineBreak |= s.charAt(k) == '\n' || s.charAt(k) == '\r';
          k++;
        }
        if (lineBreak && k < n && Character.isLowerCase(s.codePointAt(k))) {
          i = k;
          pendingJoin = true;
          continue;
        }
      }
      // A base character and the combining marks that follow it fold together.
      while (i < n && isMark(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      if (pendingSpace && out.length() > 0) {
        out.append(' ', spaceAt, start, false, false);
      }
      pendingSpace = false;
      String folded = fold(s.substring(start, i), cp);
      boolean isSup = isSuperscriptDigit(cp);
      for (int k = 0; k < folded.length(); k++) {
        out.append(folded.charAt(k), start, i, isSup, pendingJoin && k == 0);
      }
      pendingJoin = false;
    }
    return out.build();
  }

  /** Folded characters with their origins, grown as needed (NFKC may lengthen: ﬃ is ffi). */
  private static final class Builder {
    private final StringBuilder chars;
    private int[] origin;
    private int[] originEnd;
    private boolean[] sup;
    private boolean[] join;

    Builder(int capacity) {
      chars = new StringBuilder(capacity);
      origin = new int[capacity];
      originEnd = new int[capacity];
      sup = new boolean[capacity];
      join = new boolean[capacity];
    }

    int length() {
      return chars.length();
    }

    char last() {
      return chars.charAt(chars.length() - 1);
    }

    void append(char c, int from, int to, boolean superscript, boolean joined) {
      int at = chars.length();
      if (at == origin.length) {
        int grown = origin.length * 2;
        origin = Arrays.copyOf(origin, grown);
        originEnd = Arrays.copyOf(originEnd, grown);
        sup = Arrays.copyOf(sup, grown);
        join = Arrays.copyOf(join, grown);
      }
      origin[at] = from;
      originEnd[at] = to;
      sup[at] = superscript;
      join[at] = joined;
      chars.append(c);
    }

    FoldedText build() {
      int n = chars.length();
      return new FoldedText(
          chars.toString(),
          Arrays.copyOf(origin, n),
          Arrays.copyOf(originEnd, n),
          Arrays.copyOf(sup, n),
          Arrays.copyOf(join, n));
    }
  }

  private static String fold(String cluster, int cp) {
    switch (cp) {
      case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> {
        return "'";
      }
      case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> {
        return "\"";
      }
      default -> {}
    }
    if (isHyphen(cp)) {
      return "-";
    }
    if (cp < 0x80 && cluster.length() == 1) {
      return cluster;
    }
    return Normalizer.normalize(cluster, Normalizer.Form.NFKC);
  }

  static boolean isHyphen(int cp) {
    return cp == '-'
        || (cp >= 0x2010 && cp <= 0x2015)
        || cp == 0x2212
        || cp == 0xFE58
        || cp == 0xFE63
        || cp == 0xFF0D;
  }

  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  static boolean isSuperscriptDigit(int cp) {
    return cp == 0x00B9 || cp == 0x00B2 || cp == 0x00B3 || (cp >= 0x2070 && cp <= 0x2079);
  }
}
