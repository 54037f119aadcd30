package org.cmograph.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cmograph.extraction.Extraction.Actor;
import org.cmograph.extraction.Extraction.Cmoc;
import org.cmograph.extraction.Extraction.Context;
import org.cmograph.extraction.Extraction.EvidenceItem;
import org.cmograph.extraction.Extraction.Mechanism;
import org.cmograph.extraction.Extraction.Outcome;
import org.cmograph.extraction.Extraction.Part;

/**
 * A study's actors, contexts, outcomes, CMOCs and evidence as an importer read them from a foreign
 * file, ready to be written as those sections of a format 2 extraction file. Made by a {@link
 * DraftBuilder}, which checks that its references resolve. Each part is the reader's own {@link
 * org.cmograph.extraction.Extraction} record, made before the file exists (so with null JSON
 * pointers); {@code fields} gives its keys in the order the file format lists them.
 *
 * @param id the study id
 * @param title the study's title, if the imported file gave one
 * @param source the registered source text's file name, if the imported file gave one
 * @param actors the study's actors the imported file names (whose reasoning, whose outcome)
 * @param contexts the study's contexts, shared by its CMOCs
 * @param outcomes the study's outcomes, shared by its CMOCs
 * @param evidence the study's passages, as the reader binds them but without JSON pointers (the
 *     file is not written yet) and with {@code about} null when the imported file said nothing of
 *     it ({@link DraftEvidence})
 * @param comments remarks for the researcher (lines marked CHECK), keyed by the JSON Pointer of the
 *     line they follow
 * @param origin the file imported from
 */
public record StudyDraft(
    String id,
    String title,
    String source,
    List<Actor> actors,
    List<Context> contexts,
    List<Outcome> outcomes,
    List<Cmoc> cmocs,
    List<EvidenceItem> evidence,
    Map<String, String> comments,
    Path origin) {

  public StudyDraft {
    Objects.requireNonNull(id, "id");
    actors = List.copyOf(actors);
    contexts = List.copyOf(contexts);
    outcomes = List.copyOf(outcomes);
    cmocs = List.copyOf(cmocs);
    evidence = List.copyOf(evidence);
    comments = Map.copyOf(comments);
  }

  /** The sections this draft replaces in an extraction file, in the file's order. */
  static final List<String> SECTIONS =
      List.of("actors", "contexts", "outcomes", "cmocs", "evidence");

  /** One of {@link #SECTIONS} as plain data for the YAML writer. */
  List<Map<String, Object>> section(String name) {
    return switch (name) {
      case "actors" -> actors.stream().map(StudyDraft::fields).toList();
      case "contexts" -> contexts.stream().map(StudyDraft::fields).toList();
      case "outcomes" -> outcomes.stream().map(StudyDraft::fields).toList();
      case "cmocs" -> cmocs.stream().map(StudyDraft::fields).toList();
      case "evidence" -> evidence.stream().map(DraftEvidence::fields).toList();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** An actor, context or outcome as the keys of its YAML mapping, in the format's order. */
  static Map<String, Object> fields(Part p) {
    if (p instanceof Actor a) {
      return map("id", a.id(), "description", a.description(), "type", a.type());
    }
    if (p instanceof Context c) {
      return map(
          "id", c.id(), "description", c.description(), "type", c.type(), "concept", c.concept());
    }
    Outcome o = (Outcome) p;
    return map(
        "id",
        o.id(),
        "description",
        o.description(),
        "direction",
        o.direction(),
        "level",
        o.level(),
        "intended",
        o.intended(),
        "for",
        o.actor(),
        "concept",
        o.concept());
  }

  /**
   * A CMOC's mechanism, as an importer makes it before the file exists (no JSON pointer): its
   * catalogue concept and the source's words, with the missing resource or reasoning named as not
   * reported (the import never fills them in).
   */
  static Mechanism mechanism(String concept, String wording, String resource, String reasoning) {
    List<String> missing = new ArrayList<>();
    if (resource == null) {
      missing.add("resource");
    }
    if (reasoning == null) {
      missing.add("reasoning");
    }
    return new Mechanism(null, concept, wording, resource, reasoning, List.copyOf(missing));
  }

  /** A CMOC as the keys of its YAML mapping, in the format's order, nulls and empty lists out. */
  static Map<String, Object> fields(Cmoc c) {
    Mechanism m = c.mechanism();
    return map(
        "id",
        c.id(),
        "label",
        c.label(),
        "statement",
        c.statement(),
        "kind",
        c.kind(),
        "strategy",
        c.strategy(),
        "actor",
        c.actor(),
        "contexts",
        c.contexts().isEmpty()
            ? null
            : c.contexts().stream()
                .map(l -> map("context", l.context(), "role", l.role()))
                .toList(),
        "mechanism",
        m == null ? null : fields(m),
        "outcomes",
        c.outcomes().isEmpty() ? null : c.outcomes(),
        "leads_to",
        c.leadsTo().isEmpty() ? null : c.leadsTo(),
        "theory_links",
        c.theoryLinks().isEmpty()
            ? null
            : c.theoryLinks().stream()
                .map(
                    t ->
                        map(
                            "theory_cmoc",
                            t.theoryCmoc(),
                            "stance",
                            t.stance(),
                            "rationale",
                            t.rationale()))
                .toList());
  }

  private static Map<String, Object> fields(Mechanism m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("concept", m.concept()); // written even when missing: the validator then says so
    out.putAll(
        map(
            "wording",
            m.wording(),
            "resource",
            m.resource(),
            "reasoning",
            m.reasoning(),
            "not_reported",
            m.notReported().isEmpty() ? null : m.notReported()));
    return out;
  }

  /** Keys and values in pairs, in order; a null value leaves its key out. */
  static Map<String, Object> map(Object... pairs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        out.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return out;
  }
}
