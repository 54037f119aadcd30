package org.cmograph.report;

import java.util.List;
import java.util.function.Function;

/** Writes {@link Doc} blocks as one self-contained HTML page (inline CSS and SVG, no scripts). */
final class HtmlFormat {
  private final Function<String, String> href;

  /** @param href where a link to a section (by slug) points */
  HtmlFormat(Function<String, String> href) {
    this.href = href;
  }

  static final String STYLE =
      """
      body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.45;
             color: #222; margin: 0; background: #fafafa; }
      main { max-width: 1200px; margin: 0 auto; padding: 1rem 2rem 3rem; background: #fff; }
      nav { font-size: 0.9rem; padding: 0.5rem 2rem; background: #263238; }
      nav a { color: #eceff1; margin-right: 1rem; }
      h1 { font-size: 1.7rem; border-bottom: 2px solid #1565c0; padding-bottom: 0.3rem; }
      h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 1px solid #cfd8dc; }
      h3 { font-size: 1.1rem; margin-top: 1.6rem; }
      table { border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.88rem; width: 100%; }
      th, td { border: 1px solid #cfd8dc; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
      th { background: #eceff1; }
      table.matrix td, table.matrix th { font-size: 0.75rem; white-space: nowrap; padding: 0.2rem 0.3rem; }
      blockquote.quote { margin: 0.8rem 0; padding: 0.4rem 1rem; border-left: 4px solid #1565c0;
                         background: #f5f9ff; }
      blockquote.quote p { margin: 0.2rem 0; }
      blockquote.quote footer { font-size: 0.85rem; color: #455a64; }
      figure.diagram { overflow-x: auto; margin: 1rem 0; border: 1px solid #cfd8dc; background: #fff; }
      figure.flow { margin: 1rem 0; }
      figure.flow svg { display: block; max-width: 100%; height: auto; }
      figure.flow figcaption { font-size: 0.85rem; color: #455a64; margin-top: 0.3rem; }
      """;

  /** A whole page around {@code blocks}, with a navigation bar of (label, href) pairs. */
  String page(String title, List<String[]> nav, List<Doc.Block> blocks) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"cmograph summary\">\n")
        .append("<title>").append(Text.html(title)).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    if (!nav.isEmpty()) {
      out.append("<nav>");
      for (String[] n : nav) {
        out.append("<a href=\"").append(Text.html(n[1])).append("\">").append(Text.html(n[0])).append("</a>");
      }
      out.append("</nav>\n");
    }
    out.append("<main>\n").append(write(blocks)).append("</main>\n</body>\n</html>\n");
    return out.toString();
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
      out.append("<h").append(h.level());
      if (h.anchor() != null) {
        out.append(" id=\"").append(Text.html(h.anchor())).append('"');
      }
      out.append('>').append(Text.html(h.text())).append("</h").append(h.level()).append(">\n");
    } else if (b instanceof Doc.Para p) {
      out.append("<p>").append(inline(p.content())).append("</p>\n");
    } else if (b instanceof Doc.Table t) {
      out.append("<table").append(t.cssClass() == null ? "" : " class=\"" + t.cssClass() + "\"").append(">\n<thead><tr>");
      t.headers().forEach(h -> out.append("<th>").append(Text.html(h)).append("</th>"));
      out.append("</tr></thead>\n<tbody>\n");
      for (List<List<Doc.Inline>> row : t.rows()) {
        out.append("<tr>");
        row.forEach(cell -> out.append("<td>").append(inline(cell)).append("</td>"));
        out.append("</tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    } else if (b instanceof Doc.Bullets l) {
      out.append("<ul>\n");
      l.items().forEach(i -> out.append("<li>").append(inline(i)).append("</li>\n"));
      out.append("</ul>\n");
    } else if (b instanceof Doc.Quote q) {
      out.append("<blockquote class=\"quote\"><p class=\"quote-text\">")
          .append(Text.html(q.quote()))
          .append("</p><footer>")
          .append(inline(q.citation()))
          .append("</footer></blockquote>\n");
    } else if (b instanceof Doc.Diagram d) {
      out.append("<figure class=\"diagram\">\n").append(d.diagram().svg()).append("\n</figure>\n");
    } else if (b instanceof Doc.Flow f) {
      out.append("<figure class=\"flow\">\n").append(f.diagram().svg()).append("\n<figcaption>")
          .append(Text.html(f.diagram().summary())).append("</figcaption>\n</figure>\n");
    }
  }

  private String inline(List<Doc.Inline> content) {
    StringBuilder out = new StringBuilder();
    for (Doc.Inline i : content) {
      switch (i.kind()) {
        case TEXT, COUNT -> out.append(Text.html(i.text()));
        case STRONG -> out.append("<strong>").append(Text.html(i.text())).append("</strong>");
        case EMPHASIS -> out.append("<em>").append(Text.html(i.text())).append("</em>");
        case LINK -> out.append("<a href=\"").append(Text.html(i.target())).append("\">")
            .append(Text.html(i.text())).append("</a>");
        case SECTION -> {
          String to = href.apply(i.target());
          if (to == null) {
            out.append(Text.html(i.text()));
          } else {
            out.append("<a href=\"").append(Text.html(to)).append("\">").append(Text.html(i.text())).append("</a>");
          }
        }
      }
    }
    return out.toString();
  }
}
