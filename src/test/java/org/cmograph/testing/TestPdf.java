package org.cmograph.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Test PDFs made with PDFBox itself, so no binary fixture is committed: text flowed into one or two
 * columns of A4 pages, with an optional running header, page numbers, words hyphenated where they
 * do not fit at a line end, and "fi"/"fl" set as ligature glyphs (Helvetica's fi and fl, reached
 * through a font encoding with /Differences, so the PDF carries U+FB01 and U+FB02 as a typesetter's
 * would). Every choice is a parameter; {@link #flow} says where each word landed.
 */
public final class TestPdf {
  public static final float WIDTH = PDRectangle.A4.getWidth();
  public static final float HEIGHT = PDRectangle.A4.getHeight();
  private static final float MARGIN = 56;

  private int columns = 1;
  private float size = 10;
  private String header;
  private boolean pageNumbers;
  private boolean ligatures;
  private boolean hyphenate = true;
  private int linesPerPage = 60;
  private String title;
  private final List<Integer> blankPagesAfter = new ArrayList<>();

  public TestPdf columns(int n) {
    columns = n;
    return this;
  }

  public TestPdf header(String runningHeader) {
    header = runningHeader;
    return this;
  }

  public TestPdf pageNumbers() {
    pageNumbers = true;
    return this;
  }

  public TestPdf ligatures() {
    ligatures = true;
    return this;
  }

  public TestPdf noHyphenation() {
    hyphenate = false;
    return this;
  }

  public TestPdf linesPerPage(int n) {
    linesPerPage = n;
    return this;
  }

  public TestPdf title(String t) {
    title = t;
    return this;
  }

  /** Adds a page without any text (an image-only page, as in a scan) after page {@code n}. */
  public TestPdf blankPageAfter(int n) {
    blankPagesAfter.add(n);
    return this;
  }

  /** A laid-out line: its words as set (a final "-" where a word was hyphenated). */
  public record Line(int page, String text) {}

  /** Writes the paragraphs as a PDF; returns the lines as set. */
  public List<Line> write(List<String> paragraphs, Path out) throws IOException {
    List<Line> set = new ArrayList<>();
    try (PDDocument doc = new PDDocument()) {
      PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDFont ligatureFont = ligatureFont();
      float gutter = 24;
      float columnWidth = (WIDTH - 2 * MARGIN - (columns - 1) * gutter) / columns;
      List<String> lines = new ArrayList<>();
      List<Boolean> paragraphEnds = new ArrayList<>();
      for (String p : paragraphs) {
        List<String> ls = flow(p, font, columnWidth);
        for (int i = 0; i < ls.size(); i++) {
          lines.add(ls.get(i));
          paragraphEnds.add(i == ls.size() - 1);
        }
      }
      int index = 0;
      int pageNo = 0;
      float leading = size * 1.25f;
      while (index < lines.size()) {
        pageNo++;
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          if (header != null) {
            show(cs, font, 8, MARGIN, HEIGHT - 36, header);
          }
          if (pageNumbers) {
            show(cs, font, 8, WIDTH / 2 - 4, 30, String.valueOf(pageNo));
          }
          float top = HEIGHT - 72;
          if (title != null && pageNo == 1) {
            show(cs, bold, 16, MARGIN, top, title);
            top -= 40;
          }
          for (int c = 0; c < columns && index < lines.size(); c++) {
            float x = MARGIN + c * (columnWidth + gutter);
            float y = top;
            for (int l = 0; l < linesPerPage && index < lines.size(); l++) {
              String line = lines.get(index);
              showWords(cs, font, ligatureFont, x, y, line);
              set.add(new Line(pageNo, line));
              y -= paragraphEnds.get(index) ? leading * 2 : leading;
              index++;
            }
          }
        }
        if (blankPagesAfter.contains(pageNo)) {
          doc.addPage(new PDPage(PDRectangle.A4));
          pageNo++;
        }
      }
      doc.save(out.toFile());
    }
    return set;
  }

  /** Greedy line breaking; a long word that does not fit is hyphenated if it can be. */
  private List<String> flow(String paragraph, PDFont font, float width) throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.strip().split("\\s+")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(font, candidate) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      int cut = hyphenate ? hyphenPoint(font, line, word, width) : -1;
      if (cut > 0) {
        out.add((line.isEmpty() ? "" : line + " ") + word.substring(0, cut) + "-");
        line.setLength(0);
        line.append(word.substring(cut));
      } else {
        out.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (!line.isEmpty()) {
      out.add(line.toString());
    }
    return out;
  }

  /** Where a lower-case word of 8+ letters can be cut (3+ letters each side), or -1. */
  private int hyphenPoint(PDFont font, StringBuilder line, String word, float width)
      throws IOException {
    if (!word.matches("[a-z]{8,}[,.;]?")) {
      return -1;
    }
    int letters = word.replaceAll("[,.;]", "").length();
    for (int cut = letters - 3; cut >= 3; cut--) {
      String piece = (line.isEmpty() ? "" : line + " ") + word.substring(0, cut) + "-";
      if (width(font, piece) <= width) {
        return cut;
      }
    }
    return -1;
  }

  private float width(PDFont font, String s) throws IOException {
    return font.getStringWidth(s) / 1000 * size;
  }

  private void showWords(
      PDPageContentStream cs, PDFont font, PDFont ligature, float x, float y, String line)
      throws IOException {
    cs.beginText();
    cs.newLineAtOffset(x, y);
    if (!ligatures) {
      cs.setFont(font, size);
      cs.showText(line);
    } else {
      // fi and fl as single glyphs, as a typesetter sets them
      StringBuilder plain = new StringBuilder();
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        char next = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
        if (c == 'f' && (next == 'i' || next == 'l')) {
          if (!plain.isEmpty()) {
            cs.setFont(font, size);
            cs.showText(plain.toString());
            plain.setLength(0);
          }
          cs.setFont(ligature, size);
          cs.showText(next == 'i' ? "\uFB01" : "\uFB02");
          i++;
        } else {
          plain.append(c);
        }
      }
      if (!plain.isEmpty()) {
        cs.setFont(font, size);
        cs.showText(plain.toString());
      }
    }
    cs.endText();
  }

  private static void show(
      PDPageContentStream cs, PDFont font, float size, float x, float y, String text)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    cs.endText();
  }

  /** Helvetica with codes 1 and 2 re-encoded as its fi and fl glyphs. */
  private static PDFont ligatureFont() throws IOException {
    COSDictionary encoding = new COSDictionary();
    encoding.setItem(COSName.TYPE, COSName.ENCODING);
    encoding.setItem(COSName.BASE_ENCODING, COSName.WIN_ANSI_ENCODING);
    COSArray differences = new COSArray();
    differences.add(COSInteger.get(1));
    differences.add(COSName.getPDFName("fi"));
    differences.add(COSName.getPDFName("fl"));
    encoding.setItem(COSName.DIFFERENCES, differences);
    COSDictionary dict = new COSDictionary();
    dict.setItem(COSName.TYPE, COSName.FONT);
    dict.setItem(COSName.SUBTYPE, COSName.TYPE1);
    dict.setItem(COSName.BASE_FONT, COSName.getPDFName("Helvetica"));
    dict.setItem(COSName.ENCODING, encoding);
    return new PDType1Font(dict);
  }
}
