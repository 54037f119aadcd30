package org.cmograph.extraction;

import java.nio.file.Path;
import java.util.Optional;
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

  /**
   * The error for a mechanism naming a concept this catalogue lacks (with the nearest ids), or
   * empty when the concept is known or not given.
   */
  default Optional<Problem> unknownConcept(Path file, Position at, String concept) {
    if (concept == null || contains(concept)) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.error(
            file,
            at,
            "UNKNOWN-MECHANISM",
            "'" + concept + "' is not in the catalogue" + Suggest.didYouMean(concept, conceptIds())));
  }
}
