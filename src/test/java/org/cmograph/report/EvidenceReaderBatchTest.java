package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.Test;

/**
 * The reader copies the store's graphs into memory a batch of studies at a time and queries the
 * copy; what it reads must equal what the same queries read over the store's union graph (batch
 * size 0), whole and for a selection, with batches that split the studies unevenly.
 */
class EvidenceReaderBatchTest {

  @Test
  void batchesOfTheBundledStudiesAndTheoryReadTheSameAsTheUnionGraph() {
    try (CmoStore store = BundledSummaries.store(false)) {
      EvidenceBase union = new UnionGraphRead(store.dataset()).read();
      assertTrue(union.theory().isPresent());
      assertSame(union, new EvidenceReader(store.dataset(), 2).read(), "whole");
      List<String> theoryCmocs =
          union.theory().orElseThrow().cmocs().stream().map(EvidenceBase.TheoryCmoc::id).toList();
      List<String> used = new ArrayList<>(union.conceptsInUse());
      for (String t : theoryCmocs) {
        assertSame(
            new UnionGraphRead(store.dataset()).read(List.of(), List.of(t)),
            new EvidenceReader(store.dataset(), 2).read(List.of(), List.of(t)),
            t);
      }
      assertSame(
          new UnionGraphRead(store.dataset()).read(used.subList(0, 2), theoryCmocs.subList(0, 1)),
          new EvidenceReader(store.dataset(), 3)
              .read(used.subList(0, 2), theoryCmocs.subList(0, 1)),
          "mixed");
    }
  }

  @Test
  void aBroaderConceptReadInBatchesDrawsOnItsNarrowerOnesAsTheUnionGraphReadDoes() {
    // The batched read widens a chosen concept to its narrower ones from the catalogue it copied
    // into memory, the union-graph read from the store: both must select the same CMOCs.
    try (CmoStore store = BundledSummaries.store(false)) {
      EvidenceBase union = new UnionGraphRead(store.dataset()).read();
      List<String> broader =
          union.concepts().stream()
              .map(EvidenceBase.Concept::broader)
              .filter(b -> b != null)
              .distinct()
              .filter(
                  b ->
                      union.conceptsInUse().stream()
                          .anyMatch(u -> !u.equals(b) && union.selfAndNarrower(b).contains(u)))
              .toList();
      assertTrue(!broader.isEmpty(), "no broader concept with a narrower one in use");
      for (String b : broader) {
        EvidenceBase expected = new UnionGraphRead(store.dataset()).read(List.of(b), List.of());
        assertTrue(
            expected.cmocs().stream().anyMatch(c -> !b.equals(c.concept())),
            b + " reads no CMOC of a narrower concept");
        assertSame(expected, new EvidenceReader(store.dataset(), 2).read(List.of(b), List.of()), b);
      }
    }
  }

  static void assertSame(EvidenceBase expected, EvidenceBase actual, String what) {
    assertEquals(expected.studies(), actual.studies(), what);
    assertEquals(expected.concepts(), actual.concepts(), what);
    assertEquals(expected.cmocs(), actual.cmocs(), what);
    assertEquals(expected.evidence(), actual.evidence(), what);
    assertEquals(expected.theory(), actual.theory(), what);
    assertEquals(expected.totals(), actual.totals(), what);
    assertEquals(expected.conceptsInUse(), actual.conceptsInUse(), what);
    assertEquals(expected.complete(), actual.complete(), what);
  }
}
