package org.cmograph.exchange;

import java.util.List;
import java.util.Set;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.util.Suggest;

/**
 * Which catalogue concept an imported mechanism gets: the concept it names, else the concept one of
 * whose labels is its wording, else the closest by label similarity (or, for a mistyped concept id,
 * by spelling), which the importer then reports for the researcher to check.
 *
 * @param id the concept written to the file, or null if the catalogue is empty
 * @param guessed true when the concept was not named exactly and must be checked
 * @param basis what was matched: the concept id typed, the wording, or resource and response
 * @param closest the nearest concepts by label, best first
 */
record ConceptChoice(String id, boolean guessed, String basis, List<ConceptLabels.Match> closest) {
  /** Below this label similarity a guess is called weak. */
  static final double WEAK = 0.35;

  static ConceptChoice of(
      ConceptLabels catalogue, String concept, String wording, String resource, String response) {
    if (concept != null && catalogue.contains(concept)) {
      return new ConceptChoice(concept, false, concept, List.of());
    }
    String exact = catalogue.exactMatch(concept != null ? concept : wording);
    if (exact != null) {
      return new ConceptChoice(exact, false, concept != null ? concept : wording, List.of());
    }
    String text;
    if (concept != null) {
      text = concept.replace('-', ' ');
    } else if (wording != null) {
      text = wording;
    } else {
      text =
          ((resource == null ? "" : resource) + " " + (response == null ? "" : response)).strip();
    }
    List<ConceptLabels.Match> closest = catalogue.closest(text, 3, 0, Set.of());
    if (closest.isEmpty()) {
      return new ConceptChoice(concept, true, text, closest);
    }
    String typo = concept == null ? null : Suggest.closest(concept, catalogue.conceptIds());
    return new ConceptChoice(typo != null ? typo : closest.get(0).id(), true, text, closest);
  }

  /** "fidelity-to-peer-principles "Fidelity to ..." 0.83, ..." for messages. */
  String described() {
    return String.join(", ", closest.stream().map(ConceptLabels.Match::describe).toList());
  }

  /** True when the concept was chosen by label and even the best label is not much alike. */
  boolean weak() {
    return !closest.isEmpty() && closest.get(0).id().equals(id) && closest.get(0).score() < WEAK;
  }

  /**
   * The warning for a guessed concept, before the importer's own advice: what was wrong, what was
   * written, and the closest concepts by label.
   *
   * @param typed the concept id the source named, or null
   * @param named how the message names the mechanism when no concept was typed
   */
  String guessWarning(String typed, String named) {
    return (typed != null
            ? "concept '" + typed + "' is not in the catalogue"
            : "mechanism '" + named + "' names no catalogue concept")
        + "; wrote '"
        + id
        + "'"
        + (weak() ? " (a weak match)" : "")
        + "; closest by label: "
        + described();
  }

  /** The comment written beside the concept in the file. */
  String comment(String typed) {
    return "CHECK: "
        + (typed != null ? "'" + typed + "' is not in the catalogue" : "chosen by label similarity")
        + "; closest: "
        + String.join(", ", closest.stream().map(ConceptLabels.Match::id).toList());
  }
}
