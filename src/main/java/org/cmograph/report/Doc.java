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
      COUNT
    }
  }

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

  /** "3 findings", counting the items with these ids ("study/item", in the order given). */
  static Inline count(String s, java.util.Collection<String> evidence) {
    return new Inline(Inline.Kind.COUNT, s, null, List.copyOf(evidence));
  }

  /** A paragraph-level element. */
  sealed interface Block permits Heading, Para, Table, Bullets, Quote, Diagram, Flow {}

  record Heading(int level, String text, String anchor) implements Block {}

  record Para(List<Inline> content) implements Block {}

  /** A table; {@code cssClass} lets HTML style special tables (the evidence matrix). */
  record Table(List<String> headers, List<List<List<Inline>>> rows, String cssClass) implements Block {}

  record Bullets(List<List<Inline>> items) implements Block {}

  /** A verbatim quote with its citation line. */
  record Quote(String quote, List<Inline> citation) implements Block {}

  record Diagram(TheoryDiagram diagram) implements Block {}

  /** The search and selection flow diagram: SVG in HTML, its one-sentence form in Markdown. */
  record Flow(FlowDiagram diagram) implements Block {}

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

  /** One cell holding plain text. */
  static List<Inline> cell(String s) {
    return List.of(text(s));
  }
}
