package org.cmograph.extraction.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmograph.util.StrictUtf8;

/**
 * Reads a plain UTF-8 text as it is (layout characters replaced, line ends normalised), so a text
 * already kept under data/sources registers unchanged. A form feed (what pdftotext writes between
 * pages) starts a new page; a line that is a recognised heading ({@link Headings}) starts a
 * section.
 */
final class PlainSourceReader {
  ExtractedSource read(Path file) throws IOException, UnreadableSourceException {
    String raw;
    try {
      raw = StrictUtf8.decode(Files.readAllBytes(file));
    } catch (StrictUtf8.NotUtf8Exception e) {
      throw new UnreadableSourceException(
          file.getFileName() + " is not UTF-8 text; save it as UTF-8 and register it again", e);
    }
    String[] pages = CompatibilityCharacters.normalise(raw).split("\f", -1);
    StringBuilder text = new StringBuilder();
    List<SourceMap.Page> pageList = new java.util.ArrayList<>();
    List<SourceMap.Section> sections = new java.util.ArrayList<>();
    for (int p = 0; p < pages.length; p++) {
      int start = text.length();
      String page = pages[p];
      int lineStart = 0;
      for (String line : page.split("\n", -1)) {
        int level = Headings.level(line);
        if (level > 0 && line.strip().length() == line.length()) {
          String title = Headings.title(line);
          int at = start + lineStart;
          for (int i = 0; i < sections.size(); i++) {
            SourceMap.Section s = sections.get(i);
            if (s.end() < 0 && s.level() >= level) {
              sections.set(
                  i, new SourceMap.Section(s.title(), s.level(), s.start(), at, s.apart()));
            }
          }
          sections.add(new SourceMap.Section(title, level, at, -1, Headings.apart(title)));
        }
        lineStart += line.length() + 1;
      }
      text.append(page);
      if (pages.length > 1) {
        pageList.add(new SourceMap.Page(p + 1, start, text.length()));
      }
    }
    int end = text.length();
    List<SourceMap.Section> closed =
        sections.stream()
            .map(
                s ->
                    s.end() >= 0
                        ? s
                        : new SourceMap.Section(s.title(), s.level(), s.start(), end, s.apart()))
            .toList();
    SourceMap map =
        new SourceMap(
            "text",
            file.getFileName().toString(),
            end,
            pageList,
            closed,
            List.of(),
            List.of(),
            null,
            List.of());
    return new ExtractedSource(text.toString(), map);
  }
}
