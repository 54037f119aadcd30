package org.cmograph.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cmograph.extraction.Extraction.Actor;
import org.cmograph.extraction.Extraction.Cmoc;
import org.cmograph.extraction.Extraction.Context;
import org.cmograph.extraction.Extraction.ContextLink;
import org.cmograph.extraction.Extraction.EvidenceItem;
import org.cmograph.extraction.Extraction.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The draft builder's rules, which every importer shares: one id space for actors, contexts and
 * outcomes; a part named twice must say the same; made-up ids avoid given ones; one passage joins
 * the CMOCs it bears on; a draft whose references do not resolve is refused as an importer bug.
 */
class DraftBuilderTest {
  static final String QUOTE =
      "In the trial, level of participant engagement with peer support was associated with better"
          + " outcome (hospital readmission).";

  static DraftBuilder builder() {
    return new DraftBuilder("gillard-2024", Path.of("cmocs.csv"));
  }

  static Cmoc cmoc(String id, String context, String outcome) {
    return new Cmoc(
        null,
        id,
        "Engagement and outcome",
        null,
        "configuration",
        null,
        null,
        List.of(new ContextLink(null, context, "enabling")),
        StudyDraft.mechanism("role-integration", null, "peer workers", null),
        List.of(outcome),
        List.of(),
        List.of());
  }

  static EvidenceItem item(String id, String cmoc, List<String> about) {
    return new EvidenceItem(
        null,
        id,
        List.of(cmoc),
        "finding",
        about,
        QUOTE,
        "Abstract",
        null,
        "authors",
        null,
        "supports",
        null,
        null,
        null);
  }

  @Test
  void aPartNamedAgainTakesWhatItLackedAndReportsWhatDiffers() {
    DraftBuilder b = builder();
    b.part(new Context(null, "rural-areas", "Rural areas", null, "geography"));
    DraftBuilder.Added again =
        b.part(new Context(null, "rural-areas", "Rural sites", "physical", null));
    assertEquals(
        List.of(new DraftBuilder.Conflict("description", "Rural areas", "Rural sites")),
        again.conflicts());
    assertEquals(
        new Context(null, "rural-areas", "Rural areas", "physical", "geography"),
        b.part("rural-areas").orElseThrow());
    DraftBuilder.Added clash =
        b.part(new Actor(null, "rural-areas", "people in rural areas", "other"));
    assertEquals("context", clash.otherKind().kind(), "one id space for the three kinds");
  }

  @Test
  void madeUpIdsAvoidGivenOnesAndReservedWords() {
    DraftBuilder b = builder();
    b.reservePartId("rural-areas");
    assertEquals("rural-areas-2", b.newPartId("context", "Rural areas"));
    assertEquals("context", b.newPartId("context", "mechanism"));
    b.reserveEvidenceId("e1");
    assertEquals("e2", b.newEvidenceId());
    assertEquals("e3", b.newEvidenceId());
    assertTrue(b.takeCmocId("c1"));
    assertEquals(false, b.takeCmocId("c1"));
    assertEquals("c1-2", b.newCmocId("c1"));
  }

  @Test
  void onePassageJoinsTheCmocsItBearsOnAndKeepsTheFormatsKeyOrder() {
    DraftBuilder b = builder();
    b.part(new Context(null, "engagement", "Engagement", null, null));
    b.part(new Outcome(null, "readmission", "Readmission", null, null, null, null, null));
    b.cmoc(cmoc("c1", "engagement", "readmission"));
    b.cmoc(cmoc("c2", "engagement", "readmission"));
    b.evidence(item("e1", "c1", null));
    EvidenceItem second = item("e1", "c2", List.of("readmission"));
    assertNull(DraftEvidence.firstDifference(b.evidence("e1").orElseThrow(), second));
    b.join("e1", "c2", second.about());
    b.checkConcept("c2", "CHECK: chosen by label similarity");
    StudyDraft d = b.build();
    assertEquals(List.of("c1", "c2"), d.evidence().get(0).cmocs());
    assertEquals(
        List.of("id", "cmocs", "kind", "about", "quote", "location", "speaker", "stance"),
        List.copyOf(d.section("evidence").get(0).keySet()));
    assertEquals(
        Map.of("/cmocs/1/mechanism/concept", "CHECK: chosen by label similarity"), d.comments());
  }

  @Test
  void aDraftWhoseReferencesDoNotResolveIsAnImporterBug() {
    DraftBuilder b = builder();
    b.part(new Context(null, "engagement", "Engagement", null, null));
    b.cmoc(cmoc("c1", "engagement", "readmission"));
    IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
    assertTrue(e.getMessage().contains("outcome 'readmission' of CMOC 'c1'"), e.getMessage());
    DraftBuilder dangling = builder();
    dangling.evidence(item("e1", "c9", null));
    assertThrows(IllegalStateException.class, dangling::build);
  }
}
