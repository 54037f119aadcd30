package org.cmograph.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The programme theory as the summaries read it: its versions, its configurations (theory CMOCs)
 * with their history of changes, rivals and the theories they draw on, and the review team's
 * GRADE-CERQual assessments. {@link EvidenceBase} implements this interface, so the records are
 * named {@code EvidenceBase.Theory}, {@code EvidenceBase.TheoryCmoc}, ... wherever they are used.
 */
public interface TheoryModel {
  /**
   * The programme theory. {@code version}, {@code date}, {@code authors} and {@code note} are those
   * of the current (latest) version; {@code cmocs} are the configurations that make it up, {@code
   * all} those of every version (earlier ones included), {@code versions} oldest first.
   */
  public record Theory(
      String id,
      String title,
      String description,
      String version,
      String date,
      List<String> authors,
      String note,
      List<TheoryCmoc> cmocs,
      List<Version> versions,
      List<TheoryCmoc> all) {

    /** Any configuration of any version, by id. */
    public Optional<TheoryCmoc> cmoc(String id) {
      return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The version with this id. */
    public Optional<Version> version(String id) {
      return versions.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /**
     * The configurations that make up version {@code v}: those added, refined, split or merged at
     * or before it, less those dropped, or revised by another configuration, at or before it.
     */
    public List<TheoryCmoc> in(String v) {
      int at = version(v).map(Version::index).orElse(Integer.MAX_VALUE);
      return all.stream().filter(c -> c.enteredAt(this) <= at && c.endedAt(this) > at).toList();
    }

    /** The configurations whose history revises {@code id}, with the event that does. */
    public List<TheoryCmoc> revisedBy(String id) {
      return all.stream()
          .filter(c -> c.history().stream().anyMatch(e -> e.revises().contains(id)))
          .toList();
    }

    int index(String version) {
      return version(version).map(Version::index).orElse(Integer.MAX_VALUE);
    }
  }

  /** One version of the programme theory; {@code index} counts from 1 (the oldest). */
  public record Version(
      String id, int index, String date, List<String> authors, String description) {}

  /**
   * A theory-level CMOC with its history, rivals, the theories it draws on and the review team's
   * assessment, if they recorded one. {@code version} is the version it entered the theory in;
   * {@code derivedFrom} the studies it cites (its history's prompts, and those naming the theories
   * it draws on: a section read alone reads them); {@code concepts} maps its context and outcome
   * ids to their catalogue concepts.
   */
  public record TheoryCmoc(
      String id,
      String label,
      String statement,
      String version,
      String note,
      List<String> derivedFrom,
      List<EvidenceBase.Context> contexts,
      String concept,
      String resource,
      String response,
      List<EvidenceBase.Outcome> outcomes,
      Optional<Assessment> assessment,
      String actor,
      Map<String, String> concepts,
      List<Change> history,
      List<String> rivalOf,
      List<TheorySource> drawsOn) {

    /** The mechanism's reasoning (the RDF keeps the format 1 name, response). */
    public String reasoning() {
      return response;
    }

    /** The index of the version it entered the theory in. */
    int enteredAt(Theory t) {
      return history.isEmpty() ? Integer.MAX_VALUE : t.index(history.get(0).version());
    }

    /** The index of the version that ended it (dropped, or revised by another), or MAX_VALUE. */
    int endedAt(Theory t) {
      int end = Integer.MAX_VALUE;
      for (Change e : history) {
        if (e.change().equals("dropped")) {
          end = Math.min(end, t.index(e.version()));
        }
      }
      for (TheoryCmoc other : t.all()) {
        for (Change e : other.history()) {
          if (e.revises().contains(id)) {
            end = Math.min(end, t.index(e.version()));
          }
        }
      }
      return end;
    }

    /** The event that dropped it, if one did. */
    public Optional<Change> dropped() {
      return history.stream().filter(e -> e.change().equals("dropped")).findFirst();
    }

    /** How it entered the theory (the first event), if its history says. */
    public Optional<Change> origin() {
      return history.isEmpty() ? Optional.empty() : Optional.of(history.get(0));
    }
  }

  /** One event of a theory CMOC's history. */
  public record Change(
      String version,
      String change,
      List<String> revises,
      List<Prompt> promptedBy,
      String rationale) {}

  /** What prompted a change: an evidence item or a configuration of a study. */
  public record Prompt(String study, String evidence, String cmoc) {
    /** "study/evidence" or "study/cmoc". */
    public String key() {
      return study + "/" + (evidence != null ? evidence : cmoc);
    }
  }

  /** A substantive or middle-range theory a configuration draws on; fields may be null. */
  public record TheorySource(String theory, String citation, String doi, String namedIn) {}

  /**
   * The review team's GRADE-CERQual assessment of one review finding, as recorded in the theory
   * file: each component's concern with its explanation, and the overall confidence with its
   * explanation. A judgement, never computed.
   */
  public record Assessment(
      Judgement limitations,
      Judgement coherence,
      Judgement adequacy,
      Judgement relevance,
      String overall,
      String explanation) {}

  /** One component: a concern level and its explanation (may be null). */
  public record Judgement(String concern, String explanation) {}
}
