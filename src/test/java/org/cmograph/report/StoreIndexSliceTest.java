package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.cmograph.rdf.Vocab;
import org.cmograph.store.CmoStore;
import org.cmograph.store.StoreIndex;
import org.cmograph.store.StoreIndex.StudyGraphs;
import org.junit.jupiter.api.Test;

/**
 * A partial batch (what a summary of some sections reads of each study graph) leaves out part of
 * each graph, holds only triples of the whole copy, and comes out the same from a TDB2 store (by
 * node ids) and from any other dataset (by nodes). That it holds everything the queries read is
 * what EvidenceReaderBatchTest, SummarySelectiveReadTest and GeneratedStoreReadIT check.
 */
class StoreIndexSliceTest {

  @Test
  void aPartialBatchIsPartOfTheWholeCopyAndTheSameWithoutNodeIds() {
    try (CmoStore store = BundledSummaries.store(false)) {
      DatasetGraph tdb = store.dataset();
      DatasetGraph plain = DatasetGraphFactory.createTxnMem();
      Txn.executeRead(
          tdb, () -> Txn.executeWrite(plain, () -> tdb.find().forEachRemaining(plain::add)));
      Set<Triple> whole = triples(tdb, null);
      for (Node concept : conceptsInUse(tdb)) {
        Set<Triple> slice = triples(tdb, concept);
        assertTrue(whole.containsAll(slice), concept.toString());
        assertTrue(slice.size() < whole.size(), concept + ": " + slice.size());
        // The selected CMOCs are in it, whole.
        assertTrue(
            slice.stream().anyMatch(t -> t.getPredicate().equals(Vocab.hasMechanism)),
            concept.toString());
        assertEquals(slice, triples(plain, concept), concept.toString());
      }
    }
  }

  /** The triples of a batch of every study: whole, or the slice for one mechanism concept. */
  private static Set<Triple> triples(DatasetGraph dataset, Node concept) {
    return Txn.calculateRead(
        dataset,
        () -> {
          try (StoreIndex index = StoreIndex.of(dataset)) {
            Graph shared = index.sharedGraph();
            List<StudyGraphs> studies = index.studies();
            DatasetGraph batch =
                concept == null
                    ? index.batch(shared, studies)
                    : index.batch(studies, Set.of(concept), Set.of());
            return batch.getDefaultGraph().find().toSet();
          }
        });
  }

  private static Set<Node> conceptsInUse(DatasetGraph dataset) {
    return Txn.calculateRead(
        dataset,
        () -> {
          try (StoreIndex index = StoreIndex.of(dataset)) {
            Map<String, StudyGraphs> bySlug = new java.util.HashMap<>();
            index.studies().forEach(s -> bySlug.put(StoreIndex.slugOf(s.graph()), s));
            Set<Node> concepts = index.studiesOfConcept(bySlug).keySet();
            assertTrue(concepts.size() > 3, concepts.toString());
            return concepts;
          }
        });
  }
}
