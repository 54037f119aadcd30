package org.cmograph.extraction;

import java.nio.file.Path;
import java.util.List;

/**
 * One study's extraction (format 2), as the researcher wrote it. Fields the file leaves out are
 * null (or empty lists); each part that checks refer to carries the JSON Pointer of its place in
 * the file.
 *
 * @param file the extraction file
 * @param sha256 hex SHA-256 of the file's text, recorded as provenance
 */
public record Extraction(
    Path file,
    String sha256,
    Study study,
    Source source,
    Programme programme,
    List<Actor> actors,
    List<Context> contexts,
    List<Outcome> outcomes,
    List<Cmoc> cmocs,
    List<EvidenceItem> evidence,
    ExtractionInfo extraction) {

  /** Bibliographic and design facts about the study. */
  public record Study(
      String id,
      String title,
      List<String> authors,
      Integer year,
      String journal,
      String doi,
      String trialRegistration,
      String design,
      List<String> countries,
      String setting,
      List<SampleGroup> sample,
      Integer sampleTotal,
      String analysis,
      Appraisal appraisal,
      List<Related> related) {}

  /** Participants of one role. */
  public record SampleGroup(String role, Integer n) {}

  /** The extractor's appraisal, feeding the confidence profile. */
  public record Appraisal(String limitations, String relevance, String notes) {}

  /** The registered source text, or why there is none. */
  public record Source(String file, String unavailableReason) {}

  /** The intervention the study evaluates. */
  public record Programme(String id, String name, String description) {}

  /** A context-mechanism-outcome configuration reported by the study, or an outcome pattern. */
  public record Cmoc(
      String pointer,
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
      List<TheoryLink> theoryLinks) {
    public static final String CONFIGURATION = "configuration";
    public static final String OUTCOME_PATTERN = "outcome-pattern";

    /** Whether this is a configuration with a mechanism, not an outcome pattern. */
    public boolean isConfiguration() {
      return !OUTCOME_PATTERN.equals(kind);
    }
  }

  /** A study-level actor, context or outcome: the three share one id space. */
  public sealed interface Part permits Actor, Context, Outcome {
    String id();

    String description();

    /** "actor", "context" or "outcome", as messages name it. */
    String kind();
  }

  /** A person or organisation whose reasoning a mechanism is, or whose outcome an outcome is. */
  public record Actor(String pointer, String id, String description, String type) implements Part {
    @Override
    public String kind() {
      return "actor";
    }
  }

  /** A condition the study reports; what it does is said on each configuration's link to it. */
  public record Context(String pointer, String id, String description, String type, String concept)
      implements Part {
    @Override
    public String kind() {
      return "context";
    }
  }

  /** One configuration's link to a study context, with the role the context plays for it. */
  public record ContextLink(String pointer, String context, String role) {}

  /**
   * The resource offered and the reasoning it triggers, linked to a catalogue concept; a part the
   * source does not report is named in {@code notReported}, never filled in.
   */
  public record Mechanism(
      String pointer,
      String concept,
      String wording,
      String resource,
      String reasoning,
      List<String> notReported) {}

  /** What changed, in which direction, and for whom. */
  public record Outcome(
      String pointer,
      String id,
      String description,
      String direction,
      String level,
      Boolean intended,
      String actor,
      String concept)
      implements Part {
    @Override
    public String kind() {
      return "outcome";
    }
  }

  /** A stance of this study CMOC toward a theory-level CMOC. */
  public record TheoryLink(String pointer, String theoryCmoc, String stance, String rationale) {}

  /** Another extraction whose evidence is not independent of this one. */
  public record Related(String pointer, String study, String relation, String note) {}

  /**
   * A located, verbatim passage of the source aimed at one or more configurations, with its kind
   * (only findings count), who speaks and what it does.
   */
  public record EvidenceItem(
      String pointer,
      String id,
      List<String> cmocs,
      String kind,
      List<String> about,
      String quote,
      String location,
      Integer page,
      String speaker,
      String perspective,
      String stance,
      String strength,
      String inference,
      String note) {
    public static final String FINDING = "finding";

    /**
     * The links an {@code about} may name besides ids; no context or outcome may take these ids.
     */
    public static final List<String> ABOUT_LINKS =
        List.of("context-mechanism", "mechanism-outcome", "context-outcome");

    /** The parts of a mechanism an {@code about} may name; no context or outcome may take them. */
    public static final List<String> ABOUT_MECHANISM_PARTS =
        List.of("mechanism", "resource", "reasoning");

    /** Whether this item is a finding of the study, the only kind that counts as evidence. */
    public boolean isFinding() {
      return FINDING.equals(kind);
    }

    /** The {@code about} words that name a link or part involving the mechanism. */
    public static final java.util.Set<String> ABOUT_MECHANISM =
        java.util.Set.of(
            "context-mechanism", "mechanism-outcome", "mechanism", "resource", "reasoning");

    /**
     * Whether the passage bears on the mechanism of its configurations: it speaks to the whole
     * configuration (no {@code about}), or to a link or part that involves the mechanism. A passage
     * only about a context, an outcome or the context-outcome link does not: support for one link
     * is not support for another (REALIST.md). This is the one rule that decides which evidence
     * belongs to a mechanism; the load records it as {@code cmo:aboutMechanism}, and queries and
     * summaries count the findings that carry it (docs/summaries.md).
     */
    public boolean bearsOnMechanism() {
      return about.isEmpty() || about.stream().anyMatch(ABOUT_MECHANISM::contains);
    }
  }

  /** Who extracted the study and when. */
  public record ExtractionInfo(String extractor, String date, String notes) {}
}
