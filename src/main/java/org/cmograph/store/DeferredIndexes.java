package org.cmograph.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Predicate;
import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.cmograph.util.Futures;

/**
 * A load into an empty store writes each quad to the quad table's primary index only, and fills the
 * five other indexes from the primary, each in its own key order, inside the same write
 * transaction. What Jena's own sequential loader does (it detaches the secondary indexes of an
 * empty table the same way), with two changes: the quads are sorted, a chunk at a time, before they
 * go into each index, so consecutive inserts touch the same pages; and the graphs a load says are
 * complete ({@link #written}) go into the secondary indexes in slices while the load goes on, so
 * that work overlaps with the checking of the next files instead of following the last one.
 *
 * <p>The transaction stays one: an abort discards the primary's and the secondaries' changes alike,
 * and a crash before the commit leaves the store as it was. While the secondaries are detached,
 * finds in this transaction use the primary (TDB2 falls back to it), so they answer correctly, only
 * slower. {@link #build} fills in every quad no slice took (the reference graphs, the last studies,
 * quads added to a graph after its slice) and refuses to attach indexes that a deletion made stale.
 * Every use of TDB2's internals here is checked by {@code DeferredIndexesTest}.
 *
 * <pre>
 * DeferredIndexes deferred = DeferredIndexes.detach(dataset); // inside the write transaction
 * try { ...add quads...; deferred.written(graph, n); ...; deferred.build(); }
 * finally { deferred.reattach(); }
 * </pre>
 */
final class DeferredIndexes {
  /**
   * Quads sorted at a time per index at the end. Two chunks are held at once (one sorted while the
   * next is read), ~72 bytes a quad: ~75 MB of heap at most.
   */
  static final int CHUNK = 1 << 19;

  /**
   * Quads of complete graphs gathered before they go into the secondary indexes as a slice: five
   * sorted lists of this many records (~12 MB) are sorted while the next slice gathers. Small
   * enough that the checking threads, a bounded number of files ahead, stay busy while a slice is
   * written.
   */
  static final int SLICE = 1 << 15;

  /** Nothing detached: build and reattach do nothing. */
  private static final DeferredIndexes NONE = new DeferredIndexes(null, null, new TupleIndex[0]);

  private final NodeTupleTable nodes;
  private final TupleTable table;
  private final TupleIndex[] detached;
  private final int chunk;
  private final int slice;

  /** Graphs reported complete and not yet in a slice. */
  private final Set<Node> pending = new LinkedHashSet<>();

  private long pendingQuads;

  /** Each graph a slice wrote (by its node id's bits): how many of its quads it wrote. */
  private final Map<Long, Long> sliced = new HashMap<>();

  /** The last slice, being sorted on another core, to insert when the next one is ready. */
  private Future<Record[][]> sorting;

  private ExecutorService sorter;

  private DeferredIndexes(NodeTupleTable nodes, TupleTable table, TupleIndex[] detached) {
    this(nodes, table, detached, CHUNK, SLICE);
  }

  private DeferredIndexes(
      NodeTupleTable nodes, TupleTable table, TupleIndex[] detached, int chunk, int slice) {
    this.nodes = nodes;
    this.table = table;
    this.detached = detached;
    this.chunk = chunk;
    this.slice = slice;
  }

  /**
   * Detaches the secondary quad indexes when the store is a TDB2 store whose quad table is empty;
   * otherwise (or for indexes not of TDB2's usual kind) detaches nothing. Inside a write
   * transaction.
   */
  static DeferredIndexes detach(DatasetGraph dataset) {
    return detach(dataset, CHUNK, SLICE);
  }

  /** As {@link #detach(DatasetGraph)}, sorting {@code chunk} quads at a time (for tests). */
  static DeferredIndexes detach(DatasetGraph dataset, int chunk) {
    return detach(dataset, chunk, SLICE);
  }

