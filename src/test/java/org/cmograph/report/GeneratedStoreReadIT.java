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
 * The read oracles of {@link EvidenceReaderBatchTest} and {@link SummarySelectiveReadTest} over a
 * store of 100 generated studies (larger than the bundled data, so batches split them unevenly and
 * a partial read leaves most out). Generating, validating and loading them takes seconds, so they
 * run with the integration tests; the bundled-data cases stay unit tests.
 */
class GeneratedStoreReadIT {

  @Test
  void batchesOfGeneratedStudiesReadTheSameAsTheUnionGraph(@TempDir Path dir) throws Exception {
    try (CmoStore store = GeneratedStore.of(dir, 7, 100)) {
      EvidenceBase union = new UnionGraphRead(store.dataset()).read();
      EvidenceBase batched = new EvidenceReader(store.dataset(), 7).read();
      assertEquals(100, union.studies().size());
      EvidenceReaderBatchTest.assertSame(union, batched, "whole");
      List<List<String>> selections = new ArrayList<>();
      union.conceptsInUse().forEach(c -> selections.add(List.of(c)));
      assertTrue(selections.size() > 5, selections.toString());
      List<String> used = new ArrayList<>(union.conceptsInUse());
      selections.add(List.of(used.get(0), used.get(used.size() - 1), "no-such-concept"));
      for (List<String> sel : selections) {
        EvidenceReaderBatchTest.assertSame(
            new UnionGraphRead(store.dataset()).read(sel, List.of()),
            new EvidenceReader(store.dataset(), 7).read(sel, List.of()),
            sel.toString());
      }
      // A dataset that is not TDB2 (totals counted from quads, not node ids) reads the same.
      DatasetGraph copy = DatasetGraphFactory.createTxnMem();
      Txn.executeRead(
          store.dataset(),
          () -> Txn.executeWrite(copy, () -> store.dataset().find().forEachRemaining(copy::add)));
      EvidenceReaderBatchTest.assertSame(
          union, new EvidenceReader(copy, 7).read(), "whole, not TDB2");
      EvidenceReaderBatchTest.assertSame(
          new UnionGraphRead(store.dataset()).read(selections.get(0), List.of()),
          new EvidenceReader(copy, 7).read(selections.get(0), List.of()),
          "selection, not TDB2");
    }
  }

  @Test
  void sectionsOfGeneratedStudiesReadAloneEqualThemFromTheWholeBase(@TempDir Path dir)
      throws Exception {
    try (CmoStore store = GeneratedStore.of(dir, 5, 100)) {
      Summaries full = Summaries.read(store);
      assertEquals(100, full.base().totals().studies());
      List<Summaries.Selection> selections = new ArrayList<>();
      full.mechanismSections()
          .forEach(s -> selections.add(new Summaries.Selection(List.of(s.id()), List.of())));
      assertTrue(selections.size() > 5, "sections: " + selections);
      SummarySelectiveReadTest.assertSameAsFromTheWholeBase(full, store, selections);
    }
  }
}
