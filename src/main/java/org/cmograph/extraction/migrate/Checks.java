package org.cmograph.extraction.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decisions a migration cannot make for a person, worded once for both YAML (where they become
 * {@code # CHECK} comments) and JSON (where they are printed, since JSON has no comments).
 */
final class Checks {
  private Checks() {}

  static final String ROLE_NOT_STATED =
      "CHECK role not stated in format 1; enabling was the default — enabling, blocking or"
          + " conditioning?";

  static final String NOT_REPORTED = "CHECK the source may report it: give it or keep not_reported";

  /** A mechanism concept the current catalogue lacks, as a format 2 catalogue change would. */
  static String conceptNotInCatalogue(String concept) {
    return "CHECK '"
        + concept
        + "' is not in the mechanism catalogue: format 2 keeps mechanisms only (strategies,"
        + " implementation outcomes and settings moved to strategy, contexts and outcomes); see"
        + " 'cmograph catalogue list' and docs/data-sources.md, then name a mechanism or make this"
        + " an outcome-pattern";
  }

  static final String PARTICIPANT_NOT_QUOTED =
      "CHECK participants' words are quoted speech only: authors?";

  /** Cues, matched as whole words or phrases, that a quote is not a finding of the study. */
  private static final Map<String, List<String>> CUES = new LinkedHashMap<>();

  static {
    CUES.put(
        "method",
        List.of(
            "we interviewed",
            "were interviewed",
            "data were",
            "analysed",
            "analyzed",
            "semi-structured",
            "this study"));
    CUES.put(
        "background",
        List.of("previous research", "literature", "has been shown", "have been shown"));
    CUES.put(
        "recommendation",
        List.of("future research", "should", "need to", "needs to", "recommend", "recommended"));
  }

  /**
   * A CHECK message when the quote carries a cue of a method, background or recommendation
   * statement, naming the kinds and the words that triggered it.
   */
  static Optional<String> kindCue(String quote) {
    String text = quote.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    List<String> kinds = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (Map.Entry<String, List<String>> kind : CUES.entrySet()) {
      for (String cue : kind.getValue()) {
        Matcher m =
            Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(cue) + "(?![\\p{L}\\p{N}])")
                .matcher(text);
        if (m.find()) {
          if (!kinds.contains(kind.getKey())) {
            kinds.add(kind.getKey());
          }
          words.add("\"" + cue + "\"");
        }
      }
    }
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "CHECK kind: the quote reads like a "
            + String.join(" or ", kinds)
            + " statement ("
            + String.join(", ", words)
            + "): finding, "
            + String.join(", ", kinds)
            + "?");
  }

  static String duplicate(String what, String id, String cmoc, Map<String, String> differing) {
    List<String> fields = new ArrayList<>();
    differing.forEach((k, v) -> fields.add(k + ": " + oneLine(v)));
    return "CHECK cmoc "
        + cmoc
        + " also had "
        + what
        + " "
        + id
        + ", with other fields; this one is kept, theirs were: "
        + String.join("; ", fields);
  }

  static String sharedId(String id) {
    return "CHECK id "
        + id
        + " names both a context and an outcome; in format 2 they share one set of ids: rename"
        + " one (and its uses)";
  }

  static String oneLine(String s) {
    return s == null ? "(none)" : s.strip().replaceAll("\\s+", " ");
  }
}
