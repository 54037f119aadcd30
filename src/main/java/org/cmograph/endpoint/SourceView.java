package org.cmograph.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cmograph.extraction.sources.SourceMap;

/**
 * The page of one registered source text: the text (see {@link SourceTextHtml}), what it is, and
 * with a chosen quote or study, the quotes highlighted and a panel naming what they are evidence
 * of. A quote is highlighted only where the text is the one its study recorded (same SHA-256) and
 * its position selector cuts out exactly its recorded wording: never a wrong passage.
 */
final class SourceView {
  private static final String BASE = "https://w3id.org/cmograph/";

  /** What the servlet sends: the status, the page's title and its content. */
  record Result(int status, String title, String body) {}

  private final String id;
  private final String fileName;
  private final String text;
  private final String sha256;
  private final SourceMap map;
  private final SourceQuotes store;

  SourceView(
      String id, String fileName, String text, String sha256, SourceMap map, SourceQuotes store) {
    this.id = id;
    this.fileName = fileName;
    this.text = text;
    this.sha256 = sha256;
    this.map = map;
    this.store = store;
  }

  Result plain() {
    return page(200, "", List.of(), "");
  }

  Result problem(int status, String message) {
    return page(status, notice(message), List.of(), "");
  }

  /** One quote highlighted, with the panel about its evidence item. */
  Result quote(String study, String evidence) {
    SourceQuotes.Quote q =
        store.quotes(fileName, study).stream()
            .filter(x -> x.evidence().equals(evidence))
            .findFirst()
            .orElse(null);
    if (q == null) {
      return page(
          404,
          notice("Study " + study + " has no quote " + evidence + " on this source."),
          List.of(),
          "");
    }
    String panel = itemPanel(q);
    if (!sha256.equals(q.sha256())) {
      return page(200, stale(study), List.of(), panel);
    }
    SourceTextHtml.Highlight h = highlight(q, true);
    if (h == null) {
      return page(
          200,
          notice(
              "The quote's recorded position no longer cuts its wording out of this"
                  + " text, so it is not highlighted."),
          List.of(),
          panel);
    }
    return page(200, "", List.of(h), panel);
  }

  /** All quotes of one study highlighted, with the panel listing them. */
  Result study(String study) {
    Map<String, String> digests = store.recordedDigests(fileName);
    if (!digests.containsKey(study)) {
      return page(404, notice("Study " + study + " does not use this source."), List.of(), "");
    }
    List<SourceQuotes.Quote> quotes = store.quotes(fileName, study);
    boolean current = sha256.equals(digests.get(study));
    List<SourceTextHtml.Highlight> marks = new ArrayList<>();
    int missing = 0;
    for (SourceQuotes.Quote q : current ? quotes : List.<SourceQuotes.Quote>of()) {
      SourceTextHtml.Highlight h = highlight(q, false);
      if (h == null) {
        missing++;
      } else {
        marks.add(h);
      }
    }
    String notes = current ? "" : stale(study);
    if (missing > 0) {
      notes +=
          notice(
              missing
                  + " of the study's quotes no longer stand where they were recorded and"
                  + " are not highlighted.");
    }
    return page(200, notes, marks, studyPanel(study, quotes));
  }

  /**
   * The highlight of a quote, if its code point offsets cut exactly its wording out of the text.
   */
  private SourceTextHtml.Highlight highlight(SourceQuotes.Quote q, boolean primary) {
    int points = text.codePointCount(0, text.length());
    if (q.start() < 0 || q.start() >= q.end() || q.end() > points) {
      return null;
    }
    int from = text.offsetByCodePoints(0, q.start());
    int to = text.offsetByCodePoints(from, q.end() - q.start());
    if (q.exact() == null || !text.substring(from, to).equals(q.exact())) {
      return null;
    }
    return new SourceTextHtml.Highlight(from, to, q.evidence(), primary);
  }

  private String stale(String study) {
    return notice(
        "This source text has changed since study "
            + study
            + " was loaded (its SHA-256"
            + " is not the one the study recorded), so its quotes are not highlighted: their positions"
            + " may no longer be right. Load the study again to place them in this text.");
  }

  private static String notice(String message) {
    return "<p class=\"source-notice\" role=\"status\">" + LandingPage.esc(message) + "</p>\n";
  }

  private Result page(
      int status, String notes, List<SourceTextHtml.Highlight> marks, String panel) {
    StringBuilder h = new StringBuilder(text.length() * 11 / 10 + 4096);
    h.append(
            "<nav class=\"source-crumbs\" aria-label=\"Breadcrumb\"><a href=\"/sources/\">Sources</a>"
                + " <span aria-hidden=\"true\">›</span> ")
        .append(LandingPage.esc(id))
        .append("</nav>\n");
    h.append("<h1>Source text: ").append(LandingPage.esc(id)).append("</h1>\n");
    h.append("<p class=\"source-meta\">").append(LandingPage.esc(facts())).append("</p>\n");
    h.append(notes);
    h.append("<div class=\"source-layout")
        .append(panel.isEmpty() ? "" : " with-panel")
        .append("\">\n");
    if (!panel.isEmpty()) {
      h.append(panel);
    }
    h.append("<article class=\"source-text\" aria-label=\"Text of ")
        .append(LandingPage.esc(id))
        .append("\">\n");
    h.append(SourceTextHtml.render(text, map, marks));
    h.append("</article>\n</div>\n");
    return new Result(status, "Source " + id, h.toString());
  }

