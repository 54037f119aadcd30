package org.cmograph.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmograph.util.Suggest;

/**
 * The checks that a study's references resolve: its theory links to the programme theory, and its
 * evidence items to its CMOCs and to the parts and links of those CMOCs they are about.
 */
final class ReferenceChecks {
  private ReferenceChecks() {}

  /**
   * A configuration that stands toward a theory CMOC needs a finding of its own: background,
   * methods, recommendations and hypotheses are not evidence for or against a theory (a warning,
   * since the stance is the extractor's judgement).
   */
  static void checkTheoryLinks(PositionedDocument doc, Extraction x, List<Problem> out) {
    Set<String> withFindings = new HashSet<>();
    for (Extraction.EvidenceItem e : x.evidence()) {
      if (e.isFinding()) {
        withFindings.addAll(e.cmocs());
      }
    }
    for (Extraction.Cmoc c : x.cmocs()) {
      for (Extraction.TheoryLink link : c.theoryLinks()) {
        if (link.rationale() == null) {
          out.add(
              Problem.warning(
                  doc.file(),
                  doc.keyAt(link.pointer() + "/theory_cmoc"),
                  "THEORY-LINK-WITHOUT-RATIONALE",
                  "the link of configuration '"
                      + c.id()
                      + "' to theory CMOC '"
                      + link.theoryCmoc()
                      + "' gives no rationale; say why it "
                      + link.stance()
                      + " it, from the finding it rests on"));
        }
      }
      if (c.id() == null || withFindings.contains(c.id())) {
        continue;
      }
      for (Extraction.TheoryLink link : c.theoryLinks()) {
        out.add(
            Problem.warning(
                doc.file(),
                doc.valueAt(link.pointer() + "/stance"),
                "THEORY-LINK-WITHOUT-FINDING",
                "configuration '"
                    + c.id()
                    + "' "
                    + link.stance()
                    + " theory CMOC '"
                    + link.theoryCmoc()
                    + "', but no finding of this study bears on it (only findings count); add"
                    + " the finding, or remove the theory link"));
      }
    }
  }

  /** An id that must name one of {@code known}, reported with the nearest ids when it does not. */
  static void reference(
      PositionedDocument doc,
      String pointer,
      String id,
      Set<String> known,
      String kind,
      List<Problem> out) {
    if (id == null || known.contains(id)) {
      return;
    }
    out.add(
        Problem.error(
            doc.file(),
            doc.valueAt(pointer),
            "DANGLING-REFERENCE",
            "'"
                + id
                + "' is not "
                + ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ")
                + kind
                + " of this study"
                + (known.isEmpty() ? " (it defines none)" : Suggest.didYouMean(id, known))));
  }

  /**
   * The study's contexts that no configuration links: the setting the study reports without saying
   * it bears on a mechanism. Evidence may be about them whatever configuration it is for.
   */
  static Set<String> settings(Extraction x) {
    Set<String> linked = new HashSet<>();
    x.cmocs().forEach(c -> c.contexts().forEach(l -> linked.add(l.context())));
    Set<String> out = new LinkedHashSet<>();
    for (Extraction.Context c : x.contexts()) {
      if (c.id() != null && !linked.contains(c.id())) {
        out.add(c.id());
      }
    }
    return out;
  }

  static void checkEvidenceTargets(
      PositionedDocument doc,
      Extraction.EvidenceItem e,
      Map<String, Extraction.Cmoc> cmocs,
      Set<String> settings,
      List<Problem> out) {
    Path file = doc.file();
    Set<String> parts = new LinkedHashSet<>(Extraction.EvidenceItem.ABOUT_LINKS);
    JsonNode targets = doc.root().at(e.pointer() + "/cmocs");
    boolean anyConfiguration = false;
    boolean anyTarget = false;
    for (int i = 0; targets.isArray() && i < targets.size(); i++) {
      String id = targets.get(i).isTextual() ? targets.get(i).textValue() : null;
      if (id == null) {
        continue;
      }
      Extraction.Cmoc target = cmocs.get(id);
      if (target == null) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(e.pointer() + "/cmocs/" + i),
                "DANGLING-REFERENCE",
                "evidence refers to CMOC '"
                    + id
                    + "', which this study does not define (evidence bears on its own study's"
                    + " configurations)"
                    + Suggest.didYouMean(id, cmocs.keySet())));
        continue;
      }
      anyTarget = true;
      anyConfiguration |= target.isConfiguration();
      target.contexts().stream()
          .map(Extraction.ContextLink::context)
          .filter(c -> c != null)
          .forEach(parts::add);
      target.outcomes().forEach(parts::add);
    }
    if (!anyTarget) {
      return; // no configuration to hold 'about' to: the missing or dangling one is reported
    }
    if (anyConfiguration) {
      parts.addAll(Extraction.EvidenceItem.ABOUT_MECHANISM_PARTS);
    }
    parts.addAll(settings);
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
                    + "' is not a part of "
                    + (e.cmocs().size() == 1 ? "CMOC '" + e.cmocs().get(0) + "'" : "its CMOCs")
                    + " (its parts: "
                    + String.join(", ", parts)
                    + ")"
                    + Suggest.didYouMean(ref, parts)));
      }
    }
  }
}
