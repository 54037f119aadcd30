package org.cmograph.extraction.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads the text layer of a PDF (Apache PDFBox) in reading order, one or two columns per page.
 * Running headers and footers (the top or bottom line repeated on other pages, numbers aside) and
 * bare page numbers are kept out of the text and recorded in the map; a word hyphenated at a line
 * end is joined and the join recorded; ligatures and other layout characters are replaced ({@link
 * CompatibilityCharacters}). A PDF with no text layer at all (a scan) is refused.
 */
final class PdfSourceReader {
  private static final Pattern PAGE_NUMBER =
      Pattern.compile("(?i)(?:page\\s+)?\\d{1,4}(?:\\s+(?:of|/)\\s+\\d{1,4})?|[ivxlc]{1,6}");
  private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.?!:\"\u201D)]$");

  ExtractedSource read(Path file) throws IOException, UnreadableSourceException {
    try (PDDocument doc = load(file)) {
      int n = doc.getNumberOfPages();
      List<PdfPageLayout> pages = new ArrayList<>();
      List<String> unread = new ArrayList<>();
      GlyphCollector collector = new GlyphCollector();
      for (int p = 1; p <= n; p++) {
        List<TextPosition> glyphs = collector.glyphsOf(doc, p);
        int unmapped = 0;
        for (TextPosition g : glyphs) {
          if (g.getUnicode() == null || g.getUnicode().contains("\uFFFD")) {
            unmapped++;
          }
        }
        glyphs.removeIf(g -> g.getUnicode() == null || g.getUnicode().contains("\uFFFD"));
        if (unmapped > 0) {
          unread.add(
              "page "
                  + p
                  + ": "
                  + unmapped
                  + " glyph(s) without a Unicode mapping in their font were left out");
        }
        PdfPageLayout layout = new PdfPageLayout(glyphs);
        if (layout.isEmpty()) {
          unread.add(
              "page "
                  + p
                  + " has no text layer (an image or a scan); its text is not in"
                  + " the source");
        }
        pages.add(layout);
      }
      if (pages.stream().allMatch(PdfPageLayout::isEmpty)) {
        throw new UnreadableSourceException(
            file.getFileName()
                + " has no text layer on any of its "
                + n
                + " page(s): it is"
                + " probably a scan. Run OCR on it first (for example: ocrmypdf "
                + file.getFileName()
                + " ocr.pdf) and register the result.");
      }
      return assemble(pages, doc.getDocumentInformation(), unread, file);
    }
  }

  private static PDDocument load(Path file) throws IOException, UnreadableSourceException {
    try {
      return Loader.loadPDF(file.toFile());
    } catch (InvalidPasswordException e) {
      throw new UnreadableSourceException(
          file.getFileName()
              + " is encrypted with a password; save an unprotected copy and"
              + " register that",
          e);
    } catch (IOException e) {
      throw new UnreadableSourceException(
          file.getFileName() + " is not a readable PDF (" + e.getMessage() + ")", e);
    }
  }

  private ExtractedSource assemble(
      List<PdfPageLayout> pages, PDDocumentInformation info, List<String> unread, Path file) {
    Map<String, Integer> tops = new HashMap<>();
    Map<String, Integer> bottoms = new HashMap<>();
    for (PdfPageLayout page : pages) {
      if (!page.isEmpty()) {
        tops.merge(page.top().signature(), 1, Integer::sum);
        bottoms.merge(page.bottom().signature(), 1, Integer::sum);
      }
    }
    float body = bodySize(pages);
    TextAssembler asm = new TextAssembler();
    String title = null;
    PdfLine previous = null;
    int previousColumn = -1;
    for (int i = 0; i < pages.size(); i++) {
      PdfPageLayout page = pages.get(i);
      int number = i + 1;
      asm.page(number);
      if (page.isEmpty()) {
        continue;
      }
      PdfLine top = page.top();
      PdfLine bottom = page.bottom();
      boolean dropTop = isFurniture(top, tops);
      boolean dropBottom = top != bottom && isFurniture(bottom, bottoms);
      if (dropTop) {
        asm.furniture(number, kind(top, "header"), top.text(), asm.length());
      }
      List<PdfPageLayout.Placed> lines = page.readingOrder(dropTop, dropBottom);
      float gap = typicalGap(lines);
      for (PdfPageLayout.Placed placed : lines) {
        PdfLine line = placed.line();
        String text = lineText(line.text());
        if (text.isBlank()) {
          continue;
        }
        if (i == 0 && title == null && line.size() >= 1.3f * body && asm.length() == 0) {
          title = text;
          asm.appendLine(text);
          previous = line;
          previousColumn = placed.column();
          continue;
        }
        if (title != null
            && previous != null
            && i == 0
            && previous.size() >= 1.3f * body
            && line.size() >= 1.3f * body
            && Math.abs(line.size() - previous.size()) < 0.5f) {
          title = title + " " + text; // a title set on two lines
          asm.appendLine(text);
          previous = line;
          continue;
        }
        int level = Headings.level(text);
        boolean larger =
            line.size() >= 1.15f * body && text.split("\\s+").length <= 12 && !text.endsWith(".");
        if (level > 0 || (larger && previous != null)) {
          String heading = Headings.title(text);
          asm.section(heading, Math.max(1, level), Headings.apart(heading));
          previous = null;
          continue;
        }
        if (previous == null) {
          asm.endParagraph();
        } else if (startsParagraph(previous, previousColumn, line, placed.column(), gap)) {
          asm.endParagraph();
        } else if (previous.size() >= 1.3f * body && line.size() < 1.3f * body) {
          asm.endParagraph(); // after the title
        }
        asm.appendLine(text);
        previous = line;
        previousColumn = placed.column();
      }
      previousColumn = -1; // a new page: compare only by how the last line ended
      if (dropBottom) {
        asm.furniture(number, kind(bottom, "footer"), bottom.text(), asm.length());
      }
    }
    SourceMap.FrontMatter front =
        new SourceMap.FrontMatter(
            blankToNull(info.getTitle()) != null ? info.getTitle().strip() : title,
            info.getAuthor() == null || info.getAuthor().isBlank()
                ? List.of()
                : Arrays.stream(info.getAuthor().split("[;,]\\s*|\\s+and\\s+"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList(),
            null,
            null,
            null);
    return new ExtractedSource(
        asm.text(), asm.map("pdf", file.getFileName().toString(), front, unread));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A line's text with layout characters replaced; a final soft hyphen is kept for joining. */
  private static String lineText(String raw) {
    boolean soft = raw.endsWith("\u00AD");
    String t = CompatibilityCharacters.normalise(raw).strip();
    return soft ? t + "\u00AD" : t;
  }

  private static boolean isFurniture(PdfLine line, Map<String, Integer> counts) {
    if (line == null) {
      return false;
    }
    if (PAGE_NUMBER.matcher(line.text().strip()).matches()) {
      return true;
    }
    return counts.getOrDefault(line.signature(), 0) >= 2 && line.text().split("\\s+").length <= 20;
  }

  private static String kind(PdfLine line, String otherwise) {
    return PAGE_NUMBER.matcher(line.text().strip()).matches() ? "page-number" : otherwise;
  }

  /**
   * A new paragraph starts where the space between lines is clearly wider than the page's usual
   * line spacing, or, across a column or page, where the line before ended a sentence short of its
   * column's edge.
   */
  private static boolean startsParagraph(
      PdfLine previous, int previousColumn, PdfLine line, int column, float gap) {
    boolean sameColumn = previousColumn == column && line.y() > previous.y();
    if (sameColumn) {
      float space = line.y() - previous.y();
      float usual = gap > 0 ? gap : 1.2f * line.size();
      return space > 1.45f * usual;
    }
    return ENDS_SENTENCE.matcher(previous.text()).matches()
        && previous.x1() < line.x1() - 2 * line.size();
  }

  /** The most common distance between consecutive baselines of one column on a page. */
  private static float typicalGap(List<PdfPageLayout.Placed> lines) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      PdfPageLayout.Placed a = lines.get(i - 1);
      PdfPageLayout.Placed b = lines.get(i);
      float d = b.line().y() - a.line().y();
      if (a.column() == b.column() && d > 0) {
        counts.merge(Math.round(d * 2), 1, Integer::sum);
      }
    }
    int best = 0;
    int bestCount = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      // the most common; of equally common spacings, the smaller
      if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best / 2f;
  }

  /** The type size most characters are set in. */
  private static float bodySize(List<PdfPageLayout> pages) {
    Map<Integer, Integer> chars = new HashMap<>();
    for (PdfPageLayout page : pages) {
      for (PdfPageLayout.Placed p : page.readingOrder(false, false)) {
        chars.merge(Math.round(p.line().size() * 2), p.line().text().length(), Integer::sum);
      }
    }
    return chars.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> e.getKey() / 2f)
        .orElse(10f);
  }

  /** Collects the glyphs PDFBox finds on one page, in content order. */
  private static final class GlyphCollector extends PDFTextStripper {
    private List<TextPosition> glyphs = new ArrayList<>();

    List<TextPosition> glyphsOf(PDDocument doc, int page) throws IOException {
      glyphs = new ArrayList<>();
      setStartPage(page);
      setEndPage(page);
      getText(doc);
      return glyphs;
    }

    @Override
    protected void processTextPosition(TextPosition text) {
      glyphs.add(text);
    }
  }
}
