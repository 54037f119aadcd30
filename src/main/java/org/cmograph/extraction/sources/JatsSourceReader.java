package org.cmograph.extraction.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a JATS XML full text (PubMed Central's open-access articles, many publishers): the abstract
 * and the body with their section titles as the section map, the front matter (title, authors,
 * journal, year, DOI), and, kept apart after the body, tables, figure captions, the
 * acknowledgements and the references. The parser reads no external DTD or entity and limits entity
 * expansion, so a hostile file can neither reach the network or the disk nor blow up.
 */
final class JatsSourceReader {
  /** Expanded entities allowed per document: JATS articles use character references, not these. */
  static final int ENTITY_EXPANSION_LIMIT = 1_000;

  ExtractedSource read(Path file) throws IOException, UnreadableSourceException {
    Document doc = parse(file);
    Element article = doc.getDocumentElement();
    if (!"article".equals(localName(article))) {
      throw new UnreadableSourceException(
          file.getFileName()
              + " is XML but not a JATS article (its root element is <"
              + article.getNodeName()
              + ">, not <article>)");
    }
    TextAssembler asm = new TextAssembler();
    List<String> unread = new ArrayList<>();
    Element front = child(article, "front");
    Element meta = front == null ? null : child(front, "article-meta");
    SourceMap.FrontMatter fm = frontMatter(front, meta);
    if (fm.title() != null) {
      asm.paragraph(fm.title());
    }
    List<Element> apart = new ArrayList<>();
    if (meta != null) {
      for (Element abs : children(meta, "abstract")) {
        if (abs.hasAttribute("abstract-type")) {
          continue; // graphical abstracts, teasers: not the abstract
        }
        asm.section(titleOr(abs, "Abstract"), 1, false);
        content(abs, 2, asm, apart);
      }
    }
    Element body = child(article, "body");
    if (body == null) {
      unread.add("the article has no <body>: only its front matter and abstract are in the text");
    } else {
      content(body, 1, asm, apart);
    }
    for (Element e : apart) {
      keptApart(e, asm);
    }
    Element back = child(article, "back");
    if (back != null) {
      for (Element ack : children(back, "ack")) {
        asm.section(titleOr(ack, "Acknowledgements"), 1, true);
        content(ack, 2, asm, new ArrayList<>());
      }
      for (Element refs : children(back, "ref-list")) {
        asm.section(titleOr(refs, "References"), 1, true);
        for (Element ref : children(refs, "ref")) {
          asm.paragraph(text(ref));
        }
      }
    }
    return new ExtractedSource(
        asm.text(), asm.map("jats", file.getFileName().toString(), fm, unread));
  }

  /** Sections, paragraphs and lists in document order; tables and figures set aside. */
  private void content(Element parent, int level, TextAssembler asm, List<Element> apart) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      switch (localName(e)) {
        case "sec" -> {
          Element title = child(e, "title");
          if (title != null && !text(title).isEmpty()) {
            asm.section(text(title), level, false);
          }
          content(e, level + 1, asm, apart);
        }
        case "p" -> {
          collectApart(e, apart);
          String t = textWithout(e, "table-wrap", "fig", "disp-formula");
          if (!t.isEmpty()) {
            asm.paragraph(t);
          }
        }
        case "list", "list-item", "disp-quote", "boxed-text", "statement" ->
            content(e, level, asm, apart);
        case "table-wrap", "fig", "table-wrap-group", "fig-group" -> apart.add(e);
        case "title", "label", "sec-meta" -> {}
        default -> {
          String t = text(e);
          if (!t.isEmpty()) {
            asm.paragraph(t);
          }
        }
      }
    }
  }

  private static void collectApart(Element p, List<Element> apart) {
    for (String name : List.of("table-wrap", "fig")) {
      var nodes = p.getElementsByTagNameNS("*", name);
      for (int i = 0; i < nodes.getLength(); i++) {
        apart.add((Element) nodes.item(i));
      }
    }
  }

  /** A table or figure: its label and caption as its heading, then its rows, one per line. */
  private static void keptApart(Element e, TextAssembler asm) {
    Element label = child(e, "label");
    Element caption = child(e, "caption");
    String heading =
        ((label == null ? "" : text(label))
                + " "
                + (caption == null || child(caption, "title") == null
                    ? ""
                    : text(child(caption, "title"))))
            .strip();
    asm.section(heading.isEmpty() ? localName(e) : heading, 1, true);
    if (caption != null) {
      for (Element p : children(caption, "p")) {
        asm.paragraph(text(p));
      }
    }
    var rows = e.getElementsByTagNameNS("*", "tr");
    for (int i = 0; i < rows.getLength(); i++) {
      List<String> cells = new ArrayList<>();
      for (Node c = rows.item(i).getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element cell) {
          cells.add(text(cell));
        }
      }
      asm.paragraph(String.join(" | ", cells));
    }
    for (String foot : List.of("table-wrap-foot")) {
      for (Element f : children(e, foot)) {
        asm.paragraph(text(f));
      }
    }
  }

  private static SourceMap.FrontMatter frontMatter(Element front, Element meta) {
    if (meta == null) {
      return new SourceMap.FrontMatter(null, List.of(), null, null, null);
    }
    Element titleGroup = child(meta, "title-group");
    Element title = titleGroup == null ? null : child(titleGroup, "article-title");
    List<String> authors = new ArrayList<>();
    for (Element group : children(meta, "contrib-group")) {
      for (Element contrib : children(group, "contrib")) {
        String type = contrib.getAttribute("contrib-type");
        if (!type.isEmpty() && !type.equals("author")) {
          continue;
        }
        Element name = child(contrib, "name");
        Element collab = child(contrib, "collab");
        if (name != null) {
          Element surname = child(name, "surname");
          Element given = child(name, "given-names");
          String s = surname == null ? "" : text(surname);
          String g = given == null ? "" : initials(text(given));
          authors.add((s + " " + g).strip());
        } else if (collab != null) {
          authors.add(text(collab));
        }
      }
    }
    Element journalMeta = front == null ? null : child(front, "journal-meta");
    String journal = null;
    if (journalMeta != null) {
      Element group = child(journalMeta, "journal-title-group");
      Element jt = child(group == null ? journalMeta : group, "journal-title");
      journal = jt == null ? null : text(jt);
    }
    String doi = null;
    for (Element id : children(meta, "article-id")) {
      if ("doi".equals(id.getAttribute("pub-id-type"))) {
        doi = text(id);
      }
    }
    Integer year = null;
    for (Element date : children(meta, "pub-date")) {
      Element y = child(date, "year");
      if (y != null && text(y).matches("\\d{4}")) {
        int value = Integer.parseInt(text(y));
        year = year == null ? value : Math.min(year, value); // the first publication
      }
    }
    return new SourceMap.FrontMatter(
        title == null ? null : text(title), authors, journal, year, doi);
  }

  /** "Steven" → "S", "Mary Ann" → "MA": the Vancouver style of the extraction files. */
  private static String initials(String given) {
    StringBuilder out = new StringBuilder();
    for (String part : given.split("[\\s.-]+")) {
      if (!part.isEmpty()) {
        out.appendCodePoint(part.codePointAt(0));
      }
    }
    return out.toString();
  }

  private static Document parse(Path file) throws IOException, UnreadableSourceException {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
      builder.setEntityResolver(
          (publicId, systemId) -> new InputSource(new java.io.StringReader("")));
      builder.setErrorHandler(null);
      return builder.parse(in);
    } catch (SAXParseException e) {
      throw new UnreadableSourceException(
          file.getFileName()
              + ":"
              + e.getLineNumber()
              + ":"
              + e.getColumnNumber()
              + ": not well-formed XML, or an entity it may not use: "
              + e.getMessage(),
          e);
    } catch (SAXException | ParserConfigurationException e) {
      throw new UnreadableSourceException(
          file.getFileName() + " could not be read as XML: " + e.getMessage(), e);
    }
  }

  /**
   * A namespace-aware parser that reads no external DTD, entity or XInclude and expands few
   * entities: a JATS DOCTYPE is accepted (PMC files carry one) but never fetched.
   */
  static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setAttribute("jdk.xml.entityExpansionLimit", String.valueOf(ENTITY_EXPANSION_LIMIT));
    f.setAttribute("jdk.xml.totalEntitySizeLimit", "100000");
    f.setXIncludeAware(false);
    // Expanded while parsing, so the expansion limits apply (unexpanded references would be
    // expanded later, unbounded, when the text is read).
    f.setExpandEntityReferences(true);
    f.setValidating(false);
    return f;
  }

  private static String localName(Node n) {
    return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(localName(e))) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(localName(e))) {
        out.add(e);
      }
    }
    return out;
  }

  private static String titleOr(Element e, String otherwise) {
    Element title = child(e, "title");
    return title == null || text(title).isEmpty() ? otherwise : text(title);
  }

  /** The element's text, whitespace runs as one space, layout characters replaced. */
  static String text(Node n) {
    return clean(n.getTextContent());
  }

  private static String textWithout(Element e, String... skipped) {
    StringBuilder out = new StringBuilder();
    appendText(e, List.of(skipped), out);
    return clean(out.toString());
  }

  private static void appendText(Node n, List<String> skipped, StringBuilder out) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        out.append(c.getNodeValue());
      } else if (c instanceof Element e && !skipped.contains(localName(e))) {
        appendText(e, skipped, out);
      }
    }
  }

  private static String clean(String s) {
    return CompatibilityCharacters.normalise(s == null ? "" : s).replaceAll("\\s+", " ").strip();
  }
}
