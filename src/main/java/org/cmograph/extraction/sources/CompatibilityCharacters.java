package org.cmograph.extraction.sources;

import java.text.Normalizer;

/**
 * The characters a PDF or a web page carries for layout rather than meaning, replaced by what they
 * stand for before a text is registered: ligatures (ﬁ → fi), full-width and half-width forms,
 * compatibility spaces, soft hyphens and zero-width characters. NFKC is applied only to these
 * ("where safe"): superscripts, subscripts, fractions and symbols such as ™ or µ keep their form,
 * since NFKC would change what the text says (m² → m2).
 */
public final class CompatibilityCharacters {
  private CompatibilityCharacters() {}

  /** The text with layout-only characters replaced; line breaks normalised to \n. */
  public static String normalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\r') {
        out.append('\n');
        if (i < text.length() && text.charAt(i) == '\n') {
          i++;
        }
        continue;
      }
      if (isInvisible(cp)) {
        continue;
      }
      if (isSpace(cp)) {
        out.append(' ');
        continue;
      }
      if (isLayoutForm(cp)) {
        out.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC));
        continue;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /** Soft hyphen, zero-width spaces and joiners, word joiner, byte-order mark. */
  static boolean isInvisible(int cp) {
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
  }

  /** No-break and typographic spaces (not tab or line breaks, which keep their meaning). */
  static boolean isSpace(int cp) {
    return cp == 0x00A0
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  /** Latin and Armenian ligatures, full-width and half-width forms. */
  static boolean isLayoutForm(int cp) {
    return (cp >= 0xFB00 && cp <= 0xFB17) || (cp >= 0xFF01 && cp <= 0xFFEE);
  }
}
