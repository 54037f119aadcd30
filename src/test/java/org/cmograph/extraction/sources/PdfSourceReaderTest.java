package org.cmograph.extraction.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.cmograph.extraction.SourceText;
import org.cmograph.testing.BundledQuotes;
import org.cmograph.testing.TestPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PDFs made here with PDFBox from the bundled Gillard 2014 abstract (one column, two columns,
 * running header, page numbers, words hyphenated at line ends, fi/fl ligature glyphs, a page
 * without text) come back as the abstract's own text, and every bundled quote of that study
 * verifies against what is registered, on the page where it was set.
 */
class PdfSourceReaderTest {
  static final String SOURCE = "gillard-2014-change-model.txt";

  @Test
  void oneColumnWithHeaderPageNumbersHyphensAndLigaturesGivesTheAbstractBack(@TempDir Path tmp)
      throws Exception {
    Path pdf = tmp.resolve("one-column.pdf");
    List<TestPdf.Line> set =
        new TestPdf()
            .header("Epidemiology and Psychiatric Sciences")
            .pageNumbers()
            .ligatures()
            .linesPerPage(14)
            .write(BundledQuotes.paragraphsOf(SOURCE), pdf);
    ExtractedSource s = SourceRegistry.read(pdf);
    SourceMap map = s.map();

    assertEquals(
        words(String.join(" ", BundledQuotes.paragraphsOf(SOURCE))),
        words(s.text()),
        "reading order, joined hyphenations and no running header or page number in the text");
    assertFalse(s.text().contains("\uFB01"), "ligatures are replaced");
    assertTrue(s.text().contains("benefits of peer workers"));
    int pages = set.get(set.size() - 1).page();
    assertTrue(pages >= 2, "the fixture has pages: " + pages);
    assertEquals(pages, map.pages().size());
    assertEquals(pages, map.furniture().stream().filter(f -> f.kind().equals("header")).count());
    assertEquals(
        pages, map.furniture().stream().filter(f -> f.kind().equals("page-number")).count());
    long hyphenated = set.stream().filter(l -> l.text().matches(".*[a-z]-")).count();
    assertTrue(hyphenated >= 2, "the fixture hyphenates words: " + hyphenated);
    assertEquals(hyphenated, map.joins().size());
    assertEveryQuoteVerifiesOnItsPage(s, set);
  }

  @Test
  void twoColumnsAreReadLeftColumnFirst(@TempDir Path tmp) throws Exception {
    Path pdf = tmp.resolve("two-columns.pdf");
    List<TestPdf.Line> set =
        new TestPdf()
            .columns(2)
            .header("Gillard et al.")
            .pageNumbers()
            .ligatures()
            .linesPerPage(16)
            .title("Developing a change model for peer worker interventions")
            .write(BundledQuotes.paragraphsOf(SOURCE), pdf);
    ExtractedSource s = SourceRegistry.read(pdf);
    assertEquals(
        words(
            "Developing a change model for peer worker interventions "
                + String.join(" ", BundledQuotes.paragraphsOf(SOURCE))),
        words(s.text()));
    assertEquals(
        "Developing a change model for peer worker interventions", s.map().front().title());
    assertTrue(set.get(set.size() - 1).page() >= 2);
    assertEveryQuoteVerifiesOnItsPage(s, set);
  }

  @Test
  void aPageWithoutTextIsReportedAndTheRestRead(@TempDir Path tmp) throws Exception {
    Path pdf = tmp.resolve("with-image-page.pdf");
    new TestPdf().linesPerPage(20).blankPageAfter(1).write(BundledQuotes.paragraphsOf(SOURCE), pdf);
    ExtractedSource s = SourceRegistry.read(pdf);
    assertTrue(
        s.map().unread().stream().anyMatch(u -> u.startsWith("page 2 has no text layer")),
        s.map().unread().toString());
    assertEquals(words(String.join(" ", BundledQuotes.paragraphsOf(SOURCE))), words(s.text()));
  }

  @Test
  void aScanWithoutTextLayerIsRefused(@TempDir Path tmp) throws IOException {
    Path pdf = tmp.resolve("scan.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.addPage(new PDPage());
      doc.save(pdf.toFile());
    }
    UnreadableSourceException e =
        assertThrows(UnreadableSourceException.class, () -> SourceRegistry.read(pdf));
    assertTrue(
        e.getMessage().contains("has no text layer on any of its 2 page(s)"), e.getMessage());
    assertTrue(e.getMessage().contains("scan"), e.getMessage());
  }

  @Test
  void aFileNamedPdfThatIsNotOneIsRefused(@TempDir Path tmp) throws IOException {
    Path pdf = Files.writeString(tmp.resolve("paper.pdf"), "not a PDF");
    UnreadableSourceException e =
        assertThrows(UnreadableSourceException.class, () -> SourceRegistry.read(pdf));
    assertTrue(e.getMessage().startsWith("paper.pdf is not a readable PDF"), e.getMessage());
  }

  /** Each quote verifies, and the page computed for it is the page its first words were set on. */
  static void assertEveryQuoteVerifiesOnItsPage(ExtractedSource s, List<TestPdf.Line> set)
      throws IOException {
    SourceText text = SourceText.withMap("x.txt", s.text(), s.map());
    // The text as set, line by line, and where each page starts in it.
    StringBuilder full = new StringBuilder();
    List<Integer> pageStarts = new ArrayList<>();
    for (TestPdf.Line l : set) {
      while (pageStarts.size() < l.page()) {
        pageStarts.add(full.length());
      }
      if (full.length() > 0 && full.charAt(full.length() - 1) == '-') {
        full.setLength(full.length() - 1);
      } else if (full.length() > 0) {
        full.append(' ');
      }
      full.append(words(l.text()));
    }
    int checked = 0;
    for (BundledQuotes.Quote q : BundledQuotes.of("gillard-2014")) {
      SourceText.Passage p =
          text.locate(q.quote())
              .orElseThrow(
                  () ->
                      new AssertionError(
                          q.id() + " does not verify: " + text.closest(q.quote()).describe()));
      String opening = String.join(" ", List.of(words(q.quote()).split(" ")).subList(0, 4));
      int at = full.indexOf(opening);
      int expected = 0;
      for (int i = 0; i < pageStarts.size() && at >= 0; i++) {
        if (pageStarts.get(i) <= at) {
          expected = i + 1;
        }
      }
      assertTrue(expected > 0, q.id() + ": its opening was not set on a page");
      assertEquals(expected, s.map().pageAt(p.start()).orElseThrow(), q.id() + " page");
      checked++;
    }
    assertTrue(checked >= 8, "quotes checked: " + checked);
  }

  static String words(String s) {
    return s.replace('\uFB01', 'f').strip().replaceAll("\\s+", " ");
  }
}
