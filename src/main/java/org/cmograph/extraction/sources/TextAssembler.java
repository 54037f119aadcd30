package org.cmograph.extraction.sources;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a registered text paragraph by paragraph while keeping its map: where each page and
 * section starts, and where a hyphenated word was joined. Paragraphs are separated by a blank line;
 * the text inside a paragraph is one line.
 */
final class TextAssembler {
  private final StringBuilder text = new StringBuilder();
  private final List<SourceMap.Page> pages = new ArrayList<>();
  private final List<int[]> openPages = new ArrayList<>();
  private final List<OpenSection> sections = new ArrayList<>();
  private final List<SourceMap.Join> joins = new ArrayList<>();
  private final List<SourceMap.Furniture> furniture = new ArrayList<>();
  private boolean inParagraph;

  private static final class OpenSection {
    final String title;
    final int level;
    final int start;
    final boolean apart;
    int end = -1;

    OpenSection(String title, int level, int start, boolean apart) {
      this.title = title;
      this.level = level;
      this.start = start;
      this.apart = apart;
    }
  }

  int length() {
    return text.length();
  }

  /** Ends the paragraph being written, if any; the next text starts a new one. */
  void endParagraph() {
    inParagraph = false;
  }

  /**
   * Appends a line of running text to the current paragraph (starting one if needed), with a space
   * between lines, or joined without one where the previous line ended in a hyphenated word.
   */
  void appendLine(String line) {
    String s = line.strip();
    if (s.isEmpty()) {
      return;
    }
    if (!inParagraph) {
      startParagraph();
    } else if (text.length() > 0) {
      char last = text.charAt(text.length() - 1);
      if (last == '-' || last == '\u2010' || last == '\u00AD') {
        if (endsHyphenatedWord() && Character.isLowerCase(s.codePointAt(0))) {
          String hyphen = String.valueOf(last);
          text.setLength(text.length() - 1);
          joins.add(new SourceMap.Join(text.length(), hyphen));
        } else if (last == '\u00AD') {
          text.setLength(text.length() - 1);
        }
        // a kept hyphen ("COVID-", "non-") joins the next line without a space
      } else if (!Character.isWhitespace(last)) {
        text.append(' ');
      }
    }
    text.append(s);
  }

  /** Appends a whole paragraph. */
  void paragraph(String paragraph) {
    endParagraph();
    appendLine(paragraph.strip().replaceAll("\\s+", " "));
    endParagraph();
  }

  private void startParagraph() {
    if (text.length() > 0) {
      while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
        text.setLength(text.length() - 1);
      }
      text.append("\n\n");
    }
    inParagraph = true;
  }

  private boolean endsHyphenatedWord() {
    int i = text.length() - 2;
    return i >= 0 && Character.isLetter(text.charAt(i));
  }

  /** Starts a section; its heading becomes a paragraph of the text. */
  void section(String title, int level, boolean apart) {
    String t = title.strip().replaceAll("\\s+", " ");
    endParagraph();
    startParagraph();
    int start = text.length();
    for (OpenSection s : sections) {
      if (s.end < 0 && s.level >= level) {
        s.end = start;
      }
    }
    sections.add(new OpenSection(t, level, start, apart));
    text.append(t);
    endParagraph();
  }

  /** The page that starts here; the previous page ends here. */
  void page(int number) {
    int at = text.length();
    if (!openPages.isEmpty()) {
      openPages.get(openPages.size() - 1)[2] = at;
    }
    openPages.add(new int[] {number, at, -1});
  }

  /** Offset at which the next text will start (after a paragraph break, if one is pending). */
  int nextTextOffset() {
    return text.length() == 0 || inParagraph ? text.length() : text.length() + 2;
  }

  void furniture(int page, String kind, String what, int at) {
    furniture.add(new SourceMap.Furniture(page, kind, what.strip(), at));
  }

  String text() {
    return text.toString();
  }

  SourceMap map(String format, String original, SourceMap.FrontMatter front, List<String> unread) {
    int end = text.length();
    List<SourceMap.Section> done = new ArrayList<>();
    for (OpenSection s : sections) {
      done.add(new SourceMap.Section(s.title, s.level, s.start, s.end < 0 ? end : s.end, s.apart));
    }
    pages.clear();
    for (int[] p : openPages) {
      pages.add(new SourceMap.Page(p[0], p[1], p[2] < 0 ? end : p[2]));
    }
    return new SourceMap(
        format,
        original,
        end,
        pages,
        done,
        joins,
        furniture,
        front == null || front.isEmpty() ? null : front,
        unread);
  }
}
