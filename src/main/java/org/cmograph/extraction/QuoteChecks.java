package org.cmograph.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a study's quotes against its registered source text: each quote verbatim (as {@link
 * SourceText} matches), a participant's words in quotation marks, and each quote's typed location
 * and page against those the source's map gives.
 */
final class QuoteChecks {
  private final SourceLibrary sources;

  QuoteChecks(SourceLibrary sources) {
    this.sources = sources;
  }

  /**
   * A quote's typed location and page against those its source's map gives: a location may be left
   * out where the map gives the section; one that names another section is a warning showing both.
   */
  private static void checkPlace(
      PositionedDocument doc, Extraction.EvidenceItem e, SourceText text, List<Problem> out) {
    if (e.quote() == null || e.quote().isBlank()) {
      return;
    }
    Optional<QuoteAnchor> anchor =
        text.map().isPresent() ? text.anchor(e.quote()) : Optional.empty();
    String section = anchor.map(QuoteAnchor::section).orElse(null);
    if (e.location() == null) {
      if (section == null && (anchor.isPresent() || text.map().isEmpty())) {
        out.add(
            missingLocation(
                doc,
                e,
                text.map().isEmpty()
                    ? text.name()
                        + " has no section map to compute it from (register the source"
                        + " with cmograph source add)"
                    : "its quote stands outside every section of " + text.name()));
      }
      return;
    }
    if (section != null && !agrees(e.location(), section)) {
      out.add(
          Problem.warning(
              doc.file(),
              doc.valueAt(e.pointer() + "/location"),
              "LOCATION-DISAGREES",
              "evidence '"
                  + e.id()
                  + "' is located as '"
                  + e.location()
                  + "', but its quote stands in '"
                  + section
                  + "' of "
                  + text.name()
                  + (anchor.get().page() == null ? "" : " (page " + anchor.get().page() + ")")
                  + "; correct the location, or leave it out and the computed one is used"));
    }
    Integer page = anchor.map(QuoteAnchor::page).orElse(null);
    if (e.page() != null && page != null && !e.page().equals(page)) {
      out.add(
          Problem.warning(
              doc.file(),
              doc.valueAt(e.pointer() + "/page"),
              "PAGE-DISAGREES",
              "evidence '"
                  + e.id()
                  + "' gives page "
                  + e.page()
                  + ", but its quote starts on page "
                  + page
                  + " of "
                  + text.name()
                  + "; correct the page, or leave it out and the computed one is used"));
    }
  }

  /** A typed location agrees when it names the innermost computed section ("Results"). */
  static boolean agrees(String typed, String computed) {
    String[] parts = computed.split(", ");
    String innermost = parts[parts.length - 1].toLowerCase(java.util.Locale.ROOT);
    return typed.toLowerCase(java.util.Locale.ROOT).contains(innermost);
  }

  private static Problem missingLocation(
      PositionedDocument doc, Extraction.EvidenceItem e, String why) {
    return Problem.error(
        doc.file(),
        doc.valueAt(e.pointer()),
        "LOCATION-MISSING",
        "evidence '" + e.id() + "' has no location, and " + why + "; give location");
  }

  void check(PositionedDocument doc, Extraction x, List<Problem> out) {
    String name = x.source().file();
    if (name == null) {
      for (Extraction.EvidenceItem e : x.evidence()) {
        if (e.location() == null) {
          out.add(missingLocation(doc, e, "no source text is registered to compute it from"));
        }
      }
      if (x.source().unavailableReason() != null && !x.evidence().isEmpty()) {
        out.add(
            Problem.warning(
                doc.file(),
                doc.valueAt("/source"),
                "UNVERIFIED-QUOTES",
                "no source text is registered ("
                    + x.source().unavailableReason()
                    + "); its "
                    + x.evidence().size()
                    + " quote(s) are marked unverified in the graph"));
      }
      return;
    }
    Optional<Path> located = sources.locate(doc.file(), name);
    if (located.isEmpty()) {
      out.add(
          Problem.error(
              doc.file(),
              doc.valueAt("/source/file"),
              "SOURCE-NOT-FOUND",
              "source text '"
                  + name
                  + "' not found in "
                  + shownFolder(doc.file(), sources.foldersFor(doc.file()).get(0))
                  + " (copy the text there, or give source.unavailable_reason)"));
      return;
    }
    SourceText text;
    try {
      text = sources.text(located.get());
    } catch (IOException e) {
      out.add(
          Problem.error(
              doc.file(), doc.valueAt("/source/file"), "SOURCE-UNREADABLE", e.getMessage()));
      return;
    }
    text.mapProblem()
        .ifPresent(
            why ->
                out.add(
                    Problem.warning(
                        doc.file(),
                        doc.valueAt("/source/file"),
                        "SOURCE-MAP-STALE",
                        "source text '" + name + "': " + why)));
    for (Extraction.EvidenceItem e : x.evidence()) {
      checkPlace(doc, e, text, out);
      if (e.quote() == null
          || e.quote().isBlank()
          || YamlTextProblems.unfitCharacter(e.quote()).isPresent() // reported as BAD-CHARACTER
          || text.contains(e.quote())) {
        if ("participant".equals(e.speaker())
            && e.quote() != null
            && text.contains(e.quote())
            && !text.isQuotedSpeech(e.quote())) {
          out.add(
              Problem.warning(
                  doc.file(),
                  doc.valueAt(e.pointer() + "/speaker"),
                  "PARTICIPANT-NOT-QUOTED",
                  "evidence '"
                      + e.id()
                      + "' gives a participant as speaker, but its quote is not in quotation marks"
                      + " in "
                      + name
                      + "; participants' words are quoted speech, so this is probably the"
                      + " authors speaking (speaker: authors, with the perspective it reports)"));
        }
        continue;
      }
      out.add(
          Problem.error(
              doc.file(),
              doc.valueAt(e.pointer() + "/quote"),
              "QUOTE-NOT-VERBATIM",
              "quote of evidence '"
                  + e.id()
                  + "' is not verbatim in "
                  + name
                  + ": "
                  + text.closest(e.quote()).describe()));
    }
  }

  /** A sources folder as seen from the extraction file, e.g. {@code ../sources}. */
  private static String shownFolder(Path extractionFile, Path folder) {
    Path from = extractionFile.toAbsolutePath().normalize().getParent();
    Path to = folder.toAbsolutePath().normalize();
    return from == null ? to.toString() : from.relativize(to).toString().replace('\\', '/') + "/";
  }
}
