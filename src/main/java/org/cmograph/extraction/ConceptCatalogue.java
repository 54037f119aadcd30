package org.cmograph.extraction;

import java.util.Set;

/**
 * The ids of the mechanism concepts an extraction may name. The catalogue itself is RDF (SKOS);
 * this view keeps the extraction checks free of any RDF library.
 */
@FunctionalInterface
public interface ConceptCatalogue {
  Set<String> conceptIds();

  default boolean contains(String id) {
    return conceptIds().contains(id);
  }
}
