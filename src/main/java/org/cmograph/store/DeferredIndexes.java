package org.cmograph.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.cmograph.util.Futures;

/**
 * A load into an empty store writes each quad to the quad table's primary index only, and fills the
 * five other indexes at the end, each from the primary in its own key order, inside the same write
 * transaction. What Jena's own sequential loader does (it detaches the secondary indexes of an
 * empty table the same way), with one change: the quads are sorted, a chunk at a time, before they
 * go into each index, so each B+tree is filled from left to right (consecutive inserts touch the
 * same pages) where quad-by-quad inserts land all over it.
 *
 * <p>The transaction stays one: an abort discards the primary's and the secondaries' changes alike,
 * and a crash before the commit leaves the store as it was. While the secondaries are detached,
 * finds in this transaction use the primary (TDB2 falls back to it), so they answer correctly, only
 * slower. Every use of TDB2's internals here is checked by {@code DeferredIndexesTest}.
 *
 * <pre>
 * DeferredIndexes deferred = DeferredIndexes.detach(dataset); // inside the write transaction
 * try { ...add quads...; deferred.build(); } finally { deferred.reattach(); }
 * </pre>
 */
final class DeferredIndexes {
  /**
   * Quads sorted at a time per index. Two chunks are held at once (one sorted while the next is
   * read), ~72 bytes a quad: ~75 MB of heap at most.
   */
  static final int CHUNK = 1 << 19;

  /** Nothing detached: build and reattach do nothing. */
  private static final DeferredIndexes NONE = new DeferredIndexes(null, new TupleIndex[0]);

  private final TupleTable table;
  private final TupleIndex[] detached;
  private final int chunk;

  private DeferredIndexes(TupleTable table, TupleIndex[] detached) {
    this(table, detached, CHUNK);
  }

  private DeferredIndexes(TupleTable table, TupleIndex[] detached, int chunk) {
    this.table = table;
    this.detached = detached;
    this.chunk = chunk;
  }

  /**
   * Detaches the secondary quad indexes when the store is a TDB2 store whose quad table is empty;
   * otherwise (or for indexes not of TDB2's usual kind) detaches nothing. Inside a write
   * transaction.
   */
  static DeferredIndexes detach(DatasetGraph dataset) {
    return detach(dataset, CHUNK);
  }

  /** As {@link #detach(DatasetGraph)}, sorting {@code chunk} quads at a time (for tests). */
  static DeferredIndexes detach(DatasetGraph dataset, int chunk) {
    if (!TdbInternals.isTdb2(dataset)) {
      return NONE;
    }
    TupleTable table = TdbInternals.quadTable(dataset).getTupleTable();
    if (!table.isEmpty()) {
      return NONE;
    }
    TupleIndex[] indexes = table.getIndexes();
    for (TupleIndex index : indexes) {
      if (!(index instanceof TupleIndexRecord)) {
        return NONE;
      }
    }
    TupleIndex[] detached = Arrays.copyOf(indexes, indexes.length);
    for (int i = 1; i < indexes.length; i++) {
      table.setTupleIndex(i, null);
    }
    return new DeferredIndexes(table, detached, chunk);
  }

  /** Whether secondary indexes are detached (and {@link #build} has work to do). */
  boolean deferring() {
    return table != null && table.getIndex(1) == null;
  }

  /**
   * Fills each detached index from the primary, a sorted chunk at a time, and attaches it again.
   * Inside the same write transaction as {@link #detach}.
   */
  void build() {
    if (!deferring()) {
      return;
    }
    TupleIndexRecord primary = (TupleIndexRecord) detached[0];
    for (int i = 1; i < detached.length; i++) {
      fill(primary, (TupleIndexRecord) detached[i]);
    }
    reattach();
  }

  /** Attaches the detached indexes again without filling them: for a load that is abandoned. */
  void reattach() {
    for (int i = 1; i < detached.length; i++) {
      table.setTupleIndex(i, detached[i]);
    }
  }

  private void fill(TupleIndexRecord primary, TupleIndexRecord secondary) {
    int slots = secondary.getTupleLength();
    // Key slot i of the secondary holds the tuple's slot getSlotIdx(i); find it in the primary.
    int[] from = new int[slots];
    for (int i = 0; i < slots; i++) {
      int tupleSlot = secondary.getMapping().getSlotIdx(i);
      from[i] = -1;
      for (int k = 0; k < slots; k++) {
        if (primary.getMapping().getSlotIdx(k) == tupleSlot) {
          from[i] = k;
        }
      }
    }
    RangeIndex target = secondary.getRangeIndex();
    RecordFactory factory = target.getRecordFactory();
    int width = factory.keyLength() / slots;
    // Another core sorts one chunk while this thread reads the next one from the primary index.
    ExecutorService sorter = Executors.newSingleThreadExecutor(DAEMON);
    try {
      Future<Record[]> sorted = null;
      List<Record> chunk = new ArrayList<>();
      Iterator<Record> all = primary.getRangeIndex().iterator();
      while (true) {
        boolean more = all.hasNext();
        if (more) {
          byte[] key = all.next().getKey();
          byte[] permuted = new byte[key.length];
          for (int i = 0; i < slots; i++) {
            System.arraycopy(key, from[i] * width, permuted, i * width, width);
          }
          chunk.add(factory.create(permuted));
        }
        if (chunk.size() == this.chunk || (!more && !chunk.isEmpty())) {
          Record[] records = chunk.toArray(new Record[0]);
          chunk = new ArrayList<>();
          insert(target, sorted);
          sorted =
              sorter.submit(
                  () -> {
                    Arrays.sort(records, Record::compareByKey);
                    return records;
                  });
        }
        if (!more) {
          break;
        }
      }
      insert(target, sorted);
    } finally {
      sorter.shutdownNow();
    }
  }

  private static void insert(RangeIndex target, Future<Record[]> sorted) {
    if (sorted == null) {
      return;
    }
    for (Record r : Futures.await(sorted, "sorting an index")) {
      target.insert(r);
    }
  }

  private static final ThreadFactory DAEMON =
      r -> {
        Thread t = new Thread(r, "cmograph-index-sort");
        t.setDaemon(true);
        return t;
      };
}
