package org.cmograph.report;

import java.util.List;

/** The order of stances and levels the summaries count and sort by. */
final class Stances {
  private Stances() {}

  static final List<String> STANCES = List.of("supports", "refines", "refutes");
  static final List<String> CONCERNS = List.of("none", "minor", "moderate", "serious");
  static final List<String> CONFIDENCE = List.of("high", "moderate", "low", "very-low");

  /**
   * An evidence item's stance toward a theory CMOC, given its own stance toward its study CMOC and
   * that CMOC's link to the theory CMOC: the more critical of the two (refutes over refines over
   * supports). A supporting item in a CMOC that refutes the theory refutes it; a refining item in a
   * supporting CMOC refines it.
   */
  static String compose(String link, String item) {
    return STANCES.get(Math.max(STANCES.indexOf(link), STANCES.indexOf(item)));
  }

  static int concernRank(String concern) {
    return CONCERNS.indexOf(concern);
  }

  /** "moderate concerns", "no or very minor concerns". */
  static String concernLabel(String concern) {
    if (concern == null) {
      return "not assessed";
    }
    return switch (concern) {
      case "none" -> "no or very minor concerns";
      default -> concern + " concerns";
    };
  }

  /** "high", "very low". */
  static String confidenceLabel(String level) {
    return level == null ? "not assessed" : level.replace('-', ' ');
  }
}
