package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A small document model between the summaries' content and their formats: {@link SummaryWriter}
 * says what a summary contains once, as blocks; {@link MarkdownFormat} and {@link HtmlFormat} only
 * decide how blocks look. So the Markdown and the HTML of a summary cannot say different things.
 */
final class Doc {
  private Doc() {}

  /**
   * A run of text inside a block. A {@link Kind#COUNT} is a number the summaries state, with the
   * ids ("study/item") of the evidence items it counts in {@code evidence}: Markdown and HTML print
   * the text, JSON gives the ids too, so every number can be traced to its items.
   */
  record Inline(Kind kind, String text, String target, List<String> evidence) {
    Inline(Kind kind, String text, String target) {
      this(kind, text, target, List.of());
    }

    Inline {
      evidence = List.copyOf(evidence);
    }

    enum Kind {
      TEXT,
      STRONG,
      EMPHASIS,
      /** A link to a URL. */
      LINK,
      /** A link to another section of the summaries, by its slug. */
      SECTION,
      /** A number (with its words, e.g. "3 findings") and the evidence items it counts. */
      COUNT,
      /**
       * A file written beside the page (an export: a CSV table, the Word document, a JSON page), by
       * its file name; linked where the page's folder holds it, plain text elsewhere.
       */
      FILE
    }
  }

  /** Where the graph's IRIs begin; every resource IRI is {@code IRI_BASE + path}. */
  static final String IRI_BASE = "https://w3id.org/cmograph/";

  static Inline text(String s) {
    return new Inline(Inline.Kind.TEXT, s == null ? "" : s, null);
  }

  static Inline strong(String s) {
    return new Inline(Inline.Kind.STRONG, s, null);
  }

  static Inline em(String s) {
    return new Inline(Inline.Kind.EMPHASIS, s, null);
  }

  static Inline link(String s, String url) {
    return new Inline(Inline.Kind.LINK, s, url);
  }

  static Inline section(String s, String slug) {
    return new Inline(Inline.Kind.SECTION, s, slug);
  }

  /** A file written beside the page, named by its file name (see {@link Inline.Kind#FILE}). */
  static Inline file(String name) {
    return new Inline(Inline.Kind.FILE, name, name);
  }

  /**
   * A link to a resource of the graph by its IRI ({@code https://w3id.org/cmograph/PATH}): it
   * resolves where the IRIs are served (a public deployment); the endpoint's summary pages point it
   * at their own server ({@code /PATH}).
   */
  static Inline iri(String s, String path) {
    return link(s, IRI_BASE + path);
  }

  /** A study's id, linked to the study's IRI. */
  static Inline study(String id) {
    return iri(id, "id/" + id);
  }

  /** An evidence item's key ("study/item"), linked to the item's IRI (its quote in the source). */
  static Inline evidence(String study, String item) {
    return iri(study + "/" + item, "id/" + study + "/evidence/" + item);
  }

  /** "3 findings", counting the items with these ids ("study/item", in the order given). */
  static Inline count(String s, java.util.Collection<String> evidence) {
    return new Inline(Inline.Kind.COUNT, s, null, List.copyOf(evidence));
  }

  /** A paragraph-level element. */
  sealed interface Block permits Heading, Para, Table, Bullets, Quote, Diagram, Flow, Refinement {}

  record Heading(int level, String text, String anchor) implements Block {}

  record Para(List<Inline> content) implements Block {}

  /**
   * A table; {@code cssClass} lets HTML style special tables (the evidence matrix); {@code
   * headerTitles}, empty or one per header (null for none), gives a short header its full name (the
   * matrix's study keys S1, S2, ...), shown as a tooltip and read by screen readers.
   */
  record Table(
      List<String> headers,
      List<List<List<Inline>>> rows,
      String cssClass,
      List<String> headerTitles)
      implements Block {
    Table(List<String> headers, List<List<List<Inline>>> rows, String cssClass) {
      this(headers, rows, cssClass, List.of());
    }

    Table {
      headerTitles =
          headerTitles == null
              ? List.of()
              : java.util.Collections.unmodifiableList(new ArrayList<>(headerTitles));
    }

    /** The full name of header {@code i}, or null. */
    String headerTitle(int i) {
      return i < headerTitles.size() ? headerTitles.get(i) : null;
    }
  }

  record Bullets(List<List<Inline>> items) implements Block {}

  /** A verbatim quote with its citation line. */
  record Quote(String quote, List<Inline> citation) implements Block {}

  record Diagram(TheoryDiagram diagram) implements Block {}

  /** The search and selection flow diagram: SVG in HTML, its one-sentence form in Markdown. */
  record Flow(FlowDiagram diagram) implements Block {}

  /** The refinement of the theory: SVG in HTML, a table of the same marks in Markdown. */
  record Refinement(RefinementDiagram diagram) implements Block {}

  /** Builds a list of blocks. */
  static final class Builder {
    final List<Block> blocks = new ArrayList<>();

    Builder h(int level, String text, String anchor) {
      blocks.add(new Heading(level, text, anchor));
      return this;
    }

    Builder p(Inline... content) {
      blocks.add(new Para(List.of(content)));
      return this;
    }

    Builder p(List<Inline> content) {
      blocks.add(new Para(List.copyOf(content)));
      return this;
    }

    Builder add(Block b) {
      blocks.add(b);
      return this;
    }

    List<Block> build() {
      return List.copyOf(blocks);
    }
  }

  /** The blocks of the section whose heading has {@code anchor}: it and everything below it. */
  static List<Doc.Block> slice(List<Doc.Block> blocks, String anchor) {
    List<Doc.Block> out = new ArrayList<>();
    int level = -1;
    for (Doc.Block b : blocks) {
      if (b instanceof Doc.Heading h) {
        if (level < 0 && anchor.equals(h.anchor())) {
          level = h.level();
        } else if (level >= 0 && h.level() <= level) {
          break;
        }
      }
      if (level >= 0) {
        out.add(b);
      }
    }
    return out;
  }

  /** The blocks with every heading moved by {@code by} levels (at least level 1). */
  static List<Doc.Block> shift(List<Doc.Block> blocks, int by) {
    return blocks.stream()
        .map(
            b ->
                b instanceof Doc.Heading h
                    ? new Doc.Heading(Math.max(1, h.level() + by), h.text(), h.anchor())
                    : b)
        .toList();
  }

  /** One cell holding plain text. */
  static List<Inline> cell(String s) {
    return List.of(text(s));
  }
}
