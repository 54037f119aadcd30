package org.cmograph.endpoint;

import java.util.List;
import java.util.stream.Collectors;
import org.cmograph.query.CatalogueQuery;
import org.cmograph.query.QueryCatalogue;
import org.cmograph.query.QueryExample;

/**
 * A catalogue query as the landing page shows it: what its header says, and a text that runs as
 * is (the example's parameter values already bound as RDF terms, never spliced into the text).
 *
 * @param name the file name without {@code .rq}
 * @param parameters one line per parameter, e.g. {@code mechanism: catalogue concept id, ...}
 * @param text the {@code .rq} file as written
 * @param runnable the query to put in the editor: the file itself, or the example binding
 * @param boundWith the example's values, e.g. {@code mechanism=trusting-relationship}, or ""
 */
public record CatalogueEntry(
    String name,
    String title,
    String question,
    List<String> parameters,
    String text,
    String runnable,
    String boundWith) {

  /** Every query of the catalogue, in name order. */
  public static List<CatalogueEntry> of(QueryCatalogue catalogue) {
    return catalogue.queries().stream().map(CatalogueEntry::of).toList();
  }

  static CatalogueEntry of(CatalogueQuery q) {
    List<String> parameters =
        q.params().stream()
            .map(p -> p.name() + (p.optional() ? " (optional)" : "") + ": " + p.description())
            .toList();
    String runnable = q.text();
    String boundWith = "";
    if (!q.params().isEmpty() && !q.examples().isEmpty()) {
      QueryExample example = q.examples().get(0);
      try {
        runnable = header(q.text()) + q.bind(example.params()).serialize();
        boundWith =
            example.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
      } catch (RuntimeException e) {
        // A broken header or example still lists the query, with its text unbound.
        runnable = q.text();
      }
    }
    return new CatalogueEntry(
        q.name(), q.title(), q.question(), parameters, q.text(), runnable, boundWith);
  }

  private static String header(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\r?\n", -1)) {
      if (!line.startsWith("#")) {
        break;
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
