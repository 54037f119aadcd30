package org.cmograph.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the summaries are written from: the studies, the mechanism catalogue, the study CMOCs with
 * their evidence, and the programme theory, as read from the store by {@link EvidenceReader}.
 * Every list is in a fixed order (by id), so the same graph always gives the same summaries.
 */
public record EvidenceBase(
    List<Study> studies,
    List<Concept> concepts,
    List<StudyCmoc> cmocs,
    List<Evidence> evidence,
    Optional<Theory> theory) {

  /** A study and the facts a reader of a summary needs to weigh it. */
  public record Study(
      String id,
      String title,
      List<String> authors,
      String year,
      String journal,
      String doi,
      String trialRegistration,
      String design,
      List<String> countries,
      String setting,
      List<Sample> sample,
      Integer sampleTotal,
      String limitations,
      String relevance,
      String appraisalNote,
      String extractionDate) {

    /** "Gillard S et al. (2024)", or the study id when the source names no authors. */
    public String citation() {
      if (authors.isEmpty()) {
        return id + (year == null ? "" : " (" + year + ")");
      }
      String who = authors.get(0) + (authors.size() > 1 ? " et al." : "");
      return who + (year == null ? "" : " (" + year + ")");
    }

    /** The DOI as a resolvable link, or null. */
    public String doiUrl() {
      return doi == null ? null : "https://doi.org/" + doi;
    }
  }

  /** Participants of one role. */
  public record Sample(String role, Integer n) {}

  /** A concept of the mechanism catalogue. */
  public record Concept(String id, String label, String definition, String broader) {}

  /** A context of a study CMOC or a theory CMOC. */
  public record Context(String id, String description, String type, String role) {
    public boolean blocking() {
      return "blocking".equals(role);
    }
  }

  /** An outcome, with its direction where the source gives one. */
  public record Outcome(String id, String description, String direction, String level) {}

  /** A CMOC reported by one study. */
  public record StudyCmoc(
      String study,
      String id,
      String label,
      String statement,
      String concept,
      String wording,
      String resource,
      String response,
      List<Context> contexts,
      List<Outcome> outcomes,
      Map<String, String> theoryLinks) {
    /** "study/cmoc", unique across studies. */
    public String key() {
      return study + "/" + id;
    }
  }

  /** One evidence item. {@code about} holds the kinds of CMOC part it concerns. */
  public record Evidence(
      String study,
      String id,
      String cmoc,
      String concept,
      String quote,
      String location,
      String speaker,
      String perspective,
      String stance,
      String strength,
      String inference,
      String note,
      boolean verified,
      List<String> about) {
    public String cmocKey() {
      return study + "/" + cmoc;
    }

    public boolean concernsOutcome() {
      return about.contains("outcome");
    }
  }

  /** The programme theory. */
  public record Theory(
      String id,
      String title,
      String description,
      String version,
      String date,
      List<String> authors,
      String note,
      List<TheoryCmoc> cmocs) {}

  /** A theory-level CMOC with the review authors' assessment, if they recorded one. */
  public record TheoryCmoc(
      String id,
      String label,
      String statement,
      String version,
      String note,
      List<String> derivedFrom,
      List<Context> contexts,
      String concept,
      String resource,
      String response,
      List<Outcome> outcomes,
      Optional<Assessment> assessment) {}

  /** A GRADE-CERQual assessment recorded in the theory file. */
  public record Assessment(
      Judgement limitations,
      Judgement coherence,
      Judgement adequacy,
      Judgement relevance,
      String overall,
      String explanation,
      String override,
      String overrideJustification) {}

  /** One component: a concern level and its explanation (may be null). */
  public record Judgement(String concern, String explanation) {}

  public Optional<Study> study(String id) {
    return studies.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Concept> concept(String id) {
    return concepts.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The latest extraction date, the date the data speaks for ("data as of"). */
  public String dataAsOf() {
    return studies.stream()
        .map(Study::extractionDate)
        .filter(d -> d != null)
        .max(String::compareTo)
        .orElse("unknown");
  }
}
