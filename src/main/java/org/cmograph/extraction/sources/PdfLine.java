package org.cmograph.extraction.sources;

import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * One run of glyphs on a baseline of a PDF page, as far as a column gap: its words (spaces put
 * where the glyphs stand apart), where it stands and how large its type is.
 */
record PdfLine(String text, float x0, float x1, float y, float size, boolean bold) {

  /** A line from glyphs sorted left to right. */
  static PdfLine of(List<TextPosition> glyphs) {
    StringBuilder text = new StringBuilder();
    float x0 = Float.MAX_VALUE;
    float x1 = -Float.MAX_VALUE;
    float y = 0;
    float size = 0;
    int bold = 0;
    TextPosition previous = null;
    for (TextPosition g : glyphs) {
      String u = g.getUnicode();
      if (u == null || u.isBlank()) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
          text.append(' ');
        }
        previous = null;
        continue;
      }
      if (previous != null) {
        float gap = g.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
        if (gap > spaceThreshold(previous) && text.charAt(text.length() - 1) != ' ') {
          text.append(' ');
        }
      }
      text.append(u);
      x0 = Math.min(x0, g.getXDirAdj());
      x1 = Math.max(x1, g.getXDirAdj() + g.getWidthDirAdj());
      y = Math.max(y, g.getYDirAdj());
      size = Math.max(size, g.getFontSizeInPt());
      String font = g.getFont() == null ? null : g.getFont().getName();
      if (font != null && font.toLowerCase(java.util.Locale.ROOT).contains("bold")) {
        bold++;
      }
      previous = g;
    }
    String t = text.toString().strip();
    return new PdfLine(t, x0, x1, y, size, bold * 2 > Math.max(1, t.length()));
  }

  /** A gap wider than a third of a space (or of a sixth of the type size) is a space. */
  static float spaceThreshold(TextPosition g) {
    float space = g.getWidthOfSpace();
    if (!(space > 0) || Float.isNaN(space)) {
      space = g.getFontSizeInPt() * 0.25f;
    }
    return Math.max(space * 0.35f, g.getFontSizeInPt() * 0.08f);
  }

  /** The text with digits standing for any number, to recognise a running header on each page. */
  String signature() {
    return text.replaceAll("\\d+", "#")
        .replaceAll("\\s+", " ")
        .strip()
        .toLowerCase(java.util.Locale.ROOT);
  }
}
