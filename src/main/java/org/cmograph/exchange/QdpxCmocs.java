package org.cmograph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;
import org.cmograph.util.Suggest;

/**
 * The CMOCs a code mapping defines, with the study's actors, contexts and outcomes they name (one
 * id space), and which codes point at which CMOC part.
 */
final class QdpxCmocs {
  final QdpxRun run;
  final Set<String> partIds = new HashSet<>();

  /** The study's actors, contexts and outcomes by id (one id space), and the kind of each. */
  final Map<String, Map<String, Object>> parts = new LinkedHashMap<>();

  final Map<String, String> partKinds = new HashMap<>();
  final Map<String, String> partPointers = new HashMap<>();
  final Map<String, String> partCodes = new HashMap<>();

  QdpxCmocs(QdpxRun run) {
    this.run = run;
  }

  Map<String, Object> cmoc(JsonNode c, int index) {
    String pointer = "/cmocs/" + index;
    Map<String, Object> cmoc = new LinkedHashMap<>();
    cmoc.put("id", c.path("id").asText());
    cmoc.put("label", c.path("label").asText());
    if (c.hasNonNull("statement")) {
      cmoc.put("statement", c.get("statement").asText());
    }
    String kind = run.value(c, "kind", pointer, run.vocab.cmocKinds);
    cmoc.put("kind", kind != null ? kind : Extraction.Cmoc.CONFIGURATION);
    if (c.hasNonNull("strategy")) {
      cmoc.put("strategy", c.get("strategy").asText());
    }
    if (c.hasNonNull("actor")) {
      cmoc.put("actor", actorRef(c.get("actor").asText(), pointer + "/actor"));
    }
    if (c.hasNonNull("code")) {
      run.refer(run.code(c.get("code").asText(), pointer + "/code"), index, null);
    }
    List<Map<String, Object>> contexts = new ArrayList<>();
    for (int i = 0; i < c.path("contexts").size(); i++) {
      JsonNode x = c.path("contexts").get(i);
      String p = pointer + "/contexts/" + i;
      Map<String, Object> attributes = new LinkedHashMap<>();
      Drafts.put(attributes, "type", run.value(x, "type", p, run.vocab.contextTypes));
      String id = part(x, p, index, "context", attributes);
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("context", id);
      if (x.hasNonNull("role")) {
        Drafts.put(link, "role", run.value(x, "role", p, run.vocab.contextRoles));
      } else {
        // The role is the researcher's reading of the source; the import never guesses it.
        run.problems.add(
            Problem.error(
                run.doc.file(),
                run.doc.keyAt(p + "/code"),
                "IMPORT-MISSING-ROLE",
                "context '"
                    + id
                    + "' of CMOC '"
                    + c.path("id").asText()
                    + "' has no role; add 'role: "
                    + String.join(" | ", run.vocab.contextRoles)
                    + "' (what the context does for this configuration)"));
      }
      contexts.add(link);
    }
    if (!contexts.isEmpty()) {
      cmoc.put("contexts", contexts);
    }
    boolean pattern = Extraction.Cmoc.OUTCOME_PATTERN.equals(kind);
    if (pattern && c.has("mechanism")) {
      run.problems.add(
          run.error(
              pointer + "/mechanism",
              "MECHANISM-IN-PATTERN",
              "CMOC '"
                  + c.path("id").asText()
                  + "' is an outcome pattern, which has no mechanism; remove its mechanism, or"
                  + " make it kind: configuration"));
    } else if (!pattern && !c.has("mechanism")) {
      run.problems.add(
          run.error(
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
      Drafts.put(attributes, "direction", run.value(x, "direction", p, run.vocab.directions));
      Drafts.put(attributes, "level", run.value(x, "level", p, run.vocab.levels));
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
    Drafts.put(actor, "type", run.value(a, "type", pointer, run.vocab.actorTypes));
    partIds.add(a.path("id").asText());
    add("actor", actor, pointer);
  }

  /** An actor id the mapping refers to: one of its actors. */
  String actorRef(String id, String pointer) {
    if (!"actor".equals(partKinds.get(id))) {
      Set<String> actors = new LinkedHashSet<>();
      partKinds.forEach(
          (k, v) -> {
            if (v.equals("actor")) {
              actors.add(k);
            }
          });
      run.problems.add(
          run.error(
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
      run.problems.add(
          run.error(
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
        run.problems.add(
            run.error(
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
   * A context or outcome: its id and description from the mapping, else from its code's name; the
   * id of the study part it is.
   */
  String part(JsonNode x, String pointer, int cmoc, String kind, Map<String, Object> attributes) {
    String guid = run.code(x.path("code").asText(), pointer + "/code");
    String name = guid == null ? null : run.codeName(guid);
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
      id = Drafts.unique(base.isEmpty() || Drafts.RESERVED.contains(base) ? kind : base, partIds);
    }
    partCodes.putIfAbsent(id, guid != null ? guid : x.path("code").asText());
    run.refer(guid, cmoc, id);
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
      String guid = run.code(m.get("code").asText(), pointer + "/code");
      run.refer(guid, cmoc, "mechanism");
      if (wording == null && guid != null) {
        wording = run.codeName(guid);
      }
    }
    if (m.hasNonNull("resource_code")) {
      run.refer(
          run.code(m.get("resource_code").asText(), pointer + "/resource_code"), cmoc, "resource");
    }
    for (String key : List.of("reasoning_code", "response_code")) {
      if (m.hasNonNull(key)) {
        run.refer(run.code(m.get(key).asText(), pointer + "/" + key), cmoc, "reasoning");
      }
    }
    String concept = m.hasNonNull("concept") ? m.get("concept").asText() : null;
    String resource = m.hasNonNull("resource") ? m.get("resource").asText() : null;
    // 'response' is the first format's name for the reasoning.
    String reasoning =
        m.hasNonNull("reasoning")
            ? m.get("reasoning").asText()
            : m.hasNonNull("response") ? m.get("response").asText() : null;
    ConceptChoice choice = ConceptChoice.of(run.catalogue, concept, wording, resource, reasoning);
    Map<String, Object> out = new LinkedHashMap<>();
    if (choice.guessed()) {
      String at = concept != null ? pointer + "/concept" : pointer;
      if (choice.id() == null) {
        run.problems.add(
            run.error(
                at,
                "IMPORT-UNMATCHED-MECHANISM",
                "no catalogue concept for mechanism '" + choice.basis() + "'"));
      } else {
        run.problems.add(
            Problem.warning(
                run.doc.file(),
                run.doc.valueAt(at),
                "IMPORT-UNMATCHED-MECHANISM",
                choice.guessWarning(concept, choice.basis())
                    + ". Check it, or set 'concept' in the mapping"));
        run.comments.put(pointer + "/concept", choice.comment(concept));
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
}
