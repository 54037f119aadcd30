package org.cmograph.extraction;

import java.nio.file.Path;
import java.util.List;

/**
 * One study's extraction, as the researcher wrote it. Fields the file leaves out are null (or
 * empty lists); each part that checks refer to carries the JSON Pointer of its place in the file.
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
      Appraisal appraisal) {}

  /** Participants of one role. */
  public record SampleGroup(String role, Integer n) {}

  /** The extractor's appraisal, feeding the confidence profile. */
  public record Appraisal(String limitations, String relevance, String notes) {}

  /** The registered source text, or why there is none. */
  public record Source(String file, String unavailableReason) {}

  /** The intervention the study evaluates. */
  public record Programme(String id, String name, String description) {}

  /** A context-mechanism-outcome configuration reported by the study. */
  public record Cmoc(
      String pointer,
      String id,
      String label,
      String statement,
      List<Context> contexts,
      Mechanism mechanism,
      List<Outcome> outcomes,
      List<TheoryLink> theoryLinks) {}

  /** A condition that switches the mechanism on (enabling) or off (blocking). */
  public record Context(String pointer, String id, String description, String type, String role) {}

  /** The resource offered and the response it triggers, linked to a catalogue concept. */
  public record Mechanism(
      String pointer, String concept, String wording, String resource, String response) {}

  /** What changed, in which direction. */
  public record Outcome(
      String pointer,
      String id,
      String description,
      String direction,
      String level,
      Boolean intended) {}

  /** A stance of this study CMOC toward a theory-level CMOC. */
  public record TheoryLink(String pointer, String theoryCmoc, String stance) {}

  /** A located, verbatim quote aimed at one CMOC, with who speaks and what it does. */
  public record EvidenceItem(
      String pointer,
      String id,
      String cmoc,
      List<String> about,
      String quote,
      String location,
      String speaker,
      String perspective,
      String stance,
      String strength,
      String inference,
      String note) {}

  /** Who extracted the study and when. */
  public record ExtractionInfo(String extractor, String date, String notes) {}
}
