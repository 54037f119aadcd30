package org.cmograph.extraction.sources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of one PDF page in reading order. Glyphs are grouped into baselines, a baseline is cut
 * where a gap is wider than a column gutter, and a page with enough lines on each side of its
 * middle is read as two columns: lines that span the middle (a title, a wide table) are read where
 * they stand, and between them the left column before the right.
 */
final class PdfPageLayout {
  /** A line of the page and the column it is in (0 spanning or single, 1 left, 2 right). */
  record Placed(PdfLine line, int column) {}

  private final List<PdfLine> pieces;
  private final List<List<PdfLine>> baselines;
  private final boolean twoColumns;
  private final float middle;

  PdfPageLayout(List<TextPosition> glyphs) {
    baselines = baselines(glyphs);
    pieces = new ArrayList<>();
    for (List<PdfLine> b : baselines) {
      pieces.addAll(b);
    }
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (PdfLine p : pieces) {
      min = Math.min(min, p.x0());
      max = Math.max(max, p.x1());
    }
    middle = (min + max) / 2;
    int left = 0;
    int right = 0;
    for (PdfLine p : pieces) {
      if (p.x1() < middle) {
        left++;
      } else if (p.x0() > middle) {
        right++;
      }
    }
    twoColumns = left >= 3 && right >= 3;
  }

  boolean isEmpty() {
    return pieces.isEmpty();
  }

  boolean twoColumns() {
    return twoColumns;
  }

  /** The topmost baseline, its pieces joined ("Journal of Peer Work 12"), or null. */
  PdfLine top() {
    return baselines.isEmpty() ? null : joined(baselines.get(0));
  }

  /** The lowest baseline, its pieces joined, or null. */
  PdfLine bottom() {
    return baselines.isEmpty() ? null : joined(baselines.get(baselines.size() - 1));
  }

  /**
   * The lines in reading order, leaving out the topmost and lowest baselines when told they are
   * running headers or footers.
   */
  List<Placed> readingOrder(boolean dropTop, boolean dropBottom) {
    List<List<PdfLine>> body = new ArrayList<>(baselines);
    if (dropBottom && !body.isEmpty()) {
      body.remove(body.size() - 1);
    }
    if (dropTop && !body.isEmpty()) {
      body.remove(0);
    }
    List<Placed> out = new ArrayList<>();
    if (!twoColumns) {
      for (List<PdfLine> b : body) {
        out.add(new Placed(joined(b), 0));
      }
      return out;
    }
    List<PdfLine> left = new ArrayList<>();
    List<PdfLine> right = new ArrayList<>();
    for (List<PdfLine> b : body) {
      for (PdfLine p : b) {
        if (p.x1() < middle) {
          left.add(p);
        } else if (p.x0() > middle) {
          right.add(p);
        } else {
          flush(out, left, right);
          out.add(new Placed(p, 0));
        }
      }
    }
    flush(out, left, right);
    return out;
  }

  private static void flush(List<Placed> out, List<PdfLine> left, List<PdfLine> right) {
    left.forEach(p -> out.add(new Placed(p, 1)));
    right.forEach(p -> out.add(new Placed(p, 2)));
    left.clear();
    right.clear();
  }

  private static PdfLine joined(List<PdfLine> baseline) {
    if (baseline.size() == 1) {
      return baseline.get(0);
    }
    StringBuilder text = new StringBuilder();
    float size = 0;
    for (PdfLine p : baseline) {
      text.append(text.isEmpty() ? "" : " ").append(p.text());
      size = Math.max(size, p.size());
    }
    PdfLine first = baseline.get(0);
    PdfLine last = baseline.get(baseline.size() - 1);
    return new PdfLine(text.toString(), first.x0(), last.x1(), first.y(), size, first.bold());
  }

  /** Glyphs grouped into baselines (top to bottom), each cut into pieces at wide gaps. */
  private static List<List<PdfLine>> baselines(List<TextPosition> glyphs) {
    List<TextPosition> sorted = new ArrayList<>(glyphs);
    sorted.removeIf(g -> g.getDir() != 0 && g.getDir() != 360);
    sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj));
    List<List<TextPosition>> lines = new ArrayList<>();
    List<TextPosition> current = new ArrayList<>();
    float lineY = Float.NaN;
    float lineSize = 0;
    for (TextPosition g : sorted) {
      float y = g.getYDirAdj();
      if (!current.isEmpty() && y - lineY > 0.45f * Math.max(lineSize, g.getFontSizeInPt())) {
        lines.add(current);
        current = new ArrayList<>();
      }
      if (current.isEmpty()) {
        lineY = y;
        lineSize = g.getFontSizeInPt();
      } else if (g.getFontSizeInPt() >= lineSize) {
        // The baseline is the full-size type's: a raised citation number starts no new line.
        lineY = Math.max(lineY, y);
        lineSize = g.getFontSizeInPt();
      }
      current.add(g);
    }
    if (!current.isEmpty()) {
      lines.add(current);
    }
    List<List<PdfLine>> out = new ArrayList<>();
    for (List<TextPosition> line : lines) {
      line.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
      List<PdfLine> pieces = new ArrayList<>();
      List<TextPosition> piece = new ArrayList<>();
      TextPosition previous = null;
      for (TextPosition g : line) {
        boolean blank = g.getUnicode() == null || g.getUnicode().isBlank();
        if (previous != null && !blank) {
          float gap = g.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
          if (gap > 1.2f * Math.max(previous.getFontSizeInPt(), g.getFontSizeInPt())) {
            addPiece(pieces, piece);
            piece = new ArrayList<>();
          }
        }
        piece.add(g);
        if (!blank) {
          previous = g;
        }
      }
      addPiece(pieces, piece);
      if (!pieces.isEmpty()) {
        out.add(pieces);
      }
    }
    return out;
  }

  private static void addPiece(List<PdfLine> pieces, List<TextPosition> glyphs) {
    if (glyphs.isEmpty()) {
      return;
    }
    PdfLine line = PdfLine.of(glyphs);
    if (!line.text().isEmpty()) {
      pieces.add(line);
    }
  }
}