  /** As {@link #detach(DatasetGraph, int)}, with slices of {@code slice} quads (for tests). */
  static DeferredIndexes detach(DatasetGraph dataset, int chunk, int slice) {
    if (!TdbInternals.isTdb2(dataset)) {
      return NONE;
    }
    NodeTupleTable nodes = TdbInternals.quadTable(dataset);
    TupleTable table = nodes.getTupleTable();
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
    // Slices find a graph's quads as a key range of the primary: only if the graph leads its keys.
    boolean graphFirst = ((TupleIndexRecord) indexes[0]).getMapping().getSlotIdx(0) == 0;
    return new DeferredIndexes(
        nodes, table, detached, chunk, graphFirst ? slice : Integer.MAX_VALUE);
  }

  /** Whether secondary indexes are detached (and {@link #build} has work to do). */
  boolean deferring() {
    return table != null && table.getIndex(1) == null;
  }

  /**
   * Says that the graph {@code graph}, of about {@code quads} quads, is complete: once enough such
   * quads are gathered, they go into the secondary indexes as a slice. A graph written to again
   * later is filled in again by {@link #build}; one deleted from makes it fail.
   */
  void written(Node graph, long quads) {
    if (!deferring() || slice == Integer.MAX_VALUE) {
      return;
    }
    pending.add(graph);
    pendingQuads += quads;
    if (pendingQuads >= slice) {
      slice();
    }
  }

  /** Gathers the pending graphs' quads from the primary, to be sorted on another core. */
  private void slice() {
    TupleIndexRecord primary = (TupleIndexRecord) detached[0];
    RecordFactory keys = primary.getRangeIndex().getRecordFactory();
    int[][] from = new int[detached.length][];
    List<List<Record>> out = new ArrayList<>();
    for (int i = 1; i < detached.length; i++) {
      from[i] = slots(primary, (TupleIndexRecord) detached[i]);
      out.add(new ArrayList<>((int) pendingQuads));
    }
    for (Node graph : pending) {
      NodeId id = TdbInternals.existingId(nodes, graph);
      if (id == null) {
        continue; // nothing written
      }
      byte[] low = new byte[keys.keyLength()];
      NodeIdFactory.set(id, low, 0);
      long bits = Bytes.getLong(low, 0);
      byte[] high = new byte[keys.keyLength()];
      Bytes.setLong(bits + 1, high, 0);
      long n = 0;
      Iterator<Record> it = primary.getRangeIndex().iterator(keys.create(low), keys.create(high));
      while (it.hasNext()) {
        byte[] key = it.next().getKey();
        for (int i = 1; i < detached.length; i++) {
          out.get(i - 1).add(permuted(key, from[i], (TupleIndexRecord) detached[i]));
        }
        n++;
      }
      sliced.put(bits, n); // a graph sliced again: all its quads, inserted again
    }
    pending.clear();
    pendingQuads = 0;
    insertSorted();
    sorting =
        sorter()
            .submit(
                () -> {
                  Record[][] sorted = new Record[out.size()][];
                  for (int i = 0; i < out.size(); i++) {
                    sorted[i] = out.get(i).toArray(new Record[0]);
                    Arrays.sort(sorted[i], Record::compareByKey);
                  }
                  return sorted;
                });
  }

  /** Inserts the slice being sorted, once it is. */
  private void insertSorted() {
    if (sorting == null) {
      return;
    }
    Record[][] sorted = Futures.await(sorting, "sorting an index slice");
    sorting = null;
    for (int i = 1; i < detached.length; i++) {
      RangeIndex target = ((TupleIndexRecord) detached[i]).getRangeIndex();
      for (Record r : sorted[i - 1]) {
        target.insert(r);
      }
    }
  }

