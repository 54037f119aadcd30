package org.cmograph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.cmograph.extraction.Extraction.Actor;
import org.cmograph.extraction.Extraction.Cmoc;
import org.cmograph.extraction.Extraction.Context;
import org.cmograph.extraction.Extraction.ContextLink;
import org.cmograph.extraction.Extraction.Mechanism;
import org.cmograph.extraction.Extraction.Outcome;
import org.cmograph.extraction.Extraction.Part;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;
import org.cmograph.util.Suggest;

/**
 * The CMOCs a code mapping defines, with the study's actors, contexts and outcomes they name (one
 * id space), and which codes point at which CMOC part.
 */
final class QdpxCmocs {
  final QdpxRun run;
  final DraftBuilder draft;

  /** Where the mapping first defines each study part, by id. */
  final Map<String, String> partPointers = new HashMap<>();

  /** The code (GUID, or the mapping's text when unknown) each context or outcome id came from. */
  final Map<String, String> partCodes = new HashMap<>();

  QdpxCmocs(QdpxRun run, DraftBuilder draft) {
    this.run = run;
    this.draft = draft;
  }

  Cmoc cmoc(JsonNode c, int index) {
    String pointer = "/cmocs/" + index;
    String cmocId = c.path("id").asText();
    if (!draft.takeCmocId(cmocId)) {
      run.problems.add(
          run.error(
              pointer + "/id",
              "IMPORT-DUPLICATE-ID",
              "CMOC id '" + cmocId + "' is used twice in the mapping"));
    }
    String kind = run.value(c, "kind", pointer, run.vocab.cmocKinds);
    String actor = null;
    if (c.hasNonNull("actor")) {
      actor = actorRef(c.get("actor").asText(), pointer + "/actor");
    }
    if (c.hasNonNull("code")) {
      run.refer(run.code(c.get("code").asText(), pointer + "/code"), index, null);
    }
    List<ContextLink> contexts = new ArrayList<>();
    for (int i = 0; i < c.path("contexts").size(); i++) {
      JsonNode x = c.path("contexts").get(i);
      String p = pointer + "/contexts/" + i;
      String type = run.value(x, "type", p, run.vocab.contextTypes);
      String id = part(x, p, index, "context", (xid, d) -> new Context(null, xid, d, type, null));
      String role = null;
      if (x.hasNonNull("role")) {
        role = run.value(x, "role", p, run.vocab.contextRoles);
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
      contexts.add(new ContextLink(null, id, role));
    }
    Mechanism mechanism = null;
    boolean pattern = Cmoc.OUTCOME_PATTERN.equals(kind);
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
      mechanism = mechanism(c.path("mechanism"), pointer + "/mechanism", index, cmocId);
    }
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < c.path("outcomes").size(); i++) {
      JsonNode x = c.path("outcomes").get(i);
      String p = pointer + "/outcomes/" + i;
      String direction = run.value(x, "direction", p, run.vocab.directions);
      String level = run.value(x, "level", p, run.vocab.levels);
      Boolean intended = x.has("intended") ? x.get("intended").asBoolean() : null;
      String forActor = x.hasNonNull("for") ? actorRef(x.get("for").asText(), p + "/for") : null;
      String id =
          part(
              x,
              p,
              index,
              "outcome",
              (xid, d) -> new Outcome(null, xid, d, direction, level, intended, forActor, null));
      if (!outcomes.contains(id)) {
        outcomes.add(id);
      }
    }
    return new Cmoc(
        null,
        cmocId,
        c.path("label").asText(),
        c.hasNonNull("statement") ? c.get("statement").asText() : null,
        kind != null ? kind : Cmoc.CONFIGURATION,
        c.hasNonNull("strategy") ? c.get("strategy").asText() : null,
        actor,
        contexts,
        mechanism,
        outcomes,
        List.of(),
        List.of());
  }

  /** An actor the mapping defines, added to the study. */
  void actor(JsonNode a, String pointer) {
    String id = a.path("id").asText();
    draft.reservePartId(id);
    add(
        new Actor(
            null,
            id,
            a.path("description").asText(),
            run.value(a, "type", pointer, run.vocab.actorTypes)),
        pointer);
  }

  /** An actor id the mapping refers to: one of its actors. */
  String actorRef(String id, String pointer) {
    if (!(draft.part(id).orElse(null) instanceof Actor)) {
      Set<String> actors = new LinkedHashSet<>(draft.partIds("actor"));
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
  void add(Part part, String pointer) {
    String id = part.id();
    String kind = part.kind();
    partPointers.putIfAbsent(id, pointer);
    DraftBuilder.Added added = draft.part(part);
    if (added.otherKind() != null) {
      String other = added.otherKind().kind();
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
                  + (other.equals("actor") ? "an " : "a ")
                  + other
                  + " (at "
                  + PositionedDocument.display(partPointers.get(id))
                  + "); actors, contexts and outcomes share one id space"));
      return;
    }
    for (DraftBuilder.Conflict c : added.conflicts()) {
      run.problems.add(
          run.error(
              pointer,
              "IMPORT-CONFLICT",
              kind
                  + " '"
                  + id
                  + "' has a different "
                  + c.field()
                  + " here than at "
                  + PositionedDocument.display(partPointers.get(id))
                  + "; a "
                  + kind
                  + " is one of the study's, shared by its CMOCs: describe it the same way,"
                  + " or give it another id"));
    }
  }

  /**
   * A context or outcome: its id and description from the mapping, else from its code's name; the
   * id of the study part it is.
   */
  String part(
      JsonNode x, String pointer, int cmoc, String kind, BiFunction<String, String, Part> make) {
    String guid = run.code(x.path("code").asText(), pointer + "/code");
    String name = guid == null ? null : run.codeName(guid);
    String description = x.hasNonNull("description") ? x.get("description").asText() : null;
    String id = x.hasNonNull("id") ? x.get("id").asText() : null;
    if (id == null) {
      // The same code under another CMOC is the same context or outcome.
      String codeText = x.path("code").asText();
      for (Map.Entry<String, String> e : partCodes.entrySet()) {
        if (e.getValue().equals(guid != null ? guid : codeText)
            && draft.part(e.getKey()).map(p -> p.kind().equals(kind)).orElse(false)) {
          id = e.getKey();
        }
      }
    }
    if (id == null) {
      id = draft.newPartId(kind, description != null ? description : name);
    }
    partCodes.putIfAbsent(id, guid != null ? guid : x.path("code").asText());
    run.refer(guid, cmoc, id);
    if (description == null && draft.part(id).isEmpty()) {
      description = name != null ? name : id;
    }
    add(make.apply(id, description), pointer);
    return id;
  }

  Mechanism mechanism(JsonNode m, String pointer, int cmoc, String cmocId) {
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
        draft.checkConcept(cmocId, choice.comment(concept));
      }
    }
    // A part the mapping does not give is one the source does not report: said, not filled in.
    return StudyDraft.mechanism(choice.id(), wording, resource, reasoning);
  }
}
