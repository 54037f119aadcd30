package org.cmograph.extraction;

/**
 * Where a verified quote stands in its registered source text: its passage as the source words it
 * ({@code exact}, with up to 32 characters before and after, as a W3C Web Annotation
 * TextQuoteSelector gives them), its offsets in Unicode code points (a TextPositionSelector's),
 * and, where the source was registered with a map, its page and section.
 *
 * @param page the page the quote starts on, or null if the source has no pages
 * @param section the sections around the quote, outermost first ("Abstract, Results"), or null
 */
public record QuoteAnchor(
    int start, int end, String prefix, String exact, String suffix, Integer page, String section) {
  static final int CONTEXT = 32;

  static QuoteAnchor of(String text, int from, int to, Integer page, String section) {
    int before = Math.max(0, from - CONTEXT);
    int after = Math.min(text.length(), to + CONTEXT);
    // Never split a surrogate pair at the edge of the prefix or suffix.
    if (before > 0 && Character.isLowSurrogate(text.charAt(before))) {
      before--;
    }
    if (after < text.length() && Character.isLowSurrogate(text.charAt(after))) {
      after++;
    }
    return new QuoteAnchor(
        text.codePointCount(0, from),
        text.codePointCount(0, to),
        text.substring(before, from),
        text.substring(from, to),
        text.substring(to, after),
        page,
        section);
  }
}
