package org.cmograph.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmograph.extraction.sources.SourceMap;

/**
 * A registered source text as readable HTML: paragraphs (blank lines in the text), a marker where
 * each page of the original begins and a heading where each section begins (from the source's map,
 * when it has one), and the chosen quotes highlighted ({@code <mark class="quote-highlight">}; the
 * first piece of the primary quote has {@code id="quote"}). A quote that crosses a paragraph, page
 * or section boundary is highlighted in pieces. Every piece of text is escaped.
 */
final class SourceTextHtml {
  /** A passage to highlight, in UTF-16 offsets of the text, end exclusive. */
  record Highlight(int from, int to, String evidence, boolean primary) {}

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");

  private final String text;
  private final SourceMap map;
  private final StringBuilder out = new StringBuilder();
  private boolean inParagraph;
  private boolean primaryMarked;

  private SourceTextHtml(String text, SourceMap map) {
    this.text = text;
    this.map = map;
  }

  /**
   * The text's HTML (to go inside a container element).
   *
   * @param map the source's page/section map, or null for plain paragraphs
   * @param highlights passages to mark; offsets outside the text are ignored
   */
  static String render(String text, SourceMap map, List<Highlight> highlights) {
    return new SourceTextHtml(text, map).write(highlights);
  }

  private String write(List<Highlight> all) {
    List<Highlight> highlights = new ArrayList<>();
    for (Highlight h : all) {
      if (h.from() >= 0 && h.from() < h.to() && h.to() <= text.length()) {
        highlights.add(h);
      }
    }
    TreeSet<Integer> cuts = new TreeSet<>();
    cuts.add(0);
    cuts.add(text.length());
    if (map != null) {
      map.pages().forEach(p -> cuts.add(clamp(p.start())));
      map.sections().forEach(s -> cuts.add(clamp(s.start())));
    }
    for (Highlight h : highlights) {
      cuts.add(h.from());
      cuts.add(h.to());
    }
    Integer at = cuts.first();
    while (at != null && at < text.length()) {
      Integer next = cuts.higher(at);
      int end = next == null ? text.length() : next;
      markers(at);
      List<Highlight> covering = new ArrayList<>();
      for (Highlight h : highlights) {
        if (h.from() <= at && at < h.to()) {
          covering.add(h);
        }
      }
      piece(text.substring(at, end), covering);
      at = next;
    }
    closeParagraph();
    return out.toString();
  }

  private int clamp(int offset) {
    return Math.max(0, Math.min(offset, text.length()));
  }

  /** Page markers and section headings that begin at {@code offset}. */
  private void markers(int offset) {
    if (map == null) {
      return;
    }
    for (SourceMap.Page p : map.pages()) {
      if (clamp(p.start()) == offset) {
        closeParagraph();
        out.append("<p class=\"source-page\" id=\"page-")
            .append(p.page())
            .append("\"><span>Page ")
            .append(p.page())
            .append("</span></p>\n");
      }
    }
    for (SourceMap.Section s : map.sections()) {
      if (clamp(s.start()) == offset) {
        closeParagraph();
        int level = Math.max(2, Math.min(6, s.level() + 1));
        out.append("<h")
            .append(level)
            .append(" class=\"source-section")
            .append(s.apart() ? " source-apart" : "")
            .append("\">")
            .append(LandingPage.esc(s.title() == null ? "" : s.title()))
            .append("</h")
            .append(level)
            .append(">\n");
      }
    }
  }

  /** A run of text under the same highlights, split where paragraphs break. */
  private void piece(String run, List<Highlight> covering) {
    Matcher m = PARAGRAPH_BREAK.matcher(run);
    int from = 0;
    while (m.find()) {
      span(run.substring(from, m.start()), covering);
      closeParagraph();
      from = m.end();
    }
    span(run.substring(from), covering);
  }

  private void span(String s, List<Highlight> covering) {
    if (s.isEmpty()) {
      return;
    }
    if (!inParagraph) {
      if (s.isBlank()) {
        return;
      }
      out.append("<p>");
      inParagraph = true;
    }
    if (covering.isEmpty()) {
      out.append(LandingPage.esc(s));
      return;
    }
    out.append("<mark class=\"quote-highlight\"");
    boolean primary = covering.stream().anyMatch(Highlight::primary);
    if (primary && !primaryMarked) {
      out.append(" id=\"quote\" tabindex=\"-1\"");
      primaryMarked = true;
    }
    List<String> ids = covering.stream().map(Highlight::evidence).distinct().toList();
    out.append(" data-evidence=\"").append(LandingPage.esc(String.join(" ", ids))).append("\">");
    out.append(LandingPage.esc(s)).append("</mark>");
  }

  private void closeParagraph() {
    if (inParagraph) {
      out.append("</p>\n");
      inParagraph = false;
    }
  }
}