  /**
   * Fills each detached index from the primary with what no slice took, a sorted chunk at a time,
   * and attaches it again. Inside the same write transaction as {@link #detach}.
   *
   * @throws IllegalStateException if quads were deleted from a graph after its slice (the indexes
   *     would keep them): the caller aborts the transaction
   */
  void build() {
    if (!deferring()) {
      return;
    }
    insertSorted();
    TupleIndexRecord primary = (TupleIndexRecord) detached[0];
    Predicate<byte[]> rest = sliced.isEmpty() ? key -> true : unsliced(primary);
    for (int i = 1; i < detached.length; i++) {
      fill(primary, (TupleIndexRecord) detached[i], rest);
    }
    reattach();
  }

  /**
   * Which primary keys no slice wrote: those of graphs never sliced, and every quad of a graph that
   * gained quads after its slice (inserting a record twice changes nothing).
   */
  private Predicate<byte[]> unsliced(TupleIndexRecord primary) {
    Map<Long, Long> counts = new HashMap<>();
    Iterator<Record> all = primary.getRangeIndex().iterator();
    long current = 0;
    long n = 0;
    boolean any = false;
    while (all.hasNext()) {
      long g = Bytes.getLong(all.next().getKey(), 0);
      if (any && g != current) {
        counts.put(current, n);
        n = 0;
      }
      current = g;
      any = true;
      n++;
    }
    if (any) {
      counts.put(current, n);
    }
    Set<Long> whole = new HashSet<>();
    for (Map.Entry<Long, Long> e : sliced.entrySet()) {
      long now = counts.getOrDefault(e.getKey(), 0L);
      if (now < e.getValue()) {
        throw new IllegalStateException(
            "quads were deleted from a graph after it was indexed; the load is abandoned");
      }
      if (now == e.getValue()) {
        whole.add(e.getKey());
      }
    }
    // The primary's keys come graph by graph: look each graph up once.
    long[] last = {0, 0}; // graph, 1 when wanted
    boolean[] started = {false};
    return key -> {
      long g = Bytes.getLong(key, 0);
      if (!started[0] || g != last[0]) {
        started[0] = true;
        last[0] = g;
        last[1] = whole.contains(g) ? 0 : 1;
      }
      return last[1] == 1;
    };
  }

  /** Attaches the detached indexes again without filling them: for a load that is abandoned. */
  void reattach() {
    for (int i = 1; i < detached.length; i++) {
      table.setTupleIndex(i, detached[i]);
    }
    if (sorter != null) {
      sorter.shutdownNow();
    }
  }

  /** For each key slot of {@code secondary}, the key slot of {@code primary} holding it. */
  private static int[] slots(TupleIndexRecord primary, TupleIndexRecord secondary) {
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
    return from;
  }

  private static Record permuted(byte[] key, int[] from, TupleIndexRecord secondary) {
    RecordFactory factory = secondary.getRangeIndex().getRecordFactory();
    int width = factory.keyLength() / from.length;
    byte[] permuted = new byte[key.length];
    for (int i = 0; i < from.length; i++) {
      System.arraycopy(key, from[i] * width, permuted, i * width, width);
    }
    return factory.create(permuted);
  }

  private void fill(
      TupleIndexRecord primary, TupleIndexRecord secondary, Predicate<byte[]> wanted) {
    int[] from = slots(primary, secondary);
    RangeIndex target = secondary.getRangeIndex();
    // Another core sorts one chunk while this thread reads the next one from the primary index.
    Future<Record[]> sorted = null;
    List<Record> chunk = new ArrayList<>();
    Iterator<Record> all = primary.getRangeIndex().iterator();
    while (true) {
      boolean more = all.hasNext();
      if (more) {
        byte[] key = all.next().getKey();
        if (wanted.test(key)) {
          chunk.add(permuted(key, from, secondary));
        }
      }
      if (chunk.size() == this.chunk || (!more && !chunk.isEmpty())) {
        Record[] records = chunk.toArray(new Record[0]);
        chunk = new ArrayList<>();
        insert(target, sorted);
        sorted =
            sorter()
                .submit(
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
  }

  private ExecutorService sorter() {
    if (sorter == null) {
      sorter = Executors.newSingleThreadExecutor(DAEMON);
    }
    return sorter;
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
