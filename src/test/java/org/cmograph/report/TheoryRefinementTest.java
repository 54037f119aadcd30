package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cmograph.extraction.Extraction;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.rdf.TheoryPipeline;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The refinement of the programme theory in the summaries, from the minimal theory
 * (theory/valid/programme-theory.yaml: 'trust' refined into 'trust-connected', 'bridging' dropped,
 * 'hope' a rival of 'trust-connected') loaded with the minimal study into a real store.
 */
class TheoryRefinementTest {
  static Summaries summaries;
  static String markdown;
  static String html;

  @BeforeAll
  static void load() {
    ReferenceData reference = ReferenceData.load(Repo.root().resolve("ontology"));
    StudyPipeline pipeline =
        new StudyPipeline(
            reference, Repo.testResources().resolve("extraction/sources"), Repo.root());
    List<Extraction> studies =
        pipeline
            .validate(List.of(Repo.testResources().resolve("extraction/valid/minimal.yaml")))
            .valid();
    TheoryPipeline.Result theory =
        new TheoryPipeline(reference, Repo.root().resolve("ontology"))
            .validate(List.of(Repo.testResources().resolve("theory/valid")), studies);
    assertEquals(List.of(), theory.problems());
    var g = theory.graph().orElseThrow();
    try (CmoStore store = CmoStore.inMemory()) {
      store.replace(
          reference.ontology(),
          reference.catalogue(),
          Map.of(g.graphName(), g.graph()),
          studies,
          pipeline::convert);
      summaries = Summaries.read(store);
    }
    markdown = summaries.document(Summaries.Format.MD, Summaries.Selection.ALL);
    html = summaries.document(Summaries.Format.HTML, Summaries.Selection.ALL);
    if (Boolean.getBoolean("refinement.dump")) {
      try {
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/refinement.md"), markdown);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/refinement.html"), html);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Test
  void theCurrentVersionHoldsWhatItsHistorySays() {
    EvidenceBase.Theory t = summaries.base().theory().orElseThrow();
    assertEquals("refined", t.version());
    assertEquals(
        List.of("hope", "trust-connected"),
        t.cmocs().stream().map(EvidenceBase.TheoryCmoc::id).sorted().toList());
    assertEquals(
        List.of("bridging", "trust"),
        t.in("initial").stream().map(EvidenceBase.TheoryCmoc::id).sorted().toList());
    assertEquals(4, t.all().size());
  }

  @Test
  void aRefinedConfigurationShowsItsPredecessorChangePromptAndRationale() {
    assertTrue(
        markdown.contains(
            "- **Refined in the refined version**; predecessor: *Trust through shared experience* (trust, not in the current version), which stated: “Peers share lived experience and the people supported trust them.”; prompted by "),
        markdown);
    assertTrue(markdown.contains(", evidence e1: “"), "the prompt's quote");
    assertTrue(
        markdown.contains(
            ". Rationale: The minimal study names engagement as what trust makes possible."));
    assertTrue(
        markdown.contains(
            "| refined | [Trust and connectedness](#theory-trust-connected) (trust-connected) | refined | *Trust through shared experience* (trust, not in the current version) | "),
        markdown);
  }

  @Test
  void aDroppedConfigurationIsMarked() {
    assertTrue(
        markdown.contains(
            "| refined | *Bridging to services* (bridging, not in the current version) | dropped | — | "),
        markdown);
    assertTrue(
        markdown.contains("| Bridging to services (bridging) | added | dropped |"), markdown);
    assertTrue(
        markdown.contains(
            "| Trust through shared experience (trust) | added | replaced by trust-connected |"),
        markdown);
    assertTrue(
        html.contains(
            "<g class=\"refinement-dropped\"><title>Bridging to services (bridging): dropped in refined."));
    assertTrue(
        html.contains("stroke-dasharray=\"6 4\"/><text x=\"378\" y=\""),
        "dropped boxes are dashed");
  }

  @Test
  void rivalsAppearBesideEachOther() {
    String row =
        "| **Trust and connectedness:** Peers share lived experience, the people supported trust them, feel connected and engage. | [Hope through role models](#theory-hope) (hope): Seeing a peer who has recovered gives hope, and people engage. |";
    assertTrue(
        markdown.contains("| This configuration | Rival explanation |\n| --- | --- |\n" + row),
        markdown);
    // cmo:rivalOf is symmetric: the rival's section shows it too, though only one side states it.
    assertTrue(
        markdown.contains(
            "| **Hope through role models:** Seeing a peer who has recovered gives hope, and people engage. | [Trust and connectedness](#theory-trust-connected) (trust-connected): "),
        markdown);
  }

  @Test
  void whatAConfigurationDrawsOnIsKeptApartFromEvidence() {
    assertTrue(
        markdown.contains(
            "**Draws on** (substantive or middle-range theory: part of the theory, not evidence for it):\n\n- Relationship theory; Doe J (2001) Relationships in services. Journal 1:1-2.; [doi:10.1000/example](https://doi.org/10.1000/example); named in "),
        markdown);
  }
}
