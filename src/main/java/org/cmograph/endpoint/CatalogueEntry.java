package org.cmograph.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cmograph.query.CatalogueQuery;
import org.cmograph.query.QueryCatalogue;
import org.cmograph.query.QueryExample;
import org.cmograph.query.QueryParam;

/**
 * A catalogue query as the web pages show it: its header's title, question and parameters, and the
 * text to put in the query editor, with parameter values bound as RDF terms (never spliced into the
 * text) and a header that speaks to someone using the page, not the command line.
 */
public record CatalogueEntry(CatalogueQuery query) {

  /** Every query of the catalogue, in name order. */
  public static List<CatalogueEntry> of(QueryCatalogue catalogue) {
    return catalogue.queries().stream().map(CatalogueEntry::new).toList();
  }

  /** The file name without {@code .rq}. */
  public String name() {
    return query.name();
  }

  public String title() {
    return query.title();
  }

  public String question() {
    return query.question();
  }

  public List<QueryParam> params() {
    return query.params();
  }

  /** The {@code .rq} file as written, header included. */
  public String text() {
    return query.text();
  }

  /** The first example's values (the form's preselected values), or none. */
  public Map<String, String> example() {
    List<QueryExample> examples = query.examples();
    // The example that sets the most parameters shows the form at its fullest.
    return examples.stream()
        .map(QueryExample::params)
        .max((a, b) -> Integer.compare(a.size(), b.size()))
        .orElse(Map.of());
  }

  /**
   * The text for the editor with {@code values} bound: the header's title and question, a line per
   * parameter saying which form field sets it and to what, then the query. Without values the query
   * is the file's own text (its comments kept); with values it is the bound query as Jena writes
   * it.
   *
   * @throws org.cmograph.query.QueryUsageException for an undeclared parameter, a missing required
   *     one or a value its kind cannot take
   */
  public String editorText(Map<String, String> values) {
    String body = values.isEmpty() ? body(text()) : query.bind(values).serialize();
    return browserHeader(values) + body;
  }

  private String browserHeader(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    boolean keep = false;
    for (String line : text().split("\r?\n", -1)) {
      if (!line.startsWith("#")) {
        break;
      }
      if (line.startsWith("# title:") || line.startsWith("# question:")) {
        keep = true;
      } else if (line.startsWith("# param ") || line.startsWith("# example:")) {
        keep = false;
      }
      if (keep) {
        out.append(line).append('\n');
      }
    }
    for (QueryParam p : params()) {
      String value = values.get(p.name());
      out.append("# ")
          .append(p.name())
          .append(": set by the \"")
          .append(p.name())
          .append("\" field of this query's form (")
          .append(p.description())
          .append(")")
          .append(
              value != null
                  ? "; here " + value
                  : p.optional() ? "; not set here, so the query covers every value" : "")
          .append('\n');
    }
    return out.toString();
  }

  /** The text after the comment header. */
  private static String body(String text) {
    List<String> rest = new ArrayList<>();
    boolean header = true;
    for (String line : text.split("\r?\n", -1)) {
      if (header && line.startsWith("#")) {
        continue;
      }
      header = false;
      rest.add(line);
    }
    return String.join("\n", rest);
  }
}
