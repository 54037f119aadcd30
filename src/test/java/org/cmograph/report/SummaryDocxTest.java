package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code summary --format docx} on the bundled data, opened again with Apache POI as Word would
 * read it: Word headings, the Summary of Qualitative Findings and the Evidence Profile as tables
 * with one row per theory configuration under a repeating header row, and every excerpt of the
 * appendix as a quote.
 */
class SummaryDocxTest {
  static byte[] bytes;
  static XWPFDocument doc;
  static List<Doc.Block> overview;

  @BeforeAll
  static void write() throws IOException {
    Summaries s = BundledSummaries.get();
    bytes = s.docx();
    doc = new XWPFDocument(new ByteArrayInputStream(bytes));
    overview = new SummaryWriter(s.base()).overview(s.theorySections(), s.mechanismSections());
  }

  static List<String> headings(String style) {
    return doc.getParagraphs().stream()
        .filter(p -> style.equals(p.getStyle()))
        .map(XWPFParagraph::getText)
        .toList();
  }

  @Test
  void headingsAreWordHeadings() {
    assertEquals(
        List.of("Summary of Qualitative Findings", "Evidence Profile", "Evidence appendix"),
        headings("Heading1"));
    assertEquals(List.of("Theory configurations", "Study configurations"), headings("Heading2"));
    List<String> theory =
        BundledSummaries.get().base().theory().orElseThrow().cmocs().stream()
            .map(EvidenceBase.TheoryCmoc::label)
            .toList();
    assertEquals(theory, headings("Heading3").subList(0, theory.size()));
    // Word knows these styles as its own headings, so they reach the navigation pane.
    assertEquals("heading 1", doc.getStyles().getStyle("Heading1").getName());
    assertEquals(
        List.of(BundledSummaries.get().base().theory().orElseThrow().title()), headings("Title"));
  }

  @Test
  void theCerqualTablesHaveARowPerTheoryConfigurationUnderARepeatingHeader() {
    int findings = BundledSummaries.get().theorySections().size();
    assertEquals(9, findings);
    List<XWPFTable> tables = doc.getTables();
    int i = 0;
    for (String anchor : List.of("summary-of-qualitative-findings", "evidence-profile")) {
      Doc.Table expected =
          Doc.slice(overview, anchor).stream()
              .filter(b -> b instanceof Doc.Table)
              .map(b -> (Doc.Table) b)
              .findFirst()
              .orElseThrow();
      XWPFTable t = tables.get(i++);
      assertEquals(
          findings + 1,
          t.getNumberOfRows(),
          anchor + ": a header row and one per theory configuration");
      assertEquals(
          expected.headers(),
          t.getRow(0).getTableCells().stream().map(XWPFTableCell::getText).toList(),
          anchor);
      assertTrue(t.getRow(0).isRepeatHeader(), anchor + ": the header row repeats on every page");
      for (int r = 0; r < findings; r++) {
        List<String> cells =
            t.getRow(r + 1).getTableCells().stream().map(XWPFTableCell::getText).toList();
        List<String> want =
            expected.rows().get(r).stream()
                .map(c -> String.join("", c.stream().map(Doc.Inline::text).toList()))
                .toList();
        assertEquals(want, cells, anchor + ", row " + (r + 1));
      }
    }
    // Both tables on landscape pages, the appendix on portrait ones.
    assertTrue(
        doc.getDocument().getBody().getSectPr().getPgSz().getOrient() == null,
        "the appendix is portrait");
  }

  @Test
  void everyExcerptOfTheAppendixIsAQuote() {
    EvidenceBase base = BundledSummaries.get().base();
    List<String> quotes =
        doc.getParagraphs().stream()
            .filter(p -> "Quote".equals(p.getStyle()))
            .map(XWPFParagraph::getText)
            .toList();
    long expected =
        new EvidenceAppendix(base).blocks(1).stream().filter(b -> b instanceof Doc.Quote).count();
    assertEquals(expected, quotes.size());
    Set<String> present = new TreeSet<>(quotes);
    base.evidence()
        .forEach(
            e ->
                assertTrue(
                    present.contains(e.quote()),
                    "not in the Word file: " + e.study() + "/" + e.id()));
    // Each quote is followed by its citation, which names the item.
    Map<String, Integer> citations = new TreeMap<>();
    List<XWPFParagraph> ps = doc.getParagraphs();
    for (int i = 0; i + 1 < ps.size(); i++) {
      if ("Quote".equals(ps.get(i).getStyle())) {
        assertEquals("QuoteCitation", ps.get(i + 1).getStyle());
        citations.merge(ps.get(i + 1).getText(), 1, Integer::sum);
      }
    }
    base.evidence()
        .forEach(
            e ->
                assertTrue(
                    citations.keySet().stream()
                        .anyMatch(c -> c.contains("Evidence " + e.study() + "/" + e.id() + ";")),
                    e.id()));
  }

  @Test
  void linksAreHyperlinksAndTheFileIsTheSameBytesFromTheSameGraph() throws IOException {
    List<String> urls = new ArrayList<>();
    List<XWPFParagraph> all = new ArrayList<>(doc.getParagraphs());
    doc.getTables()
        .forEach(
            t ->
                t.getRows()
                    .forEach(r -> r.getTableCells().forEach(c -> all.addAll(c.getParagraphs()))));
    for (XWPFParagraph p : all) {
      p.getRuns().stream()
          .filter(r -> r instanceof XWPFHyperlinkRun)
          .forEach(
              r -> {
                var link = ((XWPFHyperlinkRun) r).getHyperlink(doc);
                if (link != null) {
                  urls.add(link.getURL());
                }
              });
    }
    assertTrue(urls.stream().anyMatch(u -> u.startsWith("https://doi.org/10.")), urls.toString());
    // Links to a theory configuration go to its excerpts in the appendix (a bookmark).
    assertTrue(doc.getDocument().getBody().xmlText().contains("w:anchor=\"s_appendix_theory_"));
    assertEquals(
        "2026-12-06",
        new java.text.SimpleDateFormat("yyyy-MM-dd")
            .format(doc.getProperties().getCoreProperties().getCreated()));
    Summaries again;
    try (CmoStore store = BundledSummaries.store(true)) {
      again = Summaries.read(store);
    }
    assertArrayEquals(bytes, again.docx(), "same graph, same bytes");
  }

  @Test
  void aGraphWithoutAnExtractionDateStillGivesADocument() throws IOException {
    // An empty store's summaries say "Data as of unknown"; the document must still be written.
    byte[] docx = new DocxFormat("Empty", "unknown").write(List.of());
    try (var doc =
        new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
      assertEquals(
          DocxFormat.NO_DATE,
          doc.getProperties()
              .getCoreProperties()
              .getCreated()
              .toInstant()
              .toString()
              .substring(0, 10));
    }
    assertArrayEquals(docx, new DocxFormat("Empty", "unknown").write(List.of()));
  }
}
