package org.cmograph.extraction;

import java.util.Optional;

/**
 * Tells whether a quote stands inside quotation marks in its source text: a participant's words are
 * quoted speech, while "respondents identified ..." is the authors speaking about participants.
 * Whitespace, dashes and typographic quotes are compared loosely, as a copy from a PDF changes
 * them. The validator (PARTICIPANT-NOT-QUOTED) and {@code cmograph migrate} ask it the same
 * question.
 */
public final class QuotedSpeech {
  private QuotedSpeech() {}

  /** Empty when the quote is not found in the source (the validator reports that). */
  public static Optional<Boolean> isQuoted(String source, String quote) {
    String q = normalise(quote).strip();
    if (q.isEmpty()) {
      return Optional.empty();
    }
    if (isQuoteMark(q.charAt(0)) || isQuoteMark(q.charAt(q.length() - 1))) {
      return Optional.of(true);
    }
    String s = normalise(source);
    boolean found = false;
    for (int at = s.indexOf(q); at >= 0; at = s.indexOf(q, at + 1)) {
      found = true;
      if (insideQuotation(s, at)) {
        return Optional.of(true);
      }
    }
    return found ? Optional.of(false) : Optional.empty();
  }

  /** Whether a quotation opened before {@code at}, in the same paragraph, is still open there. */
  private static boolean insideQuotation(String s, int at) {
    int paragraph = s.lastIndexOf("\n\n", at);
    int start = paragraph < 0 ? 0 : paragraph + 2;
    boolean inDouble = false;
    boolean inSingle = false;
    for (int i = start; i < at; i++) {
      char c = s.charAt(i);
      char before = i > 0 ? s.charAt(i - 1) : ' ';
      char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
      switch (c) {
        case '\u201C', '\u201E' -> inDouble = true;
        case '\u201D' -> inDouble = false;
        case '"' -> inDouble = !inDouble;
        case '\u2018' -> inSingle = true;
        case '\u2019', '\'' -> {
          if (Character.isLetterOrDigit(before) && Character.isLetter(after)) {
            continue; // an apostrophe: it's, don't
          }
          if (!Character.isLetterOrDigit(before) && !inSingle) {
            inSingle = true;
          } else if (inSingle && !Character.isLetterOrDigit(after)) {
            inSingle = false;
          }
        }
        default -> {}
      }
    }
    return inDouble || inSingle;
  }

  private static boolean isQuoteMark(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
  }

  private static String normalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    int newlines = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = true;
        if (c == '\n') {
          newlines++;
        }
        continue;
      }
      if (space && out.length() > 0) {
        // Paragraph breaks survive (quotations do not cross them); other runs become one space.
        out.append(newlines >= 2 ? "\n\n" : " ");
      }
      space = false;
      newlines = 0;
      out.append(
          switch (c) {
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> '-';
            case '\u00AD' -> '\u0000';
            default -> c;
          });
    }
    return out.toString().replace("\u0000", "");
  }
}
