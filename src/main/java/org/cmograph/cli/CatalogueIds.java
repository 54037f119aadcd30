package org.cmograph.cli;

import java.util.Iterator;
import org.cmograph.rdf.ReferenceData;

/**
 * The mechanism catalogue's concept ids, as completion candidates for options that name a concept
 * ({@code completionCandidates = CatalogueIds.class}). The catalogue is read only when the
 * candidates are listed (by {@code cmograph completion}), not every time the command line is built.
 */
public final class CatalogueIds implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return ReferenceData.load(Workspace.current().ontologyDir()).concepts().conceptIds().stream()
        .sorted()
        .iterator();
  }
}