  /** What the source is: its format, pages, sections and size. */
  private String facts() {
    List<String> parts = new ArrayList<>();
    parts.add(fileName);
    if (map != null) {
      if (map.original() != null) {
        parts.add("registered from " + map.original());
      }
      if (!map.pages().isEmpty()) {
        parts.add(map.pages().size() + (map.pages().size() == 1 ? " page" : " pages"));
      }
      if (!map.sections().isEmpty()) {
        parts.add(map.sections().size() + (map.sections().size() == 1 ? " section" : " sections"));
      }
    } else {
      parts.add("plain text");
    }
    parts.add(text.codePointCount(0, text.length()) + " characters");
    return String.join(" · ", parts);
  }

  private String itemPanel(SourceQuotes.Quote q) {
    SourceQuotes.Item item = store.item(q.item());
    StringBuilder h = new StringBuilder(1024);
    h.append(
            "<aside class=\"source-panel\" aria-labelledby=\"panel-title\">\n<h2 id=\"panel-title\">")
        .append("Evidence item ")
        .append(LandingPage.esc(q.evidence()))
        .append("</h2>\n<dl>\n");
    if (item != null) {
      row(
          h,
          "Study",
          link(item.studyIri(), item.studyTitle() == null ? item.study() : item.studyTitle()));
      row(h, "Evidence item", link(q.item(), q.study() + "/" + q.evidence()));
      StringBuilder configs = new StringBuilder();
      for (Map.Entry<String, String> c : item.configurations().entrySet()) {
        configs
            .append(configs.isEmpty() ? "" : "<br>")
            .append(link(c.getKey(), c.getValue() == null ? last(c.getKey()) : c.getValue()));
      }
      row(
          h,
          item.configurations().size() == 1 ? "Configuration" : "Configurations",
          configs.toString());
      row(h, "Kind", value(item.kind(), "evidence-kind-"));
      row(h, "Stance", value(item.stance(), "stance-"));
      row(h, "Perspective", value(item.perspective(), "perspective-"));
      if (item.page() != null) {
        row(h, "Page", LandingPage.esc(item.page()));
      }
      if (item.section() != null) {
        row(h, "Section", LandingPage.esc(item.section()));
      }
    }
    h.append("</dl>\n<p><a href=\"#quote\">Go to the quote</a> · <a href=\"/sources/")
        .append(LandingPage.esc(id))
        .append("?study=")
        .append(LandingPage.esc(q.study()))
        .append("\">All quotes of ")
        .append(LandingPage.esc(q.study()))
        .append("</a></p>\n</aside>\n");
    return h.toString();
  }

  private String studyPanel(String study, List<SourceQuotes.Quote> quotes) {
    StringBuilder h = new StringBuilder(1024);
    h.append(
            "<aside class=\"source-panel\" aria-labelledby=\"panel-title\">\n<h2 id=\"panel-title\">")
        .append("Quotes of ")
        .append(link(BASE + "id/" + study, study))
        .append("</h2>\n");
    h.append("<p>")
        .append(quotes.size())
        .append(quotes.size() == 1 ? " quote" : " quotes")
        .append(" on this source, highlighted in the text.</p>\n<ul>\n");
    for (SourceQuotes.Quote q : quotes) {
      h.append("<li><a href=\"/sources/")
          .append(LandingPage.esc(id))
          .append("?quote=")
          .append(LandingPage.esc(study))
          .append('/')
          .append(LandingPage.esc(q.evidence()))
          .append("\">")
          .append(LandingPage.esc(q.evidence()))
          .append("</a></li>\n");
    }
    return h.append("</ul>\n</aside>\n").toString();
  }

  private static void row(StringBuilder h, String term, String html) {
    if (html == null || html.isEmpty()) {
      return;
    }
    h.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
  }

  /** A controlled value as a link to its IRI, labelled without its scheme's prefix. */
  private static String value(String iri, String prefix) {
    if (iri == null) {
      return null;
    }
    String name = last(iri);
    return link(iri, name.startsWith(prefix) ? name.substring(prefix.length()) : name);
  }

  private static String last(String iri) {
    int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return iri.substring(cut + 1);
  }

  /** A link to an IRI; one of cmograph's own goes to its page on this server. */
  private static String link(String iri, String label) {
    String href = iri.startsWith(BASE) ? "/" + iri.substring(BASE.length()) : iri;
    return "<a href=\"" + LandingPage.esc(href) + "\">" + LandingPage.esc(label) + "</a>";
  }
}
