package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle for {@link DeferredIndexes}: a store filled through it holds, index by index, exactly
 * the records of a store filled quad by quad, and an abandoned load leaves every index attached and
 * the store empty. Each TDB2 internal it uses is exercised here, so a Jena upgrade that changes one
 * fails by name.
 */
class DeferredIndexesTest {
  private static final String EX = "https://example.org/";

  @Test
  void sortedDeferredIndexesHoldTheSameRecordsAsQuadByQuadInserts(@TempDir Path folder) {
    List<Quad> quads = quads(2_000);
    DatasetGraph plain = DatabaseMgr.connectDatasetGraph(folder.resolve("plain").toString());
    DatasetGraph deferred = DatabaseMgr.connectDatasetGraph(folder.resolve("deferred").toString());
    Txn.executeWrite(plain, () -> quads.forEach(plain::add));
    Txn.executeWrite(
        deferred,
        () -> {
          DeferredIndexes d = DeferredIndexes.detach(deferred, 97); // many chunks, one partial
          assertTrue(d.deferring());
          quads.forEach(deferred::add);
          // Detached, finds still answer (from the primary index).
          Node p = quads.get(0).getPredicate();
          assertEquals(
              quads.stream().filter(q -> q.getPredicate().equals(p)).distinct().count(),
              count(deferred.find(Node.ANY, Node.ANY, p, Node.ANY)));
          d.build();
          assertFalse(d.deferring());
        });
    List<List<Record>> expected = Txn.calculateRead(plain, () -> records(plain));
    List<List<Record>> actual = Txn.calculateRead(deferred, () -> records(deferred));
    assertEquals(6, expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(expected.get(i).size() > 1_000, "index " + i + " filled");
      assertEquals(expected.get(i), actual.get(i), "index " + i);
    }
  }

