package org.cmograph.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cmograph.extraction.Extraction.EvidenceItem;

/**
 * A study's actors, contexts, outcomes, CMOCs and evidence as an importer read them from a foreign
 * file, ready to be written as those sections of a format 2 extraction file. Made by a {@link
 * DraftBuilder}, which checks that its references resolve; each part is a record whose {@code
 * fields()} are its keys in the order the file format lists them.
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
      case "actors" -> fields(actors);
      case "contexts" -> fields(contexts);
      case "outcomes" -> fields(outcomes);
      case "cmocs" -> fields(cmocs);
      case "evidence" -> evidence.stream().map(DraftEvidence::fields).toList();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** A part of a draft as the keys of its YAML mapping, in the format's order, nulls left out. */
  interface Fields {
    Map<String, Object> fields();
  }

  /** A study-level actor, context or outcome: one id space for the three. */
  public sealed interface Part extends Fields permits Actor, Context, Outcome {
    String id();

    String description();

    /** "actor", "context" or "outcome", as messages name it. */
    String kind();
  }

  /** Whose reasoning or outcome a CMOC is about. */
  public record Actor(String id, String description, String type) implements Part {
    public Actor {
      Objects.requireNonNull(id, "actor id");
    }

    @Override
    public String kind() {
      return "actor";
    }

    @Override
    public Map<String, Object> fields() {
      return map("id", id, "description", description, "type", type);
    }
  }

  /** A condition of the study, shared by the CMOCs that link to it. */
  public record Context(String id, String description, String type, String concept)
      implements Part {
    public Context {
      Objects.requireNonNull(id, "context id");
    }

    @Override
    public String kind() {
      return "context";
    }

    @Override
    public Map<String, Object> fields() {
      return map("id", id, "description", description, "type", type, "concept", concept);
    }
  }

  /** An outcome of the study, shared by the CMOCs that name it. */
  public record Outcome(
      String id,
      String description,
      String direction,
      String level,
      Boolean intended,
      String forActor,
      String concept)
      implements Part {
    public Outcome {
      Objects.requireNonNull(id, "outcome id");
    }

    @Override
    public String kind() {
      return "outcome";
    }

    @Override
    public Map<String, Object> fields() {
      return map(
          "id",
          id,
          "description",
          description,
          "direction",
          direction,
          "level",
          level,
          "intended",
          intended,
          "for",
          forActor,
          "concept",
          concept);
    }
  }

  /** A CMOC's link to a study context, with the role the context plays for it. */
  public record ContextLink(String context, String role) implements Fields {
    @Override
    public Map<String, Object> fields() {
      return map("context", context, "role", role);
    }
  }

  /**
   * A CMOC's mechanism: its catalogue concept and the source's words; {@code notReported} names the
   * parts (resource, reasoning) the source does not report, which the import never fills in.
   */
  public record Mechanism(
      String concept, String wording, String resource, String reasoning, List<String> notReported)
      implements Fields {
    public Mechanism {
      notReported = List.copyOf(notReported);
    }

    /** A mechanism whose missing resource or reasoning is said to be not reported. */
    static Mechanism of(String concept, String wording, String resource, String reasoning) {
      List<String> missing = new ArrayList<>();
      if (resource == null) {
        missing.add("resource");
      }
      if (reasoning == null) {
        missing.add("reasoning");
      }
      return new Mechanism(concept, wording, resource, reasoning, missing);
    }

    @Override
    public Map<String, Object> fields() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("concept", concept); // written even when missing: the validator then says so
      out.putAll(
          map(
              "wording",
              wording,
              "resource",
              resource,
              "reasoning",
              reasoning,
              "not_reported",
              notReported.isEmpty() ? null : notReported));
      return out;
    }
  }

  /** A CMOC's stance towards a CMOC of the programme theory. */
  public record TheoryLink(String theoryCmoc, String stance, String rationale) implements Fields {
    @Override
    public Map<String, Object> fields() {
      return map("theory_cmoc", theoryCmoc, "stance", stance, "rationale", rationale);
    }
  }

  /** A context-mechanism-outcome configuration (or an outcome pattern, without mechanism). */
  public record Cmoc(
      String id,
      String label,
      String statement,
      String kind,
      String strategy,
      String actor,
      List<ContextLink> contexts,
      Mechanism mechanism,
      List<String> outcomes,
      List<String> leadsTo,
      List<TheoryLink> theoryLinks)
      implements Fields {
    public Cmoc {
      Objects.requireNonNull(id, "cmoc id");
      contexts = List.copyOf(contexts);
      outcomes = List.copyOf(outcomes);
      leadsTo = List.copyOf(leadsTo);
      theoryLinks = List.copyOf(theoryLinks);
    }

    /** The ids of the study contexts this CMOC links to. */
    public List<String> contextIds() {
      return contexts.stream().map(ContextLink::context).toList();
    }

    @Override
    public Map<String, Object> fields() {
      return map(
          "id",
          id,
          "label",
          label,
          "statement",
          statement,
          "kind",
          kind,
          "strategy",
          strategy,
          "actor",
          actor,
          "contexts",
          contexts.isEmpty() ? null : StudyDraft.fields(contexts),
          "mechanism",
          mechanism == null ? null : mechanism.fields(),
          "outcomes",
          outcomes.isEmpty() ? null : outcomes,
          "leads_to",
          leadsTo.isEmpty() ? null : leadsTo,
          "theory_links",
          theoryLinks.isEmpty() ? null : StudyDraft.fields(theoryLinks));
    }
  }

  static List<Map<String, Object>> fields(List<? extends Fields> parts) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Fields p : parts) {
      out.add(p.fields());
    }
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
