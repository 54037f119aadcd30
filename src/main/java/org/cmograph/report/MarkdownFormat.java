package org.cmograph.report;

import java.util.List;
import java.util.function.Function;

/** Writes {@link Doc} blocks as CommonMark/GitHub Markdown; the diagram becomes Mermaid. */
final class MarkdownFormat {
  private final Function<String, String> href;

  /**
   * @param href where a link to a section (by slug) points
   */
  MarkdownFormat(Function<String, String> href) {
    this.href = href;
  }

  String write(List<Doc.Block> blocks) {
    StringBuilder out = new StringBuilder();
    for (Doc.Block b : blocks) {
      block(b, out);
    }
    return out.toString();
  }

  private void block(Doc.Block b, StringBuilder out) {
    if (b instanceof Doc.Heading h) {
      if (h.anchor() != null) {
        out.append("<a id=\"").append(h.anchor()).append("\"></a>\n\n");
      }
      out.append("#".repeat(h.level())).append(' ').append(Text.md(h.text())).append("\n\n");
    } else if (b instanceof Doc.Para p) {
      out.append(inline(p.content())).append("\n\n");
    } else if (b instanceof Doc.Table t) {
      out.append('|');
      t.headers().forEach(h -> out.append(' ').append(Text.md(h)).append(" |"));
      out.append("\n|");
      t.headers().forEach(h -> out.append(" --- |"));
      out.append('\n');
      for (List<List<Doc.Inline>> row : t.rows()) {
        out.append('|');
        row.forEach(cell -> out.append(' ').append(inline(cell)).append(" |"));
        out.append('\n');
      }
      out.append('\n');
    } else if (b instanceof Doc.Bullets l) {
      l.items().forEach(i -> out.append("- ").append(inline(i)).append('\n'));
      out.append('\n');
    } else if (b instanceof Doc.Quote q) {
      out.append("> ")
          .append(Text.md(q.quote()))
          .append("\n>\n> ")
          .append(inline(q.citation()))
          .append("\n\n");
    } else if (b instanceof Doc.Diagram d) {
      out.append("```mermaid\n").append(d.diagram().mermaid()).append("```\n\n");
    } else if (b instanceof Doc.Flow f) {
      out.append(Text.md(f.diagram().summary())).append("\n\n");
    } else if (b instanceof Doc.Refinement r) {
      block(r.diagram().table(), out);
    }
  }

  private String inline(List<Doc.Inline> content) {
    StringBuilder out = new StringBuilder();
    for (Doc.Inline i : content) {
      switch (i.kind()) {
        case TEXT, COUNT -> out.append(Text.md(i.text()));
        case STRONG ->
            out.append("**")
                .append(Text.md(i.text().strip()))
                .append("**")
                .append(i.text().endsWith(" ") ? " " : "");
        case EMPHASIS -> out.append('*').append(Text.md(i.text())).append('*');
        case LINK ->
            out.append('[').append(Text.md(i.text())).append("](").append(i.target()).append(')');
        case SECTION, FILE -> {
          String to = href.apply(i.target());
          if (to == null) {
            out.append(Text.md(i.text()));
          } else {
            out.append('[').append(Text.md(i.text())).append("](").append(to).append(')');
          }
        }
      }
    }
    return out.toString();
  }
}
