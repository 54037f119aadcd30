package org.cmograph.store;

import org.apache.jena.dboe.transaction.txn.TransactionException;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Every use cmograph makes of TDB2's internal classes ({@code tdb2.store}, {@code tdb2.sys}, DBOE),
 * in one place, so a Jena upgrade that changes them breaks one small class, and {@code
 * TdbInternalsTest} says which call broke. The other two classes allowed to see node ids, {@link
 * TdbIndex} and {@link StoredNodes}, reach the store only through here (StoredNodes also reads
 * TDB2's node file; {@code StoredNodesTest} guards that). Nothing outside the store package touches
 * them (the architecture test enforces it).
 */
final class TdbInternals {
  private TdbInternals() {}

  /** Whether the dataset is a TDB2 store (public API). */
  static boolean isTdb2(DatasetGraph dataset) {
    return DatabaseMgr.isTDB2(dataset);
  }

  /**
   * Quads in a TDB2 store, counted from the primary indexes of the quad and triple tables without
   * decoding a node. Inside a transaction.
   */
  static long indexedQuads(DatasetGraph dataset) {
    DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dataset);
    return tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndex(0).size()
        + tdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndex(0).size();
  }

  /** The quad table of a TDB2 store, on node ids (graph, subject, predicate, object). */
  static NodeTupleTable quadTable(DatasetGraph dataset) {
    return TDBInternal.getDatasetGraphTDB(dataset).getQuadTable().getNodeTupleTable();
  }

  /**
   * The id the store's node table gives {@code node}, or null when the store holds no such node.
   * Inside a transaction.
   */
  static NodeId existingId(NodeTupleTable table, Node node) {
    NodeId id = table.getNodeTable().getNodeIdForNode(node);
    return id == null || NodeId.isDoesNotExist(id) ? null : id;
  }

  /** The TDB2 store behind a dataset (for its node table and location). */
  static DatasetGraphTDB storage(DatasetGraph dataset) {
    return TDBInternal.getDatasetGraphTDB(dataset);
  }

  /** Transactions open on the store now. */
  static long activeTransactions(DatasetGraph dataset) {
    return TDBInternal.getDatasetGraphTDB(dataset).getTxnSystem().getTxnMgr().countActive();
  }

  /**
   * Releases the store's files and lock (TDB2 keeps a store open for the JVM's life otherwise).
   *
   * @return false when a transaction began meanwhile and nothing was released
   */
  static boolean release(DatasetGraph dataset) {
    try {
      TDBInternal.expel(dataset);
      return true;
    } catch (TransactionException e) {
      return false;
    }
  }
}
