package org.cmograph.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a schema cannot express: ids unique and matching the file name, references that
 * resolve, mechanisms that are in the catalogue, real dates, and quotes proved verbatim against the
 * registered source text.
 */
final class StudyChecks {
  private static final List<String> MECHANISM_PARTS = List.of("mechanism", "resource", "response");

  private final ConceptCatalogue catalogue;
  private final SourceLibrary sources;

  StudyChecks(ConceptCatalogue catalogue, SourceLibrary sources) {
    this.catalogue = catalogue;
    this.sources = sources;
  }

  List<Problem> check(PositionedDocument doc, Extraction x) {
    List<Problem> out = new ArrayList<>();
    Path file = doc.file();
    checkStudyId(doc, x, out);
    checkDate(doc, x, out);
    checkCounts(doc, out);

    Map<String, Extraction.Cmoc> cmocs = new HashMap<>();
    Map<String, String> partIds = new HashMap<>();
    for (Extraction.Cmoc c : x.cmocs()) {
      if (c.id() != null && cmocs.putIfAbsent(c.id(), c) != null) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(c.pointer() + "/id"),
                "DUPLICATE-ID",
                "CMOC id '" + c.id() + "' is used twice in this study"));
      }
      for (Extraction.Context ctx : c.contexts()) {
        uniquePart(doc, partIds, ctx.id(), ctx.pointer(), "context", out);
      }
      for (Extraction.Outcome o : c.outcomes()) {
        uniquePart(doc, partIds, o.id(), o.pointer(), "outcome", out);
      }
      Extraction.Mechanism m = c.mechanism();
      if (m != null) {
        catalogue
            .unknownConcept(file, doc.valueAt(m.pointer() + "/concept"), m.concept())
            .ifPresent(out::add);
      }
    }

    Set<String> evidenceIds = new HashSet<>();
    for (Extraction.EvidenceItem e : x.evidence()) {
      if (e.id() != null && !evidenceIds.add(e.id())) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(e.pointer() + "/id"),
                "DUPLICATE-ID",
                "evidence id '" + e.id() + "' is used twice in this study"));
      }
      if (e.cmoc() == null) {
        continue;
      }
      Extraction.Cmoc target = cmocs.get(e.cmoc());
      if (target == null) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(e.pointer() + "/cmoc"),
                "DANGLING-REFERENCE",
                "evidence refers to CMOC '"
                    + e.cmoc()
                    + "', which this study does not define"
                    + Suggest.didYouMean(e.cmoc(), cmocs.keySet())));
        continue;
      }
      Set<String> parts = new LinkedHashSet<>(MECHANISM_PARTS);
      // Parts without an id are reported by the schema; they cannot be referred to.
      target.contexts().stream().map(Extraction.Context::id).filter(id -> id != null)
          .forEach(parts::add);
      target.outcomes().stream().map(Extraction.Outcome::id).filter(id -> id != null)
          .forEach(parts::add);
      // Read from the document, so that the index is the item's own even after non-text items.
      JsonNode about = doc.root().at(e.pointer() + "/about");
      for (int i = 0; about.isArray() && i < about.size(); i++) {
        String ref = about.get(i).isTextual() ? about.get(i).textValue() : null;
        if (ref != null && !parts.contains(ref)) {
          out.add(
              Problem.error(
                  file,
                  doc.valueAt(e.pointer() + "/about/" + i),
                  "DANGLING-REFERENCE",
                  "'"
                      + ref
                      + "' is not a part of CMOC '"
                      + e.cmoc()
                      + "' (its parts: "
                      + String.join(", ", parts)
                      + ")"
                      + Suggest.didYouMean(ref, parts)));
        }
      }
    }
    checkQuotes(doc, x, out);
    return out;
  }

  /** A sources folder as seen from the extraction file, e.g. {@code ../sources}. */
  private static String shownFolder(Path extractionFile, Path folder) {
    Path from = extractionFile.toAbsolutePath().normalize().getParent();
    Path to = folder.toAbsolutePath().normalize();
    return from == null ? to.toString() : from.relativize(to).toString().replace('\\', '/') + "/";
  }

  private void checkStudyId(PositionedDocument doc, Extraction x, List<Problem> out) {
    String id = x.study().id();
    if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      return; // absent or not an id: the schema check reports it, and no file should take its name
    }
    String name = doc.file().getFileName().toString();
    String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    if (!stem.equals(id)) {
      out.add(
          Problem.error(
              doc.file(),
              doc.valueAt("/study/id"),
              "ID-MISMATCH",
              "study id '"
                  + id
                  + "' does not match the file name '"
                  + name
                  + "'; name the file "
                  + id
                  + name.substring(stem.length())));
    }
  }

  /**
   * Counts the schema bounds only from below: a number too large for a count (12345678901234567890,
   * 1e999) would otherwise be dropped without a word when the study is bound.
   */
  private void checkCounts(PositionedDocument doc, List<Problem> out) {
    List<String> pointers = new ArrayList<>();
    pointers.add("/study/sample_total");
    JsonNode sample = doc.root().path("study").path("sample");
    for (int i = 0; i < sample.size(); i++) {
      pointers.add("/study/sample/" + i + "/n");
    }
    for (String pointer : pointers) {
      JsonNode v = doc.root().at(pointer);
      if (v.isNumber() && v.canConvertToExactIntegral() && !v.canConvertToInt()) {
        out.add(
            Problem.error(
                doc.file(),
                doc.valueAt(pointer),
                "OUT-OF-RANGE",
                PositionedDocument.display(pointer)
                    + ": "
                    + v.asText()
                    + " is too large for a count of participants"));
      }
    }
  }

  private void checkDate(PositionedDocument doc, Extraction x, List<Problem> out) {
    String date = x.extraction().date();
    if (date == null || !date.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return; // absent or malformed: the schema check reports it
    }
    try {
      LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      out.add(
          Problem.error(
              doc.file(),
              doc.valueAt("/extraction/date"),
              "BAD-DATE",
              "extraction.date: '" + date + "' is not a real calendar date"));
    }
  }

  private void uniquePart(
      PositionedDocument doc,
      Map<String, String> seen,
      String id,
      String pointer,
      String kind,
      List<Problem> out) {
    if (id == null) {
      return;
    }
    if (MECHANISM_PARTS.contains(id)) {
      out.add(
          Problem.error(
              doc.file(),
              doc.valueAt(pointer + "/id"),
              "RESERVED-ID",
              "'" + id + "' is reserved for the mechanism; choose another " + kind + " id"));
      return;
    }
    String before = seen.putIfAbsent(id, kind);
    if (before != null) {
      out.add(
          Problem.error(
              doc.file(),
              doc.valueAt(pointer + "/id"),
              "DUPLICATE-ID",
              kind
                  + " id '"
                  + id
                  + "' is already used by a "
                  + before
                  + " of this study (contexts and outcomes share one id space)"));
    }
  }

  private void checkQuotes(PositionedDocument doc, Extraction x, List<Problem> out) {
    String name = x.source().file();
    if (name == null) {
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
    for (Extraction.EvidenceItem e : x.evidence()) {
      if (e.quote() == null
          || e.quote().isBlank()
          || DocumentReader.unfitCharacter(e.quote()).isPresent() // reported as BAD-CHARACTER
          || text.contains(e.quote())) {
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
}
