package org.cmograph.extraction.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmograph.extraction.SourceText;
import org.cmograph.testing.BundledQuotes;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JATS XML, HTML and plain text sources: the section map from their structure, front matter,
 * references and tables kept apart, and a parser that a hostile XML file cannot turn against the
 * machine.
 */
class MarkupSourceReaderTest {
  static final Path JATS = Repo.root().resolve("examples/gillard-2014-change-model.nxml");

  @Test
  void jatsGivesFrontMatterSectionsAndEveryBundledQuoteInItsSection() throws Exception {
    ExtractedSource s = SourceRegistry.read(JATS);
    SourceMap.FrontMatter f = s.map().front();
    assertEquals(
        "Developing a change model for peer worker interventions in mental health services: a"
            + " qualitative research study",
        f.title());
    assertEquals(List.of("Gillard S"), f.authors());
    assertEquals("Epidemiology and Psychiatric Sciences", f.journal());
    assertEquals(2015, f.year());
    assertEquals("10.1017/S2045796014000407", f.doi());
    assertEquals(
        List.of("Abstract", "Aims", "Methods", "Results", "Conclusions"),
        s.map().sections().stream().map(SourceMap.Section::title).toList());
    assertTrue(s.map().unread().get(0).startsWith("the article has no <body>"));
    assertTrue(s.map().pages().isEmpty(), "JATS has no pages");

    SourceText text = SourceText.withMap("x.txt", s.text(), s.map());
    List<BundledQuotes.Quote> quotes = BundledQuotes.of("gillard-2014");
    assertTrue(quotes.size() >= 8);
    for (BundledQuotes.Quote q : quotes) {
      SourceText.Passage p = text.locate(q.quote()).orElseThrow(() -> new AssertionError(q.id()));
      // The hand-typed locations say "Abstract, Results" and so on: the section map agrees.
      assertEquals(q.location(), s.map().sectionPathAt(p.start()).orElseThrow(), q.id());
    }
  }

  @Test
  void jatsBodyTablesAndReferencesAreKeptApart(@TempDir Path tmp) throws Exception {
    // Structure only: the words are placeholders, not a study's findings.
    Path xml =
        Files.writeString(
            tmp.resolve("a.xml"),
            """
        <?xml version="1.0"?>
        <article><front><article-meta><title-group><article-title>T</article-title></title-group>
        <pub-date><year>2020</year></pub-date></article-meta></front>
        <body>
          <sec><title>Methods</title><p>First paragraph of methods.</p>
            <sec><title>Participants</title>
              <p>Text before the table <xref ref-type="bibr" rid="r1">1</xref>.
                <table-wrap><label>Table 1</label><caption><title>Counts</title></caption>
                  <table><tr><th>Group</th><th>n</th></tr><tr><td>alpha</td><td>3</td></tr></table>
                </table-wrap> Text after the table.</p>
            </sec>
          </sec>
          <sec><title>Results</title><p>A result paragraph.</p></sec>
        </body>
        <back><ref-list><title>References</title><ref id="r1">Placeholder reference.</ref></ref-list></back>
        </article>
        """);
    ExtractedSource s = SourceRegistry.read(xml);
    String t = s.text();
    assertTrue(t.contains("Text before the table 1. Text after the table."), t);
    assertTrue(t.indexOf("Group | n") > t.indexOf("A result paragraph."), "tables after the body");
    SourceMap.Section table =
        s.map().sections().stream()
            .filter(x -> x.title().equals("Table 1 Counts"))
            .findFirst()
            .orElseThrow();
    assertTrue(table.apart());
    assertTrue(
        s.map().sections().stream().anyMatch(x -> x.title().equals("References") && x.apart()));
    int at = t.indexOf("Text after");
    assertEquals("Methods, Participants", s.map().sectionPathAt(at).orElseThrow());
    assertEquals(2020, s.map().front().year());
  }

