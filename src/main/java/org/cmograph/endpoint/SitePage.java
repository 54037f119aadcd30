package org.cmograph.endpoint;

import java.util.List;

/**
 * The frame every page of the site shares: a skip link, the header with the site's navigation, the
 * main region and the footer. Pages render only their own content and hand it to {@link #page};
 * pages written elsewhere (the evidence summaries) get the same header through {@link #inject}. The
 * style sheet is {@code /assets/site.css}.
 *
 * <pre>
 * String html = SitePage.page("Studies", Section.STUDIES, "", "&lt;h1&gt;Studies&lt;/h1&gt;...");
 * </pre>
 */
public final class SitePage {
  /** The site's sections, in the order the navigation lists them. */
  public enum Section {
    HOME("/", "Home"),
    QUERY("/query", "Query"),
    STUDIES("/studies", "Studies"),
    SUMMARIES("/summaries/", "Summaries"),
    SOURCES("/sources/", "Sources"),
    ONTOLOGY("/ontology", "Ontology"),
    NONE("", "");

    private final String path;
    private final String label;

    Section(String path, String label) {
      this.path = path;
      this.label = label;
    }

    /** The section's address on this server, e.g. {@code /studies}. */
    public String path() {
      return path;
    }

    public String label() {
      return label;
    }
  }

  private static final List<Section> NAVIGATION =
      List.of(
          Section.HOME,
          Section.QUERY,
          Section.STUDIES,
          Section.SUMMARIES,
          Section.SOURCES,
          Section.ONTOLOGY);

  private SitePage() {}

  /**
   * A whole HTML document.
   *
   * @param title the page's own title (the site's name is added)
   * @param current the section the page belongs to, marked in the navigation
   * @param head extra elements for {@code <head>} (the page's own style sheets and scripts, served
   *     from this server), or ""
   * @param body the page's content, placed inside {@code <main>}
   */
  public static String page(String title, Section current, String head, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + esc(title)
        + " · cmograph</title>\n"
        + "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n"
        + "<link rel=\"stylesheet\" href=\"/assets/site.css\">\n"
        + head
        + "</head>\n<body>\n"
        + header(current)
        + "<main id=\"main\" tabindex=\"-1\">\n"
        + body
        + (body.endsWith("\n") ? "" : "\n")
        + "</main>\n"
        + footer()
        + "</body>\n</html>\n";
  }

  /** Escapes text for HTML element content and double-quoted or single-quoted attributes. */
  public static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /** The skip link and the site header with its navigation. */
  public static String header(Section current) {
    StringBuilder h = new StringBuilder(640);
    h.append("<a class=\"site-skip\" href=\"#main\">Skip to content</a>\n")
        .append("<header class=\"site-header\">\n")
        .append("<a class=\"site-name\" href=\"/\">cmograph</a>\n")
        .append("<nav class=\"site-nav\" aria-label=\"Site\">\n<ul>\n");
    for (Section s : NAVIGATION) {
      h.append("<li><a href=\"").append(s.path()).append('"');
      if (s == current) {
        h.append(" aria-current=\"page\"");
      }
      h.append('>').append(s.label()).append("</a></li>\n");
    }
    return h.append("</ul>\n</nav>\n</header>\n").toString();
  }

  private static String footer() {
    return "<footer class=\"site-footer\">\n<p>cmograph: context-mechanism-outcome configurations,"
        + " each traced to a verbatim quote. Data: <a href=\"/.well-known/void\">VoID"
        + " description</a> · SPARQL endpoint: <a href=\"/cmo/sparql\">/cmo/sparql</a></p>\n"
        + "</footer>\n";
  }

  /**
   * Adds the site's style sheet and header to a page written elsewhere (a summary page): after the
   * opening {@code <head>} and {@code <body>} tags. A page without them is returned unchanged.
   */
  public static String inject(String html, Section current) {
    int head = tagEnd(html, "<head");
    int body = tagEnd(html, "<body");
    if (head < 0 || body < 0 || body < head) {
      return html;
    }
    return html.substring(0, head)
        + "\n<link rel=\"stylesheet\" href=\"/assets/site.css\">"
        + html.substring(head, body)
        + "\n"
        + header(current)
        + html.substring(body);
  }

  /** The index just after the {@code >} of the first tag named {@code open}, or -1. */
  private static int tagEnd(String html, String open) {
    int at = html.indexOf(open);
    while (at >= 0) {
      char next = at + open.length() < html.length() ? html.charAt(at + open.length()) : '>';
      if (next == '>' || Character.isWhitespace(next)) {
        int end = html.indexOf('>', at);
        return end < 0 ? -1 : end + 1;
      }
      at = html.indexOf(open, at + 1);
    }
    return -1;
  }
}
