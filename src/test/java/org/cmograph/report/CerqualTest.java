package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The GRADE-CERQual rules (docs/summaries.md; REALIST.md, "Confidence"), each on a small evidence
 * base built for it: the indicators count findings only and related reports once, refining evidence
 * is not graded as incoherence, context fit is per finding, and nothing computed ever stands as the
 * review team's judgement.
 */
class CerqualTest {
  static EvidenceBase.Study study(String id, String limitations, EvidenceBase.Related... related) {
    return new EvidenceBase.Study(
        id,
        "Title of " + id,
        List.of("Author A"),
        "2020",
        null,
        null,
        null,
        null,
        List.of(),
        null,
        List.of(),
        null,
        limitations,
        "minor",
        null,
        "2026-01-01",
        List.of(related));
  }

  static EvidenceBase.Evidence item(String study, String id, String kind, String stance) {
    return new EvidenceBase.Evidence(
        study,
        id,
        "c",
        "trust",
        kind,
        "finding".equals(kind),
        "quote " + id,
        "Results",
        null,
        "authors",
        "staff",
        stance,
        null,
        null,
        null,
        true,
        List.of());
  }

  static EvidenceBase.StudyCmoc cmoc(String study, String contextConcept) {
    return new EvidenceBase.StudyCmoc(
        study,
        "c",
        "C",
        "statement",
        "configuration",
        null,
        "trust",
        null,
        "r",
        "s",
        List.of(new EvidenceBase.Context("x", "a context", null, "enabling", contextConcept)),
        List.of(),
        Map.of("t", "supports"));
  }

  static Cerqual.Profile profile(
      List<EvidenceBase.Study> studies,
      List<EvidenceBase.Evidence> evidence,
      List<EvidenceBase.StudyCmoc> rows,
      List<EvidenceBase.Context> findingContexts,
      Optional<EvidenceBase.Assessment> judgement) {
    List<Cerqual.Weighted> items = new ArrayList<>();
    evidence.stream()
        .filter(EvidenceBase.Evidence::isFinding)
        .forEach(e -> items.add(new Cerqual.Weighted(e, e.stance())));
    return Cerqual.profile(
        id -> studies.stream().filter(s -> s.id().equals(id)).findFirst(),
        items,
        rows,
        findingContexts,
        true,
        judgement);
  }

  static String indicator(Cerqual.Profile p, String component) {
    return p.indicators().stream()
        .filter(i -> i.component().equals(component))
        .findFirst()
        .orElseThrow()
        .text();
  }

  @Test
  void refiningEvidenceIsNotGradedAsIncoherence() {
    Cerqual.Profile p =
        profile(
            List.of(study("a", "minor"), study("b", "minor")),
            List.of(item("a", "e1", "finding", "supports"), item("b", "e2", "finding", "refines")),
            List.of(cmoc("a", null), cmoc("b", null)),
            List.of(),
            Optional.empty());
    String coherence = indicator(p, "coherence");
    assertTrue(coherence.startsWith("1 supporting, 1 refining, 0 refuting"), coherence);
    assertTrue(coherence.contains("not incoherence"), coherence);
    // an indicator states what the graph holds; it grades nothing
    assertFalse(coherence.matches(".*\\b(serious|moderate|minor) concerns\\b.*"), coherence);
  }

  @Test
  void nonFindingsAddNoAdequacy() {
    Cerqual.Profile p =
        profile(
            List.of(study("a", "minor")),
            List.of(
                item("a", "e1", "finding", "supports"),
                item("a", "m1", "method", null),
                item("a", "b1", "background", null),
                item("a", "h1", "hypothesis", null)),
            List.of(cmoc("a", null)),
            List.of(),
            Optional.empty());
    Cerqual.Indicator adequacy = p.indicators().get(2);
    assertTrue(adequacy.text().startsWith("1 finding from 1 independent study"), adequacy.text());
    assertEquals(List.of("a/e1"), adequacy.evidence());
  }

  @Test
  void reportsOfOneStudyCountOnceAndRestatementsAreNotData() {
    Cerqual.Profile p =
        profile(
            List.of(
                study("main", "minor"),
                study("second-report", "minor", new EvidenceBase.Related("main", "same-study")),
                study("citing", "serious", new EvidenceBase.Related("main", "restates"))),
            List.of(
                item("main", "e1", "finding", "supports"),
                item("second-report", "e2", "finding", "supports"),
                item("citing", "e3", "finding", "supports")),
            List.of(cmoc("main", null), cmoc("second-report", null), cmoc("citing", null)),
            List.of(),
            Optional.empty());
    String adequacy = indicator(p, "adequacy");
    assertTrue(adequacy.startsWith("2 findings from 1 independent study (2 reports)"), adequacy);
    assertTrue(adequacy.contains("1 finding restates another study and is not counted"), adequacy);
    assertEquals(List.of("main/e1", "second-report/e2"), p.indicators().get(2).evidence());
    // the restating report's appraisal does not weigh on the finding either
    assertFalse(indicator(p, "methodological limitations").contains("citing"));
  }

  @Test
  void contextFitIsJudgedAgainstTheFindingsOwnContexts() {
    List<EvidenceBase.Context> finding =
        List.of(
            new EvidenceBase.Context(
                "t1", "inpatient wards", null, "enabling", "inpatient-setting"));
    Cerqual.Profile p =
        profile(
            List.of(study("a", "minor"), study("b", "minor")),
            List.of(item("a", "e1", "finding", "supports"), item("b", "e2", "finding", "supports")),
            List.of(cmoc("a", "inpatient-setting"), cmoc("b", "community-setting")),
            finding,
            Optional.empty());
    String relevance = indicator(p, "relevance");
    assertTrue(
        relevance.contains(
            "context fit: 1 of 2 contributing configurations share a context concept"),
        relevance);
    assertTrue(relevance.contains("a/c (inpatient-setting)"), relevance);
  }

  @Test
  void anUnassessedFindingShowsNoJudgementAndAnAssessedOneShowsTheTeams() {
    List<EvidenceBase.Study> studies = List.of(study("a", "minor"));
    List<EvidenceBase.Evidence> evidence = List.of(item("a", "e1", "finding", "supports"));
    Cerqual.Profile unassessed =
        profile(studies, evidence, List.of(cmoc("a", null)), List.of(), Optional.empty());
    assertFalse(unassessed.assessed());
    assertEquals(Cerqual.NOT_ASSESSED, unassessed.confidence());
    for (int i = 0; i < Cerqual.COMPONENTS.size(); i++) {
      assertEquals(null, unassessed.judgementOf(i));
    }
    assertEquals(
        "The review team has not yet assessed this finding.",
        ConfidenceWriter.explanation(unassessed));

    EvidenceBase.Judgement j = new EvidenceBase.Judgement("moderate", "why");
    EvidenceBase.Assessment team =
        new EvidenceBase.Assessment(j, j, j, j, "low", "the team's reasons");
    Cerqual.Profile assessed =
        profile(studies, evidence, List.of(cmoc("a", null)), List.of(), Optional.of(team));
    assertEquals("Low", assessed.confidence());
    assertEquals("the team's reasons", ConfidenceWriter.explanation(assessed));
    // the indicators are the same whether or not the team has judged
    assertEquals(unassessed.indicators(), assessed.indicators());
  }
}
