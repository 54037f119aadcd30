package org.cmograph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SchemaCheck;
import org.cmograph.util.Suggest;

/**
 * Turns a coded REFI-QDA project into a study draft, as a mapping file says
 * (schema/code-mapping.schema.json): the mapped codes become the parts of the study's CMOCs, and
 * every text segment coded with one becomes an evidence item whose quote is exactly that stretch of
 * the source text, located by its character positions. The source's plain text becomes the study's
 * registered source, so every quote is verbatim by construction.
 *
 * <pre>
 * QdpxImporter.Result r = new QdpxImporter(labels).read(project, Path.of("codes.yaml"), "smith-2023");
 * </pre>
 */
public final class QdpxImporter {
  public static final String MAPPING_SCHEMA = "schema/code-mapping.schema.json";

  /** The source text to register under data/sources/. */
  public record SourceFile(String name, String text) {}

  /** The draft (null when the import failed), its source text, and every problem found. */
  public record Result(StudyDraft draft, SourceFile source, List<Problem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  private final ConceptLabels catalogue;
  private final FormatVocabulary vocab = FormatVocabulary.get();

  public QdpxImporter(ConceptLabels catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * @param studyId the study named on the command line, or null to take the mapping's
   */
  public Result read(QdpxProject project, Path mappingFile, String studyId) {
    List<Problem> problems = new ArrayList<>();
    Optional<PositionedDocument> doc = new DocumentReader().read(mappingFile, problems);
    if (doc.isEmpty()) {
      return new Result(null, null, problems);
    }
    problems.addAll(new SchemaCheck(MAPPING_SCHEMA).check(doc.get()));
    if (problems.stream().anyMatch(Problem::isError)) {
      return new Result(null, null, problems);
    }
    return new Run(project, doc.get(), studyId, problems).run();
  }

  /** Where a code points: a CMOC, and the part of it (null for the whole configuration). */
  private record PartRef(int cmoc, String part) {}

  /** Values a segment's attribute codes (or the defaults) give its evidence item. */
  private record Attributes(
      String kind,
      String speaker,
      String perspective,
      String stance,
      String strength,
      String location) {
    Attributes over(Attributes base) {
      return new Attributes(
          kind != null ? kind : base.kind,
          speaker != null ? speaker : base.speaker,
          perspective != null ? perspective : base.perspective,
          stance != null ? stance : base.stance,
          strength != null ? strength : base.strength,
          location != null ? location : base.location);
    }
  }

  private final class Run {
    final QdpxProject project;
    final PositionedDocument doc;
    final JsonNode root;
    final String studyArgument;
    final List<Problem> problems;
    final Map<String, List<PartRef>> partsByCode = new LinkedHashMap<>();
    final Map<String, Attributes> attributesByCode = new LinkedHashMap<>();
    final Map<String, String> comments = new LinkedHashMap<>();
    final Set<String> partIds = new HashSet<>();
    /** The study's actors, contexts and outcomes by id (one id space), and the kind of each. */
    final Map<String, Map<String, Object>> parts = new LinkedHashMap<>();
    final Map<String, String> partKinds = new HashMap<>();
    final Map<String, String> partPointers = new HashMap<>();
    final Map<String, String> partCodes = new HashMap<>();

    Run(QdpxProject project, PositionedDocument doc, String studyArgument, List<Problem> problems) {
      this.project = project;
      this.doc = doc;
      this.root = doc.root();
      this.studyArgument = studyArgument;
      this.problems = problems;
    }

    Result run() {
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
      Attributes defaults = attributes(root.path("evidence"), "/evidence");
      JsonNode attributeCodes = root.path("attributes");
      for (int i = 0; i < attributeCodes.size(); i++) {
        String pointer = "/attributes/" + i;
        String code = code(attributeCodes.get(i).path("code").asText(), pointer + "/code");
        if (code != null) {
          attributesByCode.put(code, attributes(attributeCodes.get(i), pointer));
        }
      }
      for (int i = 0; i < root.path("actors").size(); i++) {
        actor(root.path("actors").get(i), "/actors/" + i);
      }
      // Ids the mapping gives are taken first, so made-up ids never collide with them.
      for (JsonNode c : root.path("cmocs")) {
        for (String kind : List.of("contexts", "outcomes")) {
          for (JsonNode part : c.path(kind)) {
            if (part.hasNonNull("id")) {
              partIds.add(part.get("id").asText());
            }
          }
        }
      }
      List<Map<String, Object>> cmocs = new ArrayList<>();
      for (int i = 0; i < root.path("cmocs").size(); i++) {
        cmocs.add(cmoc(root.path("cmocs").get(i), i));
      }
      QdpxProject.TextSource source = source();
      if (problems.stream().anyMatch(Problem::isError) || source == null || id == null) {
        return new Result(null, null, problems);
      }
      List<Map<String, Object>> evidence = evidence(source, cmocs, defaults);
      if (problems.stream().anyMatch(Problem::isError)) {
        return new Result(null, null, problems);
      }
      if (defaults.kind() == null && attributesByCode.values().stream().allMatch(a -> a.kind() == null)) {
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
      StudyDraft draft =
          new StudyDraft(
              id,
              null,
              file,
              partsOf("actor"),
              partsOf("context"),
              partsOf("outcome"),
              cmocs,
              evidence,
              comments,
              project.file());
      return new Result(draft, new SourceFile(file, source.text()), problems);
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
        partsByCode.computeIfAbsent(guid, k -> new ArrayList<>()).add(new PartRef(cmoc, part));
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

    Attributes attributes(JsonNode node, String pointer) {
      return new Attributes(
          value(node, "kind", pointer, vocab.evidenceKinds),
          value(node, "speaker", pointer, vocab.speakers),
          value(node, "perspective", pointer, vocab.perspectives),
          value(node, "stance", pointer, vocab.stances),
          value(node, "strength", pointer, vocab.strengths),
          node.hasNonNull("location") ? node.get("location").asText() : null);
    }

    Map<String, Object> cmoc(JsonNode c, int index) {
      String pointer = "/cmocs/" + index;
      Map<String, Object> cmoc = new LinkedHashMap<>();
      cmoc.put("id", c.path("id").asText());
      cmoc.put("label", c.path("label").asText());
      if (c.hasNonNull("statement")) {
        cmoc.put("statement", c.get("statement").asText());
      }
      String kind = value(c, "kind", pointer, vocab.cmocKinds);
      cmoc.put("kind", kind != null ? kind : Extraction.Cmoc.CONFIGURATION);
      if (c.hasNonNull("strategy")) {
        cmoc.put("strategy", c.get("strategy").asText());
      }
      if (c.hasNonNull("actor")) {
        cmoc.put("actor", actorRef(c.get("actor").asText(), pointer + "/actor"));
      }
      if (c.hasNonNull("code")) {
        refer(code(c.get("code").asText(), pointer + "/code"), index, null);
      }
      List<Map<String, Object>> contexts = new ArrayList<>();
      for (int i = 0; i < c.path("contexts").size(); i++) {
        JsonNode x = c.path("contexts").get(i);
        String p = pointer + "/contexts/" + i;
        Map<String, Object> attributes = new LinkedHashMap<>();
        Drafts.put(attributes, "type", value(x, "type", p, vocab.contextTypes));
        String id = part(x, p, index, "context", attributes);
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("context", id);
        if (x.hasNonNull("role")) {
          Drafts.put(link, "role", value(x, "role", p, vocab.contextRoles));
        } else {
          // The role is the researcher's reading of the source; the import never guesses it.
          problems.add(
              Problem.error(
                  doc.file(),
                  doc.keyAt(p + "/code"),
                  "IMPORT-MISSING-ROLE",
                  "context '"
                      + id
                      + "' of CMOC '"
                      + c.path("id").asText()
                      + "' has no role; add 'role: "
                      + String.join(" | ", vocab.contextRoles)
                      + "' (what the context does for this configuration)"));
        }
        contexts.add(link);
      }
      if (!contexts.isEmpty()) {
        cmoc.put("contexts", contexts);
      }
      boolean pattern = Extraction.Cmoc.OUTCOME_PATTERN.equals(kind);
      if (pattern && c.has("mechanism")) {
        problems.add(
            error(
                pointer + "/mechanism",
                "MECHANISM-IN-PATTERN",
                "CMOC '"
                    + c.path("id").asText()
                    + "' is an outcome pattern, which has no mechanism; remove its mechanism, or"
                    + " make it kind: configuration"));
      } else if (!pattern && !c.has("mechanism")) {
        problems.add(
            error(
                pointer + "/id",
                "IMPORT-MISSING-VALUE",
                "CMOC '"
                    + c.path("id").asText()
                    + "' is a configuration but has no mechanism; give its mechanism, or make it"
                    + " kind: outcome-pattern if the study shows outcomes without one"));
      } else if (!pattern) {
        cmoc.put("mechanism", mechanism(c.path("mechanism"), pointer + "/mechanism", index));
      }
      List<String> outcomes = new ArrayList<>();
      for (int i = 0; i < c.path("outcomes").size(); i++) {
        JsonNode x = c.path("outcomes").get(i);
        String p = pointer + "/outcomes/" + i;
        Map<String, Object> attributes = new LinkedHashMap<>();
        Drafts.put(attributes, "direction", value(x, "direction", p, vocab.directions));
        Drafts.put(attributes, "level", value(x, "level", p, vocab.levels));
        if (x.has("intended")) {
          attributes.put("intended", x.get("intended").asBoolean());
        }
        if (x.hasNonNull("for")) {
          attributes.put("for", actorRef(x.get("for").asText(), p + "/for"));
        }
        String id = part(x, p, index, "outcome", attributes);
        if (!outcomes.contains(id)) {
          outcomes.add(id);
        }
      }
      if (!outcomes.isEmpty()) {
        cmoc.put("outcomes", outcomes);
      }
      return cmoc;
    }

    /** An actor the mapping defines, added to the study. */
    void actor(JsonNode a, String pointer) {
      Map<String, Object> actor = new LinkedHashMap<>();
      actor.put("id", a.path("id").asText());
      actor.put("description", a.path("description").asText());
      Drafts.put(actor, "type", value(a, "type", pointer, vocab.actorTypes));
      partIds.add(a.path("id").asText());
      add("actor", actor, pointer);
    }

    /** An actor id the mapping refers to: one of its actors. */
    String actorRef(String id, String pointer) {
      if (!"actor".equals(partKinds.get(id))) {
        Set<String> actors = new LinkedHashSet<>();
        partKinds.forEach((k, v) -> { if (v.equals("actor")) { actors.add(k); } });
        problems.add(
            error(
                pointer,
                "DANGLING-REFERENCE",
                "'"
                    + id
                    + "' is not an actor of the mapping"
                    + (actors.isEmpty()
                        ? " (define it under 'actors:' with its id, description and type)"
                        : Suggest.didYouMean(id, actors))));
      }
      return id;
    }

    /**
     * Adds a study actor, context or outcome; one named again (by another CMOC) must say the same.
     */
    void add(String kind, Map<String, Object> part, String pointer) {
      String id = (String) part.get("id");
      Map<String, Object> had = parts.get(id);
      if (had == null) {
        parts.put(id, part);
        partKinds.put(id, kind);
        partPointers.put(id, pointer);
        return;
      }
      if (!kind.equals(partKinds.get(id))) {
        problems.add(
            error(
                pointer + "/id",
                "IMPORT-DUPLICATE-ID",
                "id '"
                    + id
                    + "' names both "
                    + (kind.equals("actor") ? "an " : "a ")
                    + kind
                    + " and "
                    + (partKinds.get(id).equals("actor") ? "an " : "a ")
                    + partKinds.get(id)
                    + " (at "
                    + PositionedDocument.display(partPointers.get(id))
                    + "); actors, contexts and outcomes share one id space"));
        return;
      }
      for (Map.Entry<String, Object> e : part.entrySet()) {
        Object before = had.get(e.getKey());
        if (before == null) {
          had.put(e.getKey(), e.getValue());
        } else if (!before.equals(e.getValue())) {
          problems.add(
              error(
                  pointer,
                  "IMPORT-CONFLICT",
                  kind
                      + " '"
                      + id
                      + "' has a different "
                      + e.getKey()
                      + " here than at "
                      + PositionedDocument.display(partPointers.get(id))
                      + "; a "
                      + kind
                      + " is one of the study's, shared by its CMOCs: describe it the same way,"
                      + " or give it another id"));
        }
      }
    }

    List<Map<String, Object>> partsOf(String kind) {
      List<Map<String, Object>> out = new ArrayList<>();
      parts.forEach(
          (id, part) -> {
            if (kind.equals(partKinds.get(id))) {
              out.add(part);
            }
          });
      return out;
    }

    /**
     * A context or outcome: its id and description from the mapping, else from its code's name;
     * the id of the study part it is.
     */
    String part(JsonNode x, String pointer, int cmoc, String kind, Map<String, Object> attributes) {
      String guid = code(x.path("code").asText(), pointer + "/code");
      String name = guid == null ? null : codeName(guid);
      String description = x.hasNonNull("description") ? x.get("description").asText() : null;
      String id = x.hasNonNull("id") ? x.get("id").asText() : null;
      if (id == null) {
        // The same code under another CMOC is the same context or outcome.
        String codeText = x.path("code").asText();
        for (Map.Entry<String, String> e : partCodes.entrySet()) {
          if (e.getValue().equals(guid != null ? guid : codeText)
              && kind.equals(partKinds.get(e.getKey()))) {
            id = e.getKey();
          }
        }
      }
      if (id == null) {
        String base = Slugs.brief(description != null ? description : name, 4);
        id =
            Drafts.unique(
                base.isEmpty() || Drafts.RESERVED.contains(base) ? kind : base, partIds);
      }
      partCodes.putIfAbsent(id, guid != null ? guid : x.path("code").asText());
      refer(guid, cmoc, id);
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("id", id);
      if (description != null || !parts.containsKey(id)) {
        part.put("description", description != null ? description : name != null ? name : id);
      }
      part.putAll(attributes);
      add(kind, part, pointer);
      return id;
    }

    Map<String, Object> mechanism(JsonNode m, String pointer, int cmoc) {
      String wording = m.hasNonNull("wording") ? m.get("wording").asText() : null;
      if (m.hasNonNull("code")) {
        String guid = code(m.get("code").asText(), pointer + "/code");
        refer(guid, cmoc, "mechanism");
        if (wording == null && guid != null) {
          wording = codeName(guid);
        }
      }
      if (m.hasNonNull("resource_code")) {
        refer(code(m.get("resource_code").asText(), pointer + "/resource_code"), cmoc, "resource");
      }
      for (String key : List.of("reasoning_code", "response_code")) {
        if (m.hasNonNull(key)) {
          refer(code(m.get(key).asText(), pointer + "/" + key), cmoc, "reasoning");
        }
      }
      String concept = m.hasNonNull("concept") ? m.get("concept").asText() : null;
      String resource = m.hasNonNull("resource") ? m.get("resource").asText() : null;
      // 'response' is the first format's name for the reasoning.
      String reasoning =
          m.hasNonNull("reasoning")
              ? m.get("reasoning").asText()
              : m.hasNonNull("response") ? m.get("response").asText() : null;
      ConceptChoice choice = ConceptChoice.of(catalogue, concept, wording, resource, reasoning);
      Map<String, Object> out = new LinkedHashMap<>();
      if (choice.guessed()) {
        String at = concept != null ? pointer + "/concept" : pointer;
        if (choice.id() == null) {
          problems.add(
              error(
                  at,
                  "IMPORT-UNMATCHED-MECHANISM",
                  "no catalogue concept for mechanism '" + choice.basis() + "'"));
        } else {
          problems.add(
              Problem.warning(
                  doc.file(),
                  doc.valueAt(at),
                  "IMPORT-UNMATCHED-MECHANISM",
                  (concept != null
                          ? "concept '" + concept + "' is not in the catalogue"
                          : "mechanism '" + choice.basis() + "' names no catalogue concept")
                      + "; wrote '"
                      + choice.id()
                      + "'"
                      + (choice.weak() ? " (a weak match)" : "")
                      + "; closest by label: "
                      + choice.described()
                      + ". Check it, or set 'concept' in the mapping"));
          comments.put(pointer + "/concept", choice.comment(concept));
        }
      }
      out.put("concept", choice.id());
      Drafts.put(out, "wording", wording);
      Drafts.put(out, "resource", resource);
      Drafts.put(out, "reasoning", reasoning);
      // A part the mapping does not give is one the source does not report: said, not filled in.
      List<String> notReported = new ArrayList<>();
      if (resource == null) {
        notReported.add("resource");
      }
      if (reasoning == null) {
        notReported.add("reasoning");
      }
      if (!notReported.isEmpty()) {
        out.put("not_reported", notReported);
      }
      return out;
    }

    /** The one text source whose segments carry mapped codes. */
    QdpxProject.TextSource source() {
      List<QdpxProject.TextSource> coded = new ArrayList<>();
      for (QdpxProject.TextSource s : project.sources()) {
        if (s.selections().stream()
            .anyMatch(sel -> sel.codeGuids().stream().anyMatch(partsByCode::containsKey))) {
          coded.add(s);
        }
      }
      if (root.hasNonNull("source")) {
        String wanted = root.get("source").asText();
        for (QdpxProject.TextSource s : project.sources()) {
          if (wanted.equalsIgnoreCase(s.name()) || wanted.equalsIgnoreCase(s.guid())) {
            return withText(s);
          }
        }
        problems.add(
            error(
                "/source",
                "QDPX-NO-SEGMENTS",
                "the project has no source '"
                    + wanted
                    + "' (its sources: "
                    + String.join(
                        ", ", project.sources().stream().map(QdpxProject.TextSource::name).toList())
                    + ")"));
        return null;
      }
      if (coded.isEmpty()) {
        if (!problems.stream().anyMatch(Problem::isError)) {
          problems.add(
              error(
                  "/cmocs",
                  "QDPX-NO-SEGMENTS",
                  "no text segment of the project is coded with a code the mapping names"));
        }
        return null;
      }
      if (coded.size() > 1) {
        problems.add(
            error(
                "",
                "QDPX-MANY-SOURCES",
                "segments of "
                    + coded.size()
                    + " sources carry mapped codes ("
                    + String.join(", ", coded.stream().map(QdpxProject.TextSource::name).toList())
                    + "); a study registers one source text: name it with 'source:' in the"
                    + " mapping"));
        return null;
      }
      return withText(coded.get(0));
    }

    QdpxProject.TextSource withText(QdpxProject.TextSource s) {
      if (s.text() == null) {
        problems.add(
            Problem.error(
                project.file().resolve(QdpxProject.PROJECT_ENTRY),
                s.at(),
                "QDPX-MISSING-SOURCE",
                "source '"
                    + s.name()
                    + "' has no plain text in the project, so no quote can be taken from it"));
        return null;
      }
      return s;
    }

    List<Map<String, Object>> evidence(
        QdpxProject.TextSource source, List<Map<String, Object>> cmocs, Attributes defaults) {
      List<QdpxProject.Selection> selections = new ArrayList<>(source.selections());
      selections.sort(
          Comparator.comparingInt(QdpxProject.Selection::start)
              .thenComparingInt(QdpxProject.Selection::end)
              .thenComparing(s -> String.valueOf(s.guid())));
      String text = source.text();
      int length = text.codePointCount(0, text.length());
      List<Map<String, Object>> out = new ArrayList<>();
      Path qde = project.file().resolve(QdpxProject.PROJECT_ENTRY);
      for (QdpxProject.Selection sel : selections) {
        TreeMap<Integer, Set<String>> aboutByCmoc = new TreeMap<>();
        Attributes own = new Attributes(null, null, null, null, null, null);
        for (String guid : sel.codeGuids()) {
          for (PartRef ref : partsByCode.getOrDefault(guid, List.of())) {
            Set<String> about = aboutByCmoc.computeIfAbsent(ref.cmoc(), k -> new LinkedHashSet<>());
            if (ref.part() != null) {
              about.add(ref.part());
            }
          }
          Attributes a = attributesByCode.get(guid);
          if (a != null) {
            own = own.over(a);
          }
        }
        if (aboutByCmoc.isEmpty()) {
          continue;
        }
        if (sel.end() <= sel.start() || sel.end() > length) {
          problems.add(
              Problem.error(
                  qde,
                  sel.at(),
                  "QDPX-BAD-POSITION",
                  "selection '"
                      + sel.guid()
                      + "' spans characters "
                      + sel.start()
                      + "-"
                      + sel.end()
                      + ", outside the "
                      + length
                      + " characters of source '"
                      + source.name()
                      + "'"));
          continue;
        }
        String quote =
            text.substring(
                    text.offsetByCodePoints(0, sel.start()), text.offsetByCodePoints(0, sel.end()))
                .strip();
        if (quote.isEmpty()) {
          problems.add(
              Problem.warning(
                  qde,
                  sel.at(),
                  "QDPX-BAD-POSITION",
                  "selection '" + sel.guid() + "' holds only white space; skipped"));
          continue;
        }
        Attributes a = own.over(defaults);
        String perspective = a.perspective();
        String speaker =
            a.speaker() != null ? a.speaker() : perspective != null ? "participant" : "authors";
        String location =
            (a.location() == null ? "" : a.location() + ", ")
                + "characters "
                + sel.start()
                + "-"
                + sel.end();
        // One passage is one evidence item, however many configurations it bears on.
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "e" + (out.size() + 1));
        List<Object> targets = new ArrayList<>();
        Set<String> about = new LinkedHashSet<>();
        for (Map.Entry<Integer, Set<String>> e : aboutByCmoc.entrySet()) {
          targets.add(cmocs.get(e.getKey()).get("id"));
          about.addAll(e.getValue());
        }
        item.put("cmocs", targets);
        String kind = a.kind() != null ? a.kind() : Extraction.EvidenceItem.FINDING;
        item.put("kind", kind);
        if (!about.isEmpty()) {
          item.put("about", List.copyOf(about));
        }
        item.put("quote", quote);
        item.put("location", location);
        item.put("speaker", speaker);
        Drafts.put(item, "perspective", perspective);
        if (a.stance() != null || Extraction.EvidenceItem.FINDING.equals(kind)) {
          item.put("stance", a.stance() != null ? a.stance() : "supports");
        }
        Drafts.put(item, "strength", a.strength());
        if (sel.description() != null && !sel.description().isEmpty()) {
          item.put("note", sel.description());
        }
        out.add(item);
      }
      if (out.isEmpty()) {
        problems.add(
            error(
                "/cmocs",
                "QDPX-NO-SEGMENTS",
                "no text segment is coded with a code the mapping names"));
      }
      return out;
    }
  }
}
