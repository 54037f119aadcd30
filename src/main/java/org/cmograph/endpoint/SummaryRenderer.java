package org.cmograph.endpoint;

import java.util.List;

/**
 * Writes one evidence summary document from the store a server holds; given by the command that
 * serves ({@code cmograph serve}), since the endpoint does not read summaries itself. {@code
 * cmograph summary} asks a running server for its document ({@code GET /summary}) instead of
 * copying the whole dataset to write it.
 */
@FunctionalInterface
public interface SummaryRenderer {
  /**
   * @param mechanisms mechanism concept ids (none and no theory CMOCs: the whole theory)
   * @param theoryCmocs theory CMOC ids
   * @param format {@code md}, {@code html} or {@code json}
   */
  Rendered render(List<String> mechanisms, List<String> theoryCmocs, String format);

  /**
   * A document, or the problems that stop it.
   *
   * @param document the document; null when {@code problems} is not empty
   * @param problems unknown ids, each with what was meant, as the command line says them
   * @param noTheory whether the store holds no programme theory (the command then says so)
   */
  record Rendered(String document, List<String> problems, boolean noTheory) {
    public Rendered {
      problems = List.copyOf(problems);
    }
  }
}