  @Test
  void jatsWithAnExternalEntityIsRefusedWithoutReadingIt(@TempDir Path tmp) throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "SECRET-CONTENT");
    Path xml =
        Files.writeString(
            tmp.resolve("xxe.xml"),
            "<?xml version=\"1.0\"?>\n<!DOCTYPE article [<!ENTITY x SYSTEM \""
                + secret.toUri()
                + "\">]>\n"
                + "<article><body><p>&x;</p></body></article>");
    try {
      ExtractedSource s = SourceRegistry.read(xml);
      assertFalse(s.text().contains("SECRET-CONTENT"), "an external entity was read");
    } catch (UnreadableSourceException e) {
      assertTrue(e.getMessage().startsWith("xxe.xml:"), e.getMessage());
    }
  }

  @Test
  void jatsWithAnEntityBombIsRefused(@TempDir Path tmp) throws Exception {
    StringBuilder dtd = new StringBuilder("<!ENTITY a0 \"xxxxxxxxxx\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY a")
          .append(i)
          .append(" \"")
          .append(("&a" + (i - 1) + ";").repeat(10))
          .append("\">");
    }
    Path xml =
        Files.writeString(
            tmp.resolve("bomb.xml"),
            "<?xml version=\"1.0\"?>\n<!DOCTYPE article ["
                + dtd
                + "]>\n<article><body><p>&a9;</p></body></article>");
    UnreadableSourceException e =
        assertThrows(UnreadableSourceException.class, () -> SourceRegistry.read(xml));
    assertTrue(e.getMessage().startsWith("bomb.xml:"), e.getMessage());
    assertTrue(e.getMessage().contains("more than \"1000\" entity expansions"), e.getMessage());
  }

  @Test
  void xmlThatIsNotJatsIsRefused(@TempDir Path tmp) throws Exception {
    Path xml = Files.writeString(tmp.resolve("feed.xml"), "<?xml version=\"1.0\"?><rss/>");
    UnreadableSourceException e =
        assertThrows(UnreadableSourceException.class, () -> SourceRegistry.read(xml));
    assertTrue(e.getMessage().contains("not a JATS article"), e.getMessage());
  }

  @Test
  void htmlGivesHeadingsAsSectionsAndLeavesScriptsOut(@TempDir Path tmp) throws Exception {
    Path html =
        Files.writeString(
            tmp.resolve("a.html"),
            """
        <!DOCTYPE html><html><head><title>Page</title>
        <meta name="citation_title" content="A title"><meta name="citation_author" content="Gillard S">
        <meta name="citation_doi" content="10.1017/S2045796014000407">
        <meta name="citation_publication_date" content="2015/09/01">
        <script>var hidden = "script text";</script></head>
        <body><nav>Menu</nav><article><h2>Results</h2>
        <p>Key change mechanisms were: (i) building trusting relationships based on shared lived experience;</p>
        <table><caption>Table 1</caption><tr><td>cell</td></tr></table>
        <h2>Conclusions</h2><p>Closing&nbsp;words.</p></article></body></html>
        """);
    ExtractedSource s = SourceRegistry.read(html);
    assertFalse(s.text().contains("script text"));
    assertFalse(s.text().contains("Menu"));
    assertTrue(s.text().contains("Closing words."), "a no-break space is a space");
    assertEquals(
        List.of("Results", "Conclusions", "Table 1"),
        s.map().sections().stream().map(SourceMap.Section::title).toList());
    assertEquals("A title", s.map().front().title());
    assertEquals(2015, s.map().front().year());
    int at = s.text().indexOf("Key change");
    assertEquals("Results", s.map().sectionPathAt(at).orElseThrow());
  }

  @Test
  void aBundledPlainTextRegistersUnchanged() throws Exception {
    Path file = Repo.data().resolve("sources/gillard-2014-change-model.txt");
    ExtractedSource s = SourceRegistry.read(file);
    assertEquals(Files.readString(file), s.text());
  }

  @Test
  void plainTextPagesAreSplitAtFormFeeds(@TempDir Path tmp) throws Exception {
    Path file =
        Files.writeString(tmp.resolve("a.txt"), "Results\nFirst page text.\n\fSecond page text.\n");
    ExtractedSource s = SourceRegistry.read(file);
    assertEquals(2, s.map().pages().size());
    assertEquals(2, s.map().pageAt(s.text().indexOf("Second")).orElseThrow());
    assertEquals("Results", s.map().sectionPathAt(s.text().indexOf("Second")).orElseThrow());
  }

  @Test
  void textThatIsNotUtf8IsRefused(@TempDir Path tmp) throws Exception {
    Path file = Files.write(tmp.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    UnreadableSourceException e =
        assertThrows(UnreadableSourceException.class, () -> SourceRegistry.read(file));
    assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
  }
}
