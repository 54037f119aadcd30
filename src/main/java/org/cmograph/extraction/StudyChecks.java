package org.cmograph.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks a schema cannot express: ids unique and matching the file name, references that
 * resolve, mechanisms that are in the catalogue, real dates, and quotes proved verbatim against the
 * registered source text.
 */
final class StudyChecks {
  private static final List<String> LINKS = Extraction.EvidenceItem.ABOUT_LINKS;

  private static final List<String> MECHANISM_PARTS = Extraction.EvidenceItem.ABOUT_MECHANISM_PARTS;

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

    Map<String, String> partIds = new HashMap<>();
    Set<String> actors = new LinkedHashSet<>();
    for (Extraction.Actor a : x.actors()) {
      uniquePart(doc, partIds, a.id(), a.pointer(), "actor", out);
      if (a.id() != null) {
        actors.add(a.id());
      }
    }
    Set<String> contexts = new LinkedHashSet<>();
    for (Extraction.Context c : x.contexts()) {
      uniquePart(doc, partIds, c.id(), c.pointer(), "context", out);
      if (c.id() != null) {
        contexts.add(c.id());
      }
      catalogue
          .unknownConcept(
              file,
              doc.valueAt(c.pointer() + "/concept"),
              c.concept(),
              ConceptCatalogue.Scheme.CONTEXT)
          .ifPresent(out::add);
    }
    Set<String> outcomes = new LinkedHashSet<>();
    for (Extraction.Outcome o : x.outcomes()) {
      uniquePart(doc, partIds, o.id(), o.pointer(), "outcome", out);
      if (o.id() != null) {
        outcomes.add(o.id());
      }
      ReferenceChecks.reference(doc, o.pointer() + "/for", o.actor(), actors, "actor", out);
      catalogue
          .unknownConcept(
              file,
              doc.valueAt(o.pointer() + "/concept"),
              o.concept(),
              ConceptCatalogue.Scheme.OUTCOME)
          .ifPresent(out::add);
    }
    for (Extraction.Related r : x.study().related()) {
      if (r.study() != null && r.study().equals(x.study().id())) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(r.pointer() + "/study"),
                "SELF-REFERENCE",
                "study.related names this study itself; name another study's extraction"));
      }
    }

    Map<String, Extraction.Cmoc> cmocs = new LinkedHashMap<>();
    for (Extraction.Cmoc c : x.cmocs()) {
      if (c.id() != null && cmocs.putIfAbsent(c.id(), c) != null) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(c.pointer() + "/id"),
                "DUPLICATE-ID",
                "CMOC id '" + c.id() + "' is used twice in this study"));
      }
    }
    for (Extraction.Cmoc c : x.cmocs()) {
      checkCmoc(doc, c, actors, contexts, outcomes, cmocs.keySet(), out);
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
      ReferenceChecks.checkEvidenceTargets(doc, e, cmocs, ReferenceChecks.settings(x), out);
    }
    ReferenceChecks.checkTheoryLinks(doc, x, out);
    new QuoteChecks(sources).check(doc, x, out);
    return out;
  }

  private void checkCmoc(
      PositionedDocument doc,
      Extraction.Cmoc c,
      Set<String> actors,
      Set<String> contexts,
      Set<String> outcomes,
      Set<String> cmocIds,
      List<Problem> out) {
    Path file = doc.file();
    String name = "'" + c.id() + "'";
    ReferenceChecks.reference(doc, c.pointer() + "/actor", c.actor(), actors, "actor", out);
    Set<String> linked = new HashSet<>();
    for (Extraction.ContextLink link : c.contexts()) {
      ReferenceChecks.reference(
          doc, link.pointer() + "/context", link.context(), contexts, "context", out);
      if (link.context() != null && !linked.add(link.context())) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(link.pointer() + "/context"),
                "DUPLICATE-LINK",
                "configuration "
                    + name
                    + " links context '"
                    + link.context()
                    + "' twice; give it one role"));
      }
    }
    JsonNode outcomeIds = doc.root().at(c.pointer() + "/outcomes");
    for (int i = 0; outcomeIds.isArray() && i < outcomeIds.size(); i++) {
      if (outcomeIds.get(i).isTextual()) {
        ReferenceChecks.reference(
            doc,
            c.pointer() + "/outcomes/" + i,
            outcomeIds.get(i).textValue(),
            outcomes,
            "outcome",
            out);
      }
    }
    JsonNode next = doc.root().at(c.pointer() + "/leads_to");
    for (int i = 0; next.isArray() && i < next.size(); i++) {
      String id = next.get(i).isTextual() ? next.get(i).textValue() : null;
      if (id != null && id.equals(c.id())) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(c.pointer() + "/leads_to/" + i),
                "SELF-REFERENCE",
                "configuration " + name + " cannot lead to itself"));
      } else {
        ReferenceChecks.reference(
            doc, c.pointer() + "/leads_to/" + i, id, cmocIds, "configuration", out);
      }
    }
    Extraction.Mechanism m = c.mechanism();
    if (!c.isConfiguration()) {
      if (m != null) {
        out.add(
            Problem.error(
                file,
                doc.keyAt(c.pointer() + "/mechanism"),
                "MECHANISM-IN-PATTERN",
                "outcome pattern "
                    + name
                    + " has a mechanism; an outcome pattern shows outcomes differing by context"
                    + " without one (make it kind: configuration, or remove the mechanism)"));
      }
      return;
    }
    if (m == null) {
      // A mechanism of the wrong type is the schema's to report.
      if (c.kind() != null && doc.root().at(c.pointer() + "/mechanism").isMissingNode()) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(c.pointer() + "/kind"),
                "MISSING-MECHANISM",
                "configuration "
                    + name
                    + " has no mechanism; give its resource and reasoning, or make it kind:"
                    + " outcome-pattern if the study shows outcomes without a mechanism"));
      }
      return;
    }
    catalogue
        .unknownConcept(file, doc.valueAt(m.pointer() + "/concept"), m.concept())
        .ifPresent(out::add);
    mechanismPart(doc, c, m, "resource", m.resource(), out);
    mechanismPart(doc, c, m, "reasoning", m.reasoning(), out);
  }

  /** A mechanism part is given, or said to be not reported: never both, never neither. */
  private static void mechanismPart(
      PositionedDocument doc,
      Extraction.Cmoc c,
      Extraction.Mechanism m,
      String part,
      String value,
      List<Problem> out) {
    boolean notReported = m.notReported().contains(part);
    if (value == null && !notReported) {
      out.add(
          Problem.error(
              doc.file(),
              doc.keyAt(m.pointer()),
              "MISSING-" + part.toUpperCase(java.util.Locale.ROOT),
              "the mechanism of configuration '"
                  + c.id()
                  + "' has no "
                  + part
                  + ("reasoning".equals(part)
                      ? " (what the resource triggers in people's reasoning)"
                      : " (what the programme offers)")
                  + "; give it as the source reports it, or add '"
                  + part
                  + "' to not_reported"));
    } else if (value != null && notReported) {
      out.add(
          Problem.error(
              doc.file(),
              doc.valueAt(m.pointer() + "/" + part),
              "CONTRADICTS-NOT-REPORTED",
              "the mechanism of configuration '"
                  + c.id()
                  + "' gives its "
                  + part
                  + " and also lists it as not reported; keep one"));
    }
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
    if (MECHANISM_PARTS.contains(id) || LINKS.contains(id)) {
      out.add(
          Problem.error(
              doc.file(),
              doc.valueAt(pointer + "/id"),
              "RESERVED-ID",
              "'" + id + "' is a reserved word of 'about'; choose another " + kind + " id"));
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
                  + " of this study (actors, contexts and outcomes share one id space)"));
    }
  }
}
