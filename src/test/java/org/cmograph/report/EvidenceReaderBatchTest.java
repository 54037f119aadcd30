package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader copies the store's graphs into memory a batch of studies at a time and queries the
 * copy; what it reads must equal what the same queries read over the store's union graph (batch
 * size 0), whole and for a selection, with batches that split the studies unevenly.
 */
class EvidenceReaderBatchTest {

  @Test
  void batchesOfGeneratedStudiesReadTheSameAsTheUnionGraph(@TempDir Path dir) throws Exception {
    try (CmoStore store = GeneratedStore.of(dir, 7, 100)) {
      EvidenceBase union = new EvidenceReader(store.dataset(), 0).read();
      EvidenceBase batched = new EvidenceReader(store.dataset(), 7).read();
      assertEquals(100, union.studies().size());
      assertSame(union, batched, "whole");
      List<List<String>> selections = new ArrayList<>();
      union.conceptsInUse().forEach(c -> selections.add(List.of(c)));
      assertTrue(selections.size() > 5, selections.toString());
      List<String> used = new ArrayList<>(union.conceptsInUse());
      selections.add(List.of(used.get(0), used.get(used.size() - 1), "no-such-concept"));
      for (List<String> sel : selections) {
        assertSame(
            new EvidenceReader(store.dataset(), 0).read(sel, List.of()),
            new EvidenceReader(store.dataset(), 7).read(sel, List.of()),
            sel.toString());
      }
      // A dataset that is not TDB2 (totals counted from quads, not node ids) reads the same.
      DatasetGraph copy = DatasetGraphFactory.createTxnMem();
      Txn.executeRead(
          store.dataset(),
          () -> Txn.executeWrite(copy, () -> store.dataset().find().forEachRemaining(copy::add)));
      assertSame(union, new EvidenceReader(copy, 7).read(), "whole, not TDB2");
      assertSame(
          new EvidenceReader(store.dataset(), 0).read(selections.get(0), List.of()),
          new EvidenceReader(copy, 7).read(selections.get(0), List.of()),
          "selection, not TDB2");
    }
  }

  @Test
  void batchesOfTheBundledStudiesAndTheoryReadTheSameAsTheUnionGraph() {
    try (CmoStore store = BundledSummaries.store(false)) {
      EvidenceBase union = new EvidenceReader(store.dataset(), 0).read();
      assertTrue(union.theory().isPresent());
      assertSame(union, new EvidenceReader(store.dataset(), 2).read(), "whole");
      List<String> theoryCmocs =
          union.theory().orElseThrow().cmocs().stream().map(EvidenceBase.TheoryCmoc::id).toList();
      List<String> used = new ArrayList<>(union.conceptsInUse());
      for (String t : theoryCmocs) {
        assertSame(
            new EvidenceReader(store.dataset(), 0).read(List.of(), List.of(t)),
            new EvidenceReader(store.dataset(), 2).read(List.of(), List.of(t)),
            t);
      }
      assertSame(
          new EvidenceReader(store.dataset(), 0)
              .read(used.subList(0, 2), theoryCmocs.subList(0, 1)),
          new EvidenceReader(store.dataset(), 3)
              .read(used.subList(0, 2), theoryCmocs.subList(0, 1)),
          "mixed");
    }
  }

  private static void assertSame(EvidenceBase expected, EvidenceBase actual, String what) {
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
