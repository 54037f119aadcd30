package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each call cmograph makes into TDB2's internals, on a real store, so a Jena upgrade that changes
 * one of them fails here by name rather than somewhere in a summary.
 */
class TdbInternalsTest {
  private static final Node G = NodeFactory.createURI("https://example.org/g");
  private static final Node P = NodeFactory.createURI("https://example.org/p");

  @Test
  void eachInternalCallAnswersAsThePublicApiDoes(@TempDir Path folder) {
    DatasetGraph store = DatabaseMgr.connectDatasetGraph(folder.resolve("s").toString());
    assertTrue(TdbInternals.isTdb2(store));
    assertFalse(TdbInternals.isTdb2(DatasetGraphFactory.createTxnMem()));
    Txn.executeWrite(
        store,
        () -> {
          for (int i = 0; i < 25; i++) {
            store.add(
                new Quad(
                    G,
                    NodeFactory.createURI("https://example.org/s" + i),
                    P,
                    NodeFactory.createLiteralString("v" + i)));
          }
          store.getDefaultGraph().add(G, P, G);
        });
    Txn.executeRead(
        store,
        () -> {
          assertEquals(store.stream().count(), TdbInternals.indexedQuads(store));
          assertEquals(26, TdbInternals.indexedQuads(store));
          long[] found = {0};
          TdbInternals.quadTable(store)
              .findAsNodeIds(G, Node.ANY, P, Node.ANY)
              .forEachRemaining(t -> found[0]++);
          assertEquals(25, found[0]);
          // The id of a stored node is the one its quads carry; a node never stored has none.
          NodeTupleTable table = TdbInternals.quadTable(store);
          assertEquals(
              table.findAsNodeIds(G, Node.ANY, P, Node.ANY).next().get(2),
              TdbInternals.existingId(table, P));
          assertNull(
              TdbInternals.existingId(table, NodeFactory.createURI("https://example.org/none")));
          assertEquals(1, TdbInternals.activeTransactions(store));
          assertEquals(
              folder.resolve("s").toAbsolutePath().toString(),
              Path.of(TdbInternals.storage(store).getLocation().getDirectoryPath())
                  .toAbsolutePath()
                  .toString()
                  .replaceAll("/Data-0001/?$", ""));
        });
    assertEquals(0, TdbInternals.activeTransactions(store));
    assertTrue(TdbInternals.release(store));
    // Released: the folder opens again, with its data.
    DatasetGraph again = DatabaseMgr.connectDatasetGraph(folder.resolve("s").toString());
    assertEquals(26L, (long) Txn.calculateRead(again, () -> again.stream().count()));
    TdbInternals.release(again);
  }
}
