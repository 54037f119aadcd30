package org.cmograph.extraction.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where things stand in a registered source text: its pages, its sections, the words that were
 * hyphenated at a line end and joined, and the running headers, footers and page numbers that were
 * kept out of the text. Written beside the text as {@code ID.map.json}; every offset counts UTF-16
 * code units of the text (as Java and JavaScript index strings), end exclusive.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SourceMap(
    String format,
    String original,
    int characters,
    List<Page> pages,
    List<Section> sections,
    List<Join> joins,
    List<Furniture> furniture,
    FrontMatter front,
    List<String> unread) {

  public SourceMap {
    pages = pages == null ? List.of() : List.copyOf(pages);
    sections = sections == null ? List.of() : List.copyOf(sections);
    joins = joins == null ? List.of() : List.copyOf(joins);
    furniture = furniture == null ? List.of() : List.copyOf(furniture);
    unread = unread == null ? List.of() : List.copyOf(unread);
  }

  /** A page of the original: the text from {@code start} to {@code end} stood on it. */
  public record Page(int page, int start, int end) {}

  /**
   * A section: its heading, its depth (1 for a top-level section) and the text it covers, heading
   * included. {@code apart} marks material kept apart from the body (references, tables, figures).
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record Section(String title, int level, int start, int end, boolean apart) {}

  /** A word hyphenated at a line end, joined in the text at {@code at}; the hyphen is gone. */
  public record Join(int at, String hyphen) {}

  /**
   * A running header or footer or a page number kept out of the text: what it said, on which page,
   * and the offset of the text where that page begins.
   */
  public record Furniture(int page, String kind, String text, int at) {}

  /** What the source says about itself (JATS front matter, an HTML page's metadata). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record FrontMatter(
      String title, List<String> authors, String journal, Integer year, String doi) {
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
      return title == null
          && (authors == null || authors.isEmpty())
          && journal == null
          && year == null
          && doi == null;
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The same map for a text of {@code n} characters (a final line end added on writing). */
  public SourceMap withCharacters(int n) {
    return new SourceMap(format, original, n, pages, sections, joins, furniture, front, unread);
  }

  /** The map file beside a text file: {@code x.txt} has {@code x.map.json}. */
  public static Path fileFor(Path text) {
    String name = text.getFileName().toString();
    String stem = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
    return text.resolveSibling(stem + ".map.json");
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a source map is always serialisable", e);
    }
  }

  public static SourceMap parse(String json) throws IOException {
    return JSON.readValue(json, SourceMap.class);
  }

  /** The page on which {@code offset} stands, if the source has pages. */
  public Optional<Integer> pageAt(int offset) {
    Page last = null;
    for (Page p : pages) {
      if (offset >= p.start() && offset < p.end()) {
        return Optional.of(p.page());
      }
      if (p.start() <= offset) {
        last = p;
      }
    }
    return Optional.ofNullable(last).map(Page::page);
  }

  /**
   * The sections around {@code offset}, outermost first ("Results", then "Peer support"): the
   * innermost section is the last.
   */
  public List<Section> sectionsAt(int offset) {
    return sections.stream()
        .filter(s -> offset >= s.start() && offset < s.end())
        .sorted(java.util.Comparator.comparingInt(Section::level))
        .toList();
  }

  /** The section path at {@code offset} as a reader writes it: "Results, Peer support". */
  public Optional<String> sectionPathAt(int offset) {
    List<Section> around = sectionsAt(offset);
    if (around.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join(", ", around.stream().map(Section::title).toList()));
  }

  /** Whether a hyphenated word was joined at {@code offset}. */
  public boolean joinedAt(int offset) {
    for (Join j : joins) {
      if (j.at() == offset) {
        return true;
      }
    }
    return false;
  }

  /** Running headers, footers and page numbers recorded where a page begins at {@code offset}. */
  public List<Furniture> furnitureAt(int offset) {
    return furniture.stream().filter(f -> f.at() == offset).toList();
  }
}
