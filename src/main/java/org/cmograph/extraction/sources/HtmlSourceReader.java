package org.cmograph.extraction.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an article saved as HTML (jsoup): headings {@code h1}–{@code h6} as the section map,
 * paragraphs, list items and block quotations as text; navigation, scripts and styles left out;
 * tables kept apart after the body. Citation metadata ({@code citation_title}, {@code
 * citation_author}, ...: what Google Scholar reads) fills the front matter.
 */
final class HtmlSourceReader {
  private static final String BLOCKS =
      "h1, h2, h3, h4, h5, h6, p, li, blockquote, dt, dd, figcaption";

  ExtractedSource read(Path file) throws IOException {
    Document doc = Jsoup.parse(file.toFile(), null);
    doc.select("script, style, noscript, nav, header, footer, aside, form, template").remove();
    List<Element> tables = new ArrayList<>(doc.select("table"));
    tables.forEach(Element::remove);
    TextAssembler asm = new TextAssembler();
    Element root = doc.selectFirst("article");
    if (root == null) {
      root = doc.body();
    }
    for (Element e : root.select(BLOCKS)) {
      if (!e.select(BLOCKS).stream().filter(c -> c != e).toList().isEmpty()
          && !e.tagName().matches("h[1-6]")) {
        continue; // the inner blocks carry the text
      }
      String text = CompatibilityCharacters.normalise(e.text()).strip();
      if (text.isEmpty()) {
        continue;
      }
      if (e.tagName().matches("h[1-6]")) {
        String heading = Headings.title(text);
        asm.section(heading, e.tagName().charAt(1) - '0', Headings.apart(heading));
      } else {
        asm.paragraph(text);
      }
    }
    int t = 1;
    for (Element table : tables) {
      Element caption = table.selectFirst("caption");
      asm.section(
          caption == null ? "Table " + t : CompatibilityCharacters.normalise(caption.text()),
          1,
          true);
      for (Element row : table.select("tr")) {
        asm.paragraph(
            CompatibilityCharacters.normalise(String.join(" | ", row.select("th, td").eachText())));
      }
      t++;
    }
    SourceMap.FrontMatter front =
        new SourceMap.FrontMatter(
            meta(doc, "citation_title", doc.title().isBlank() ? null : doc.title().strip()),
            doc.select("meta[name=citation_author]").eachAttr("content"),
            meta(doc, "citation_journal_title", null),
            year(meta(doc, "citation_publication_date", meta(doc, "citation_date", null))),
            meta(doc, "citation_doi", null));
    return new ExtractedSource(
        asm.text(), asm.map("html", file.getFileName().toString(), front, List.of()));
  }

  private static String meta(Document doc, String name, String otherwise) {
    Element m = doc.selectFirst("meta[name=" + name + "]");
    return m == null || m.attr("content").isBlank() ? otherwise : m.attr("content").strip();
  }

  private static Integer year(String date) {
    return date != null && date.matches("\\d{4}.*") ? Integer.valueOf(date.substring(0, 4)) : null;
  }
}
