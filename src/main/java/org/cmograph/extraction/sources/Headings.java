package org.cmograph.extraction.sources;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The section headings of research articles that cmograph recognises in a text without markup (a
 * PDF, a plain text): the IMRaD headings and their usual variants, alone on a line, optionally
 * numbered ("2.1 Participants" is recognised by its number only if its words are a heading).
 */
final class Headings {
  private Headings() {}

  private static final Pattern KNOWN =
      Pattern.compile(
          "(?:(\\d+(?:\\.\\d+)*)\\.?\\s+)?(abstract|summary|background|introduction|aims?"
              + "|objectives?|aims? and objectives|methods?|materials and methods|methodology"
              + "|design|setting|participants|data analysis|analysis|results|findings"
              + "|discussion|conclusions?|limitations|strengths and limitations"
              + "|implications(?: for [a-z ]+)?|references|bibliography|acknowledge?ments"
              + "|funding|declarations?|competing interests|conflicts? of interest"
              + "|appendix(?: [a-z0-9]+)?|supplementary material)\\s*:?",
          Pattern.CASE_INSENSITIVE);

  /** The depth of a recognised heading (1, or 2 for "2.1 ..."), or 0 if it is not one. */
  static int level(String line) {
    Matcher m = KNOWN.matcher(line.strip());
    if (!m.matches()) {
      return 0;
    }
    return m.group(1) == null ? 1 : m.group(1).split("\\.").length;
  }

  /** The heading as it is recorded: without a trailing colon. */
  static String title(String line) {
    String t = line.strip();
    return t.endsWith(":") ? t.substring(0, t.length() - 1).strip() : t;
  }

  /** Whether a heading opens material kept apart from the body (references, appendices). */
  static boolean apart(String title) {
    String t = title.toLowerCase(Locale.ROOT).replaceAll("^[0-9. ]+", "");
    return t.startsWith("references") || t.startsWith("bibliography");
  }
}