  @Test
  void slicesWrittenDuringTheLoadGiveTheSameRecordsAsQuadByQuadInserts(@TempDir Path folder) {
    List<Quad> quads = quads(3_000);
    DatasetGraph plain = DatabaseMgr.connectDatasetGraph(folder.resolve("plain").toString());
    DatasetGraph deferred = DatabaseMgr.connectDatasetGraph(folder.resolve("deferred").toString());
    Map<Node, List<Quad>> byGraph = new LinkedHashMap<>();
    quads.forEach(q -> byGraph.computeIfAbsent(q.getGraph(), g -> new ArrayList<>()).add(q));
    List<Node> graphs = new ArrayList<>(byGraph.keySet());
    // The plain store gets the quads in the same order, so both give the same node ids.
    List<Quad> order = new ArrayList<>();
    for (Node g : graphs) {
      List<Quad> of = byGraph.get(g);
      order.addAll(graphs.indexOf(g) < 2 ? of.subList(0, of.size() / 2) : of);
    }
    for (Node g : graphs.subList(0, 2)) {
      List<Quad> of = byGraph.get(g);
      order.addAll(of.subList(of.size() / 2, of.size()));
    }
    Txn.executeWrite(plain, () -> order.forEach(plain::add));
    Txn.executeWrite(
        deferred,
        () -> {
          DeferredIndexes d = DeferredIndexes.detach(deferred, 97, 200);
          // Graph by graph, each said complete; the first two gain quads after their slice, and
          // the last is never said complete: build() must fill both in.
          for (Node g : graphs) {
            List<Quad> of = byGraph.get(g);
            boolean late = g.equals(graphs.get(0)) || g.equals(graphs.get(1));
            List<Quad> first = late ? of.subList(0, of.size() / 2) : of;
            first.forEach(deferred::add);
            if (!g.equals(graphs.get(graphs.size() - 1))) {
              d.written(g, first.size());
            }
          }
          d.written(NodeFactory.createURI(EX + "never-written"), 500); // nothing to index
          for (Node g : graphs.subList(0, 2)) {
            List<Quad> of = byGraph.get(g);
            of.subList(of.size() / 2, of.size()).forEach(deferred::add);
          }
          d.build();
          assertFalse(d.deferring());
        });
    List<List<Record>> expected = Txn.calculateRead(plain, () -> records(plain));
    List<List<Record>> actual = Txn.calculateRead(deferred, () -> records(deferred));
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(expected.get(i).size() > 2_000, "index " + i + " filled");
      assertEquals(expected.get(i), actual.get(i), "index " + i);
    }
  }

  @Test
  void quadsDeletedFromAGraphAfterItsSliceAbandonTheLoad(@TempDir Path folder) {
    DatasetGraph store = DatabaseMgr.connectDatasetGraph(folder.resolve("s").toString());
    List<Quad> quads = quads(600);
    Node g = quads.get(0).getGraph();
    store.begin(TxnType.WRITE);
    DeferredIndexes d = DeferredIndexes.detach(store, 97, 1);
    try {
      quads.forEach(store::add);
      d.written(g, 30); // a slice of one graph
      store.delete(quads.get(0));
      assertThrows(IllegalStateException.class, d::build);
      store.abort();
    } finally {
      d.reattach();
      store.end();
    }
    Txn.executeRead(store, () -> assertEquals(0, count(store.find())));
  }

  @Test
  void anAbandonedLoadLeavesEveryIndexAttachedAndTheStoreEmpty(@TempDir Path folder) {
    DatasetGraph store = DatabaseMgr.connectDatasetGraph(folder.resolve("s").toString());
    List<Quad> quads = quads(300);
    store.begin(TxnType.WRITE);
    DeferredIndexes d = DeferredIndexes.detach(store, 97, 50);
    try {
      quads.forEach(store::add);
      // Slices already written into the secondary indexes are discarded with the rest.
      quads.stream().map(Quad::getGraph).distinct().forEach(g -> d.written(g, 40));
      store.abort();
    } finally {
      d.reattach();
      store.end();
    }
    Txn.executeRead(
        store,
        () -> {
          assertEquals(0, count(store.find()));
          TupleTable table = TdbInternals.quadTable(store).getTupleTable();
          for (int i = 0; i < table.numIndexes(); i++) {
            assertNotNull(table.getIndex(i), "index " + i);
            assertEquals(0, table.getIndex(i).size(), "index " + i + " empty");
          }
        });
    // A later load into the same (still empty) store uses every index again.
    Txn.executeWrite(store, () -> quads.forEach(store::add));
    Node p = quads.get(0).getPredicate();
    Txn.executeRead(
        store,
        () ->
            assertEquals(
                quads.stream().filter(q -> q.getPredicate().equals(p)).distinct().count(),
                count(store.find(Node.ANY, Node.ANY, p, Node.ANY))));
  }

  @Test
  void aStoreWithQuadsIsWrittenQuadByQuad(@TempDir Path folder) {
    DatasetGraph store = DatabaseMgr.connectDatasetGraph(folder.resolve("s").toString());
    List<Quad> quads = quads(10);
    Txn.executeWrite(store, () -> store.add(quads.get(0)));
    Txn.executeWrite(
        store,
        () -> {
          DeferredIndexes d = DeferredIndexes.detach(store);
          assertFalse(d.deferring());
          d.build();
          d.reattach();
        });
  }

  /** Quads over a few graphs, shared predicates, IRIs, strings and inlined numbers and dates. */
  private static List<Quad> quads(int n) {
    Random random = new Random(7);
    List<Quad> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Node g = NodeFactory.createURI(EX + "g" + random.nextInt(20));
      Node s = NodeFactory.createURI(EX + "s" + random.nextInt(n / 3 + 1));
      Node p = NodeFactory.createURI(EX + "p" + random.nextInt(7));
      Node o =
          switch (random.nextInt(4)) {
            case 0 -> NodeFactory.createURI(EX + "o" + random.nextInt(50));
            case 1 -> NodeFactory.createLiteralString("text " + random.nextInt(n));
            case 2 ->
                NodeFactory.createLiteralDT(
                    String.valueOf(random.nextInt(2_000) - 1_000), XSDDatatype.XSDinteger);
            default ->
                NodeFactory.createLiteralDT(
                    (1990 + random.nextInt(40)) + "-01-0" + (1 + random.nextInt(9)),
                    XSDDatatype.XSDdate);
          };
      out.add(Quad.create(g, s, p, o));
    }
    return out;
  }

  private static List<List<Record>> records(DatasetGraph store) {
    TupleTable table = TdbInternals.quadTable(store).getTupleTable();
    List<List<Record>> out = new ArrayList<>();
    for (int i = 0; i < table.numIndexes(); i++) {
      List<Record> records = new ArrayList<>();
      ((TupleIndexRecord) table.getIndex(i))
          .getRangeIndex()
          .iterator()
          .forEachRemaining(records::add);
      out.add(records);
    }
    return out;
  }

  private static long count(java.util.Iterator<?> it) {
    long n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  }
}
