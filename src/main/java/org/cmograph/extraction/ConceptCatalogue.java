package org.cmograph.extraction;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.cmograph.util.Suggest;

/**
 * The ids of the catalogue concepts (mechanisms, contexts, outcomes) an extraction may name. The
 * catalogue itself is RDF (SKOS); this view keeps the extraction checks free of any RDF library.
 */
@FunctionalInterface
public interface ConceptCatalogue {
  /** The shared SKOS catalogues a study's mechanisms, contexts and outcomes link to. */
  enum Scheme {
    MECHANISM("mechanism"),
    CONTEXT("context"),
    OUTCOME("outcome");

    final String noun;

    Scheme(String noun) {
      this.noun = noun;
    }
  }

  /** The mechanism concepts. */
  Set<String> conceptIds();

  /** The concepts of one catalogue; a catalogue of mechanisms alone has no others. */
  default Set<String> conceptIds(Scheme scheme) {
    return scheme == Scheme.MECHANISM ? conceptIds() : Set.of();
  }

  /**
   * The error for a context or outcome naming a concept its catalogue lacks, or empty when the
   * concept is known or not given.
   */
  default Optional<Problem> unknownConcept(Path file, Position at, String concept, Scheme scheme) {
    if (scheme == Scheme.MECHANISM) {
      return unknownConcept(file, at, concept);
    }
    Set<String> ids = conceptIds(scheme);
    if (concept == null || ids.contains(concept)) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.error(
            file,
            at,
            "UNKNOWN-CONCEPT",
            "'"
                + concept
                + "' is not in the "
                + scheme.noun
                + " catalogue (ontology/"
                + scheme.noun
                + "-catalogue.ttl)"
                + Suggest.didYouMean(concept, ids)));
  }

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
            "'"
                + concept
                + "' is not in the catalogue"
                + Suggest.didYouMean(concept, conceptIds())));
  }
}
