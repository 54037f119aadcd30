package org.cmograph.extraction;

import java.nio.file.Path;
import java.util.List;

/**
 * The programme theory as its authors wrote it (data/programme-theory.yaml, format 2): its
 * versions, and theory-level CMOCs that study CMOCs support, refute or refine, each with the
 * history of how it entered (and perhaps left) the theory, its rivals, the substantive theories it
 * draws on, and an optional GRADE-CERQual assessment. Fields the file leaves out are null (or empty
 * lists); parts carry their JSON Pointer.
 */
public record ProgrammeTheory(
    Path file,
    String id,
    String title,
    String description,
    List<Version> versions,
    List<TheoryCmoc> cmocs) {

  /** One version of the theory; versions are listed oldest first. */
  public record Version(
      String pointer, String id, String date, List<String> authors, String description) {}

  /** One theory-level configuration. */
  public record TheoryCmoc(
      String pointer,
      String id,
      String label,
      String statement,
      String note,
      String actor,
      List<Context> contexts,
      Mechanism mechanism,
      List<Outcome> outcomes,
      List<Change> history,
      List<String> rivalOf,
      List<TheorySource> drawsOn,
      Confidence confidence) {}

  /**
   * One event in a configuration's history: in {@code version}, the configuration was added, came
   * from refining, splitting or merging the ones it {@code revises}, or was dropped; prompted by
   * evidence items or study configurations, for the reason given.
   */
  public record Change(
      String pointer,
      String version,
      String change,
      List<String> revises,
      List<Prompt> promptedBy,
      String rationale) {}

  /** What prompted a change: one evidence item, or one configuration, of a study. */
  public record Prompt(String pointer, String study, String evidence, String cmoc) {}

  /** A substantive or middle-range theory a configuration draws on (not evidence for it). */
  public record TheorySource(
      String pointer, String theory, String citation, String doi, String namedIn) {}

  /** A theory-wide context; the same id in two configurations names the same context. */
  public record Context(
      String pointer, String id, String description, String concept, String type, String role) {}

  /** The resource and reasoning of the mechanism, with its catalogue concept. */
  public record Mechanism(String pointer, String concept, String resource, String reasoning) {}

  /** A theory-wide outcome; the same id in two configurations names the same outcome. */
  public record Outcome(
      String pointer, String id, String description, String concept, String level) {}

  /** A GRADE-CERQual assessment recorded by the review team. */
  public record Confidence(
      String pointer,
      Component limitations,
      Component coherence,
      Component adequacy,
      Component relevance,
      String overall,
      String explanation) {}

  /** One CERQual component: none / minor / moderate / serious concerns, and why. */
  public record Component(String concern, String explanation) {}
}
