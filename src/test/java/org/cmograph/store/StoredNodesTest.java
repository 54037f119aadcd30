package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoredNodes} decodes from the node file exactly what TDB2's node table decodes: every kind
 * of node the store holds (IRIs, plain, language-tagged and typed literals, blank nodes, terms
 * longer than its read window, terms across window edges), while a writer appends, and through the
 * node table where there is no file.
 */
class StoredNodesTest {
  private static final String EX = "https://example.org/";

  /** Nodes of every kind, a few thousand of them so the file spans many 64 KiB windows. */
  private static List<Node> variety() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      nodes.add(NodeFactory.createURI(EX + "item/" + i));
      nodes.add(NodeFactory.createLiteralString("quote " + i + " ".repeat(i % 97) + "ü ✓ 日本語 😀"));
    }
    nodes.add(NodeFactory.createLiteralLang("a peer worker", "en-GB"));
    nodes.add(NodeFactory.createLiteralDT("12345678901234567890.5", XSDDatatype.XSDdecimal));
    nodes.add(
        NodeFactory.createLiteralDT("2024-01-31T10:00:00.123+01:00", XSDDatatype.XSDdateTime));
    nodes.add(NodeFactory.createLiteralDT("x", NodeFactory.getType(EX + "datatype")));
    nodes.add(NodeFactory.createLiteralString(""));
    nodes.add(NodeFactory.createLiteralString("tab\tnewline\nnul\u0000end"));
    nodes.add(NodeFactory.createBlankNode());
    // Longer than the 64 KiB window, and long enough to need it grown more than once.
    nodes.add(NodeFactory.createLiteralString("long ".repeat(30_000)));
    nodes.add(NodeFactory.createLiteralString("longer ".repeat(100_000)));
    nodes.add(NodeFactory.createURI(EX + "after-the-long-ones"));
    return nodes;
  }

  private static void add(DatasetGraph ds, List<Node> nodes) {
    Node g = NodeFactory.createURI(EX + "graph");
    Node p = NodeFactory.createURI(EX + "p");
    Txn.executeWrite(
        ds,
        () -> {
          for (int i = 0; i < nodes.size(); i++) {
            ds.add(Quad.create(g, NodeFactory.createURI(EX + "s/" + i), p, nodes.get(i)));
          }
        });
  }

  /** Every id of every quad: graph, subject, predicate and object. */
  private static Set<NodeId> allIds(DatasetGraph ds) {
    Set<NodeId> ids = new LinkedHashSet<>();
    var quads = TDBInternal.getDatasetGraphTDB(ds).getQuadTable().getNodeTupleTable();
    quads
        .findAsNodeIds(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
        .forEachRemaining(t -> ids.addAll(asList(t)));
    return ids;
  }

  private static List<NodeId> asList(Tuple<NodeId> t) {
    return List.of(t.get(0), t.get(1), t.get(2), t.get(3));
  }

  private static NodeTable table(DatasetGraph ds) {
    return TDBInternal.getDatasetGraphTDB(ds).getQuadTable().getNodeTupleTable().getNodeTable();
  }

  /** Decodes all ids of the store with StoredNodes and checks each against the node table. */
  private static int decodeAndCompare(DatasetGraph ds, boolean expectFile) {
    int[] compared = {0};
    Txn.executeRead(
        ds,
        () -> {
          Set<NodeId> ids = allIds(ds);
          Map<NodeId, Node> decoded = new HashMap<>();
          try (StoredNodes nodes = StoredNodes.open(ds)) {
            nodes.decode(ids, decoded);
            assertEquals(expectFile, nodes.readsFile(), "decoded from the node file");
          }
          for (NodeId id : ids) {
            assertEquals(
                table(ds).getNodeForNodeId(id), StoredNodes.node(id, decoded), "node of " + id);
            compared[0]++;
          }
        });
    return compared[0];
  }

  @Test
  void decodesEveryKindOfNodeAsTheNodeTableDoes(@TempDir Path dir) {
    try (CmoStore store = CmoStore.open(dir)) {
      DatasetGraph ds = store.dataset();
      List<Node> nodes = variety();
      add(ds, nodes);
      int compared = decodeAndCompare(ds, true);
      assertTrue(compared > nodes.size(), "compared " + compared);
    }
  }

  @Test
  void inlineIdsStayOutOfTheMapAndAreDecodedFromTheId(@TempDir Path dir) {
    try (CmoStore store = CmoStore.open(dir)) {
      DatasetGraph ds = store.dataset();
      // 2 is inline; the IRI it shares a value with (an early position in the file) is not.
      add(
          ds,
          List.of(
              NodeFactory.createURI(EX + "x"),
              NodeFactory.createLiteralDT("2", XSDDatatype.XSDinteger)));
      Txn.executeRead(
          ds,
          () -> {
            Set<NodeId> ids = allIds(ds);
            assertTrue(
                ids.stream().anyMatch(id -> NodeId.isInline(id)), "the integer is stored inline");
            Map<NodeId, Node> decoded = new HashMap<>();
            try (StoredNodes nodes = StoredNodes.open(ds)) {
              nodes.decode(ids, decoded);
            }
            assertFalse(decoded.keySet().stream().anyMatch(id -> NodeId.isInline(id)));
            for (NodeId id : ids) {
              assertEquals(table(ds).getNodeForNodeId(id), StoredNodes.node(id, decoded));
            }
          });
    }
  }

  @Test
  void readsCommittedNodesWhileAWriterAppends(@TempDir Path dir) throws Exception {
    try (CmoStore store = CmoStore.open(dir)) {
      DatasetGraph ds = store.dataset();
      add(ds, variety());
      CountDownLatch writing = new CountDownLatch(1);
      AtomicReference<Throwable> failed = new AtomicReference<>();
      Thread writer =
          new Thread(
              () -> {
                try {
                  Txn.executeWrite(
                      ds,
                      () -> {
                        Node g = NodeFactory.createURI(EX + "other");
                        for (int i = 0; i < 20_000; i++) {
                          ds.add(
                              g,
                              NodeFactory.createURI(EX + "new/" + i),
                              g,
                              NodeFactory.createLiteralString("new " + i));
                          if (i == 100) {
                            writing.countDown();
                          }
                        }
                      });
                } catch (Throwable t) {
                  failed.set(t);
                  writing.countDown();
                }
              });
      writer.start();
      writing.await();
      decodeAndCompare(ds, true);
      writer.join();
      assertNull(failed.get());
      // And the writer's nodes once committed.
      decodeAndCompare(ds, true);
    }
  }

  @Test
  void anInMemoryStoreDecodesThroughItsNodeTable() {
    DatasetGraph ds = DatabaseMgr.createDatasetGraph();
    add(ds, variety());
    decodeAndCompare(ds, false);
  }

  @Test
  void otherDatasetsHaveNone() {
    assertNull(StoredNodes.open(DatasetGraphFactory.createTxnMem()));
  }
}
