package org.cmograph.extraction;

import java.nio.file.Path;
import java.util.List;

/**
 * The programme theory as its author wrote it (data/programme-theory.yaml): theory-level CMOCs
 * that study CMOCs support, refute or refine, each with an optional GRADE-CERQual assessment.
 * Fields the file leaves out are null (or empty lists); parts carry their JSON Pointer.
 */
public record ProgrammeTheory(
    Path file,
    String id,
    String title,
    String description,
    String version,
    String date,
    List<String> authors,
    String note,
    List<TheoryCmoc> cmocs) {

  /** One theory-level configuration. */
  public record TheoryCmoc(
      String pointer,
      String id,
      String label,
      String statement,
      String version,
      List<String> derivedFrom,
      String note,
      List<Context> contexts,
      Mechanism mechanism,
      List<Outcome> outcomes,
      Confidence confidence) {}

  /** A theory-wide context; the same id in two configurations names the same context. */
  public record Context(String pointer, String id, String description, String type, String role) {}

  /** The resource and response of the mechanism, with its catalogue concept. */
  public record Mechanism(String pointer, String concept, String resource, String response) {}

  /** A theory-wide outcome; the same id in two configurations names the same outcome. */
  public record Outcome(String pointer, String id, String description, String level) {}

  /** A GRADE-CERQual assessment recorded by the review authors. */
  public record Confidence(
      String pointer,
      Component limitations,
      Component coherence,
      Component adequacy,
      Component relevance,
      String overall,
      String explanation,
      Override override) {}

  /** One CERQual component: none / minor / moderate / serious concerns, and why. */
  public record Component(String concern, String explanation) {}

  /** The authors' final judgement where it departs from the overall confidence. */
  public record Override(String overall, String justification) {}
}
