package org.cmograph.report;

import java.util.List;
import java.util.function.Function;

/** Writes {@link Doc} blocks as one self-contained HTML page (inline CSS and SVG, no scripts). */
final class HtmlFormat {
  private final Function<String, String> href;

  /**
   * @param href where a link to a section (by slug) points
   */
  HtmlFormat(Function<String, String> href) {
    this.href = href;
  }

  /**
   * The pages' style. The summaries' menu ({@code nav.summary-nav}) stays at the top of the window
   * as the page scrolls (on a phone, one line that scrolls sideways within itself); wide tables and
   * the theory diagram scroll inside their own box, so the page never scrolls sideways (on a phone
   * a table of four or more columns keeps a readable width and scrolls).
   */
  static final String STYLE =
      """
      body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.45;
             color: #222; margin: 0; background: #fafafa; }
      main.summary { max-width: 1200px; margin: 0 auto; padding: 1rem 2rem 3rem; background: #fff;
                     overflow-wrap: break-word; }
      nav.summary-nav { position: sticky; top: 0; z-index: 10; font-size: 0.9rem; background: #263238; }
      nav.summary-nav ul { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; list-style: none; margin: 0 auto;
                           padding: 0.45rem 2rem; max-width: 1200px; box-sizing: border-box; }
      nav.summary-nav a { color: #eceff1; }
      nav.summary-nav a:focus { outline: 2px solid #ffca28; outline-offset: 2px; }
      [id] { scroll-margin-top: 4.5rem; }
      h1 { font-size: 1.7rem; border-bottom: 2px solid #1565c0; padding-bottom: 0.3rem; }
      h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 1px solid #cfd8dc; }
      h3 { font-size: 1.1rem; margin-top: 1.6rem; }
      a { color: #0d47a1; }
      .scroll { overflow-x: auto; margin: 0.6rem 0 1rem; }
      .scroll:focus { outline: 2px solid #1565c0; }
      table { border-collapse: collapse; font-size: 0.88rem; width: 100%; }
      th, td { border: 1px solid #cfd8dc; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
      th { background: #eceff1; }
      abbr[title] { text-decoration: underline dotted; cursor: help; }
      table.matrix td, table.matrix th { font-size: 0.75rem; white-space: nowrap; padding: 0.2rem 0.3rem; }
      table.matrix td:first-child { position: sticky; left: 0; background: #fff; }
      blockquote.quote { margin: 0.8rem 0; padding: 0.4rem 1rem; border-left: 4px solid #1565c0;
                         background: #f5f9ff; }
      blockquote.quote p { margin: 0.2rem 0; }
      blockquote.quote footer { font-size: 0.85rem; color: #455a64; }
      figure.diagram { overflow-x: auto; margin: 1rem 0; border: 1px solid #cfd8dc; background: #fff; }
      figure.diagram svg a:focus rect, figure.diagram svg a:hover rect { stroke-width: 3; }
      figure.flow { margin: 1rem 0; }
      figure.flow svg { display: block; max-width: 100%; height: auto; }
      figure.flow figcaption { font-size: 0.85rem; color: #455a64; margin-top: 0.3rem; }
      @media (max-width: 40rem) {
        main.summary { padding: 0.5rem 0.75rem 2rem; }
        nav.summary-nav ul { flex-wrap: nowrap; overflow-x: auto; white-space: nowrap; padding: 0.45rem 0.75rem; }
        .scroll > table:has(th:nth-child(4)) { min-width: 40rem; }
        h1 { font-size: 1.4rem; }
      }
      """;

  /** A whole page around {@code blocks}, with a menu of (label, href) pairs. */
  String page(String title, List<String[]> nav, List<Doc.Block> blocks) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"cmograph summary\">\n")
        .append("<title>")
        .append(Text.html(title))
        .append("</title>\n")
        .append("<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    if (!nav.isEmpty()) {
      out.append("<nav class=\"summary-nav\" aria-label=\"Summaries\"><ul>");
      for (String[] n : nav) {
        out.append("<li><a href=\"")
            .append(Text.html(n[1]))
            .append("\">")
            .append(Text.html(n[0]))
            .append("</a></li>");
      }
      out.append("</ul></nav>\n");
    }
    out.append("<main id=\"main\" class=\"summary\">\n")
        .append(write(blocks))
        .append("</main>\n</body>\n</html>\n");
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
      out.append("<div class=\"scroll\" tabindex=\"0\"><table")
          .append(t.cssClass() == null ? "" : " class=\"" + t.cssClass() + "\"")
          .append(">\n<thead><tr>");
      for (int i = 0; i < t.headers().size(); i++) {
        String h = Text.html(t.headers().get(i));
        String full = t.headerTitle(i);
        if (full == null) {
          out.append("<th scope=\"col\">").append(h).append("</th>");
        } else {
          out.append("<th scope=\"col\" aria-label=\"")
              .append(h)
              .append(": ")
              .append(Text.html(full))
              .append("\"><abbr title=\"")
              .append(Text.html(full))
              .append("\">")
              .append(h)
              .append("</abbr></th>");
        }
      }
      out.append("</tr></thead>\n<tbody>\n");
      for (List<List<Doc.Inline>> row : t.rows()) {
        out.append("<tr>");
        row.forEach(cell -> out.append("<td>").append(inline(cell)).append("</td>"));
        out.append("</tr>\n");
      }
      out.append("</tbody>\n</table></div>\n");
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
      out.append("<figure class=\"diagram\" tabindex=\"0\">\n")
          .append(d.diagram().svg(href))
          .append("\n</figure>\n");
    } else if (b instanceof Doc.Flow f) {
      out.append("<figure class=\"flow\">\n")
          .append(f.diagram().svg())
          .append("\n<figcaption>")
          .append(Text.html(f.diagram().summary()))
          .append("</figcaption>\n</figure>\n");
    } else if (b instanceof Doc.Refinement r) {
      out.append("<figure class=\"diagram refinement\" tabindex=\"0\">\n")
          .append(r.diagram().svg())
          .append("\n</figure>\n");
    }
  }

  private String inline(List<Doc.Inline> content) {
    StringBuilder out = new StringBuilder();
    for (Doc.Inline i : content) {
      switch (i.kind()) {
        case TEXT, COUNT -> out.append(Text.html(i.text()));
        case STRONG -> out.append("<strong>").append(Text.html(i.text())).append("</strong>");
        case EMPHASIS -> out.append("<em>").append(Text.html(i.text())).append("</em>");
        case LINK ->
            out.append("<a href=\"")
                .append(Text.html(i.target()))
                .append("\">")
                .append(Text.html(i.text()))
                .append("</a>");
        case SECTION, FILE -> {
          String to = href.apply(i.target());
          if (to == null) {
            out.append(Text.html(i.text()));
          } else {
            out.append("<a href=\"")
                .append(Text.html(to))
                .append("\">")
                .append(Text.html(i.text()))
                .append("</a>");
          }
        }
      }
    }
    return out.toString();
  }
}
