package org.cmograph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.extraction.Extraction.Cmoc;
import org.cmograph.extraction.Extraction.EvidenceItem;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;
import org.cmograph.util.Suggest;

/** One import of one coded project: the mapping read, its problems, the draft made. */
final class QdpxRun {
  final QdpxProject project;
  final PositionedDocument doc;
  final JsonNode root;
  final String studyArgument;
  final List<Problem> problems;
  final Map<String, List<QdpxImporter.PartRef>> partsByCode = new LinkedHashMap<>();
  final Map<String, QdpxImporter.Attributes> attributesByCode = new LinkedHashMap<>();
  final ConceptLabels catalogue;
  final FormatVocabulary vocab;
  QdpxCmocs cmocCodes;
  final QdpxSegments segments;

  QdpxRun(
      QdpxProject project,
      PositionedDocument doc,
      String studyArgument,
      List<Problem> problems,
      ConceptLabels catalogue,
      FormatVocabulary vocab) {
    this.project = project;
    this.doc = doc;
    this.root = doc.root();
    this.studyArgument = studyArgument;
    this.problems = problems;
    this.catalogue = catalogue;
    this.vocab = vocab;
    this.segments = new QdpxSegments(this);
  }

  QdpxImporter.Result run() {
    String study = root.path("study").asText(null);
    if (studyArgument != null && study != null && !studyArgument.equals(study)) {
      problems.add(
          error(
              "/study",
              "QDPX-STUDY",
              "the mapping is for study '" + study + "', not '" + studyArgument + "'"));
    }
    String id = studyArgument != null ? studyArgument : study;
    if (id == null) {
      problems.add(
          error("", "QDPX-STUDY", "name the study: give --study, or 'study:' in the mapping"));
    }
    cmocCodes = new QdpxCmocs(this, new DraftBuilder(id, project.file()));
    QdpxImporter.Attributes defaults = attributes(root.path("evidence"), "/evidence");
    JsonNode attributeCodes = root.path("attributes");
    for (int i = 0; i < attributeCodes.size(); i++) {
      String pointer = "/attributes/" + i;
      String code = code(attributeCodes.get(i).path("code").asText(), pointer + "/code");
      if (code != null) {
        attributesByCode.put(code, attributes(attributeCodes.get(i), pointer));
      }
    }
    for (int i = 0; i < root.path("actors").size(); i++) {
      cmocCodes.actor(root.path("actors").get(i), "/actors/" + i);
    }
    // Ids the mapping gives are taken first, so made-up ids never collide with them.
    for (JsonNode c : root.path("cmocs")) {
      for (String kind : List.of("contexts", "outcomes")) {
        for (JsonNode part : c.path(kind)) {
          if (part.hasNonNull("id")) {
            cmocCodes.draft.reservePartId(part.get("id").asText());
          }
        }
      }
    }
    List<Cmoc> cmocs = new ArrayList<>();
    for (int i = 0; i < root.path("cmocs").size(); i++) {
      cmocs.add(cmocCodes.cmoc(root.path("cmocs").get(i), i));
    }
    QdpxProject.TextSource source = segments.source();
    if (problems.stream().anyMatch(Problem::isError) || source == null || id == null) {
      return new QdpxImporter.Result(null, null, problems);
    }
    List<EvidenceItem> evidence = segments.evidence(source, cmocs, defaults);
    if (problems.stream().anyMatch(Problem::isError)) {
      return new QdpxImporter.Result(null, null, problems);
    }
    if (defaults.kind() == null
        && attributesByCode.values().stream().allMatch(a -> a.kind() == null)) {
      problems.add(
          Problem.warning(
              doc.file(),
              doc.keyAt(root.has("evidence") ? "/evidence" : "/cmocs"),
              "IMPORT-NO-KIND",
              "the mapping gives no evidence kind, so all "
                  + evidence.size()
                  + " evidence item(s) are written as kind: finding, the only kind counted as"
                  + " support or refutation; check them, and give 'kind' under 'evidence' or on"
                  + " an attribute code (e.g. a code for the authors' recommendations)"));
    }
    String name = source.name().replaceAll("(?i)\\.txt$", "");
    String file = (Slugs.of(name).isEmpty() ? id : Slugs.of(name)) + ".txt";
    DraftBuilder builder = cmocCodes.draft.source(file);
    cmocs.forEach(builder::cmoc);
    evidence.forEach(builder::evidence);
    StudyDraft draft = builder.build();
    return new QdpxImporter.Result(
        draft, new QdpxImporter.SourceFile(file, source.text()), problems);
  }

  Problem error(String pointer, String code, String message) {
    return Problem.error(doc.file(), doc.valueAt(pointer), code, message);
  }

  /** The GUID of the code a mapping names, or null (reported). */
  String code(String ref, String pointer) {
    List<QdpxProject.Code> matches = new ArrayList<>();
    for (QdpxProject.Code c : project.codes().values()) {
      if (c.guid().equalsIgnoreCase(ref) || c.path().equalsIgnoreCase(ref)) {
        return c.guid().toUpperCase(Locale.ROOT);
      }
      if (c.name() != null && c.name().equalsIgnoreCase(ref)) {
        matches.add(c);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0).guid().toUpperCase(Locale.ROOT);
    }
    List<String> paths = project.codes().values().stream().map(QdpxProject.Code::path).toList();
    if (matches.size() > 1) {
      problems.add(
          error(
              pointer,
              "QDPX-UNKNOWN-CODE",
              "several codes are named '"
                  + ref
                  + "'; name one by its path: "
                  + String.join(", ", matches.stream().map(QdpxProject.Code::path).toList())));
    } else {
      problems.add(
          error(
              pointer,
              "QDPX-UNKNOWN-CODE",
              "the project has no code '"
                  + ref
                  + "'"
                  + Suggest.didYouMean(ref, paths)
                  + " (its codes: "
                  + String.join(", ", paths)
                  + ")"));
    }
    return null;
  }

  String codeName(String guid) {
    QdpxProject.Code c = project.codes().get(guid);
    return c == null ? null : c.name();
  }

  void refer(String guid, int cmoc, String part) {
    if (guid != null) {
      partsByCode
          .computeIfAbsent(guid, k -> new ArrayList<>())
          .add(new QdpxImporter.PartRef(cmoc, part));
    }
  }

  String value(JsonNode node, String field, String pointer, List<String> allowed) {
    if (!node.hasNonNull(field)) {
      return null;
    }
    String raw = node.get(field).asText();
    String v = FormatVocabulary.match(raw, allowed);
    if (v == null) {
      problems.add(
          error(
              pointer + "/" + field,
              "IMPORT-BAD-VALUE",
              field
                  + " '"
                  + raw
                  + "' is not one of "
                  + String.join(", ", allowed)
                  + Suggest.didYouMean(raw.toLowerCase(Locale.ROOT), allowed)));
    }
    return v;
  }

  QdpxImporter.Attributes attributes(JsonNode node, String pointer) {
    return new QdpxImporter.Attributes(
        value(node, "kind", pointer, vocab.evidenceKinds),
        value(node, "speaker", pointer, vocab.speakers),
        value(node, "perspective", pointer, vocab.perspectives),
        value(node, "stance", pointer, vocab.stances),
        value(node, "strength", pointer, vocab.strengths),
        node.hasNonNull("location") ? node.get("location").asText() : null);
  }
}
