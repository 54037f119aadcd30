package org.cmograph.store;

import java.util.ArrayList;
import java.util.List;
import org.cmograph.extraction.Problem;

/**
 * What a {@link LoadService} load did: whether it wrote anything, the problems found (sorted by
 * file and place; warnings only when it loaded), and the counts.
 *
 * @param loaded false when a file had an error and nothing was written
 * @param errors how many of {@code problems} are errors
 * @param filesRead the extraction, theory and selection files read
 * @param studies the studies written or pushed
 * @param triples the studies' triples
 * @param quads the store's quads after the load (0 for a push)
 * @param graphs the graphs pushed (0 for a store)
 * @param ms how long writing took
 */
public record LoadReport(
    boolean loaded,
    List<Problem> problems,
    long errors,
    int filesRead,
    int studies,
    long triples,
    long quads,
    int graphs,
    long ms) {
  static LoadReport refused(List<Problem> problems, long errors, int filesRead) {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Problem.BY_PLACE);
    return new LoadReport(false, List.copyOf(sorted), errors, filesRead, 0, 0, 0, 0, 0);
  }
}
