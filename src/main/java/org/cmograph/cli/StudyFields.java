package org.cmograph.cli;

import java.util.List;
import org.cmograph.exchange.YamlWriter;
import org.cmograph.extraction.sources.SourceMap;

/**
 * Fills the extraction template's study fields from what a registered source says about itself
 * (JATS front matter; a PDF's title and authors): title, authors, journal, year and DOI, and the
 * source file. Only what the source gives is filled; the rest stays as the template has it.
 */
final class StudyFields {
  private StudyFields() {}

  /**
   * @param fileName the registered text's name, for {@code source.file}
   * @param filled receives the names of the fields filled
   */
  static String fill(String template, String fileName, SourceMap map, List<String> filled) {
    String out =
        replace(
            template,
            "  file: TODO-source.txt           # a UTF-8 text under data/sources/ holding the passages you quote",
            "  file: "
                + fileName
                + "   # registered with its page/section map (cmograph source add)");
    SourceMap.FrontMatter f = map == null ? null : map.front();
    if (f == null) {
      return out;
    }
    if (f.title() != null && !f.title().isBlank()) {
      out =
          replace(
              out,
              "  title: TODO the publication's title, as published",
              "  title: " + quoted(f.title()));
      filled.add("title");
    }
    if (f.authors() != null && !f.authors().isEmpty()) {
      out =
          replace(
              out,
              "  # authors: [Surname A, Surname B]",
              "  authors: ["
                  + String.join(", ", f.authors().stream().map(StudyFields::quoted).toList())
                  + "]");
      filled.add("authors");
    }
    if (f.year() != null) {
      out = replace(out, "  # year: 2024", "  year: " + f.year());
      filled.add("year");
    }
    if (f.journal() != null && !f.journal().isBlank()) {
      out = replace(out, "  # journal: Journal name", "  journal: " + quoted(f.journal()));
      filled.add("journal");
    }
    if (f.doi() != null && !f.doi().isBlank()) {
      out =
          replace(
              out,
              "  # doi: 10.NNNN/suffix           # without https://doi.org/",
              "  doi: " + quoted(f.doi()));
      filled.add("doi");
    }
    return out;
  }

  private static String replace(String template, String line, String with) {
    if (!template.contains(line + "\n")) {
      throw new IllegalStateException("the extraction template has no line '" + line + "'");
    }
    return template.replace(line + "\n", with + "\n");
  }

  private static String quoted(String s) {
    return YamlWriter.quoted(s.replaceAll("\\s+", " ").strip());
  }
}
