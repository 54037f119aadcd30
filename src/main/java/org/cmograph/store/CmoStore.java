package org.cmograph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.cmograph.rdf.Entailment;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.StudyGraphBuilder;
import org.cmograph.rdf.Vocab;

/**
 * The evidence base: a TDB2 dataset with one named graph per study plus the ontology and the
 * catalogue. Every change is one write transaction, so a reader sees a load whole or not at all,
 * and a crash mid-load leaves the store as it was. Beside each study graph lies the graph of what
 * it entails ({@link Entailment}), replaced in the same transaction.
 *
 * <pre>
 * try (CmoStore store = CmoStore.open(Path.of(".cmograph/store"))) {
 *   store.replace(reference, studies);
 * }
 * </pre>
 */
public final class CmoStore implements AutoCloseable {
  private final DatasetGraph dataset;
  private final Path directory;

  private CmoStore(DatasetGraph dataset, Path directory) {
    this.dataset = dataset;
    this.directory = directory;
  }

  /** Opens (creating if needed) the TDB2 store in {@code directory}. */
  public static CmoStore open(Path directory) {
    try {
      Files.createDirectories(directory);
      return new CmoStore(DatabaseMgr.connectDatasetGraph(directory.toString()), directory);
    } catch (org.apache.jena.shared.JenaException e) {
      // TDBException, or dboe's AlreadyLocked when another process holds the store
      throw isLocked(e)
          ? new StoreException.Locked(explain(directory, e), e)
          : new StoreException(explain(directory, e), e);
    } catch (java.io.IOException e) {
      throw new StoreException(
          "cannot create store folder " + directory + ": " + e.getMessage(), e);
    }
  }

  /** A transactional in-memory store, for tests and one-shot commands. */
  public static CmoStore inMemory() {
    return new CmoStore(DatabaseMgr.createDatasetGraph(), null);
  }

  /** True if {@code directory} already holds a TDB2 store. */
  public static boolean exists(Path directory) {
    return Files.isDirectory(directory) && Files.exists(directory.resolve("Data-0001"));
  }

  private static boolean isLocked(RuntimeException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("lock") || m.contains("Lock");
  }

  private static String explain(Path directory, RuntimeException e) {
    String m = String.valueOf(e.getMessage());
    if (isLocked(e)) {
      return "store "
          + directory
          + " is in use by another process (a running 'cmograph serve'?): "
          + m
          + ". Stop that process, or load through it with --endpoint.";
    }
    return "cannot open store " + directory + ": " + m;
  }

  public DatasetGraph dataset() {
    return dataset;
  }

  public Path directory() {
    return directory;
  }

  /**
   * Replaces the reference graphs (when changed) and each given study's graph, all in one write
   * transaction. Studies not named keep their graphs.
   *
   * @param convert turns each study into its graph inside the transaction, so graphs need not all
   *     be held in memory at once
   */
  public <T> LoadStats replace(
      Graph ontology,
      Graph catalogue,
      List<T> studies,
      Function<T, StudyGraphBuilder.StudyGraph> convert) {
    return replace(ontology, catalogue, Map.of(), studies, convert);
  }

  /**
   * As {@link #replace(Graph, Graph, List, Function)}, and also replaces each of {@code graphs} (by
   * name, e.g. the programme theory's graph) whole, in the same write transaction.
   */
  public <T> LoadStats replace(
      Graph ontology,
      Graph catalogue,
      Map<Node, Graph> graphs,
      List<T> studies,
      Function<T, StudyGraphBuilder.StudyGraph> convert) {
    return load(
            ontology,
            catalogue,
            sink -> {
              // Other cores convert the next studies while this thread writes.
              try (Ahead<T, StudyGraphBuilder.StudyGraph> ahead = new Ahead<>(studies, convert)) {
                ahead.forEachRemaining(sg -> sink.accept(sg, null));
              }
              return Optional.of(graphs);
            })
        .orElseThrow();
  }

  /**
   * Where a {@link #load} gets its studies: it sends each study graph to the sink as soon as it is
   * ready, on the calling thread, then says whether to commit.
   */
  @FunctionalInterface
  public interface StudyFeed {
    /**
     * @param sink takes a study graph and what it entails ({@link Entailment#infer}), or null to
     *     have the store work that out
     * @return the other graphs to replace whole in the same transaction (e.g. the programme
     *     theory's, by name), or empty to abandon the load and leave the store as it was
     */
    Optional<Map<Node, Graph>> feed(BiConsumer<StudyGraphBuilder.StudyGraph, Graph> sink);
  }

  /**
   * Replaces the reference graphs (when changed) and each study graph the feed sends, with the
   * graph of what it entails, all in one write transaction; studies not sent keep their graphs.
   * Studies are written as they arrive, so a load can check the next files while it writes the last
   * ones, and never holds more than a few graphs in memory.
   *
   * @return what was loaded, or empty when the feed abandoned the load (nothing was changed)
   */
  public Optional<LoadStats> load(Graph ontology, Graph catalogue, StudyFeed feed) {
    dataset.begin(TxnType.WRITE);
    DeferredIndexes deferred = null;
    try {
      long before = countQuads();
      boolean empty = before == 0;
      // An empty store's quads go to the primary index; the others are filled sorted at the end.
      deferred = empty ? DeferredIndexes.detach(dataset) : null;
      DeferredIndexes deferredNow = deferred;
      boolean referenceChanged = false;
      referenceChanged |= replaceIfChanged(Iris.ONTOLOGY_GRAPH, ontology);
      referenceChanged |= replaceIfChanged(Iris.CATALOGUE_GRAPH, catalogue);
      Entailment entailment = new Entailment(ontology, catalogue);
      Set<String> loaded = new HashSet<>();
      long[] triples = {0};
      Optional<Map<Node, Graph>> graphs =
          feed.feed(
              (sg, inferred) -> {
                if (!empty) { // an empty store holds no old graph to clear: skip the look-ups
                  dataset.deleteAny(sg.graphName(), Node.ANY, Node.ANY, Node.ANY);
                }
                Iterator<Triple> it = sg.graph().find();
                long written = 0;
                while (it.hasNext()) {
                  Triple t = it.next();
                  dataset.add(sg.graphName(), t.getSubject(), t.getPredicate(), t.getObject());
                  written++;
                }
                triples[0] += written;
                Graph entailed = inferred != null ? inferred : entailment.infer(sg.graph());
                writeInferred(sg.studyId(), entailed, empty);
                loaded.add(sg.studyId());
                if (deferredNow != null) { // both graphs are complete: index them while checks run
                  deferredNow.written(sg.graphName(), written);
                  deferredNow.written(Entailment.graphOf(sg.studyId()), entailed.size());
                }
              });
      if (graphs.isEmpty()) {
        dataset.abort();
        return Optional.empty();
      }
      graphs
          .get()
          .forEach(
              (name, graph) -> {
                dataset.deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
                graph
                    .find()
                    .forEach(
                        t -> dataset.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
              });
      if (deferred != null) {
        deferred.build();
      }
      // Inferences depend on the ontology and catalogue too: refresh those of the kept studies.
      for (String id : studyIdsInTxn()) {
        if (!loaded.contains(id)
            && (referenceChanged || !dataset.containsGraph(Entailment.graphOf(id)))) {
          replaceInferred(entailment, id, dataset.getGraph(Iris.studyGraph(id)));
        }
      }
      long after = countQuads();
      dataset.commit();
      return Optional.of(new LoadStats(loaded.size(), triples[0], before, after, referenceChanged));
    } catch (RuntimeException | Error e) {
      if (dataset.isInTransaction()) {
        dataset.abort();
      }
      throw e;
    } finally {
      if (deferred != null) {
        deferred.reattach(); // after an abort: the indexes as they were, whole
      }
      dataset.end();
    }
  }

  /** What a load did. */
  public record LoadStats(
      int studies,
      long studyTriples,
      long quadsBefore,
      long quadsAfter,
      boolean referenceUpdated) {}

  /** Replaces a study's inferred graph (see {@link Entailment}) with what its graph entails now. */
  private void replaceInferred(Entailment entailment, String studyId, Graph study) {
    writeInferred(studyId, entailment.infer(study), false);
  }

  private void writeInferred(String studyId, Graph inferred, boolean storeWasEmpty) {
    Node name = Entailment.graphOf(studyId);
    if (!storeWasEmpty) {
      dataset.deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
    }
    inferred
        .find()
        .forEach(t -> dataset.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
  }

  /**
   * Quads in the dataset, inside a transaction. For TDB2 the primary indexes are counted without
   * decoding a node (a stream of quads decodes four per quad: seconds for millions of quads).
   */
  private long countQuads() {
    if (TdbInternals.isTdb2(dataset)) {
      return TdbInternals.indexedQuads(dataset);
    }
    return dataset.stream().count();
  }

  private boolean replaceIfChanged(Node name, Graph graph) {
    Graph current = dataset.getGraph(name);
    if (current.size() == graph.size() && current.isIsomorphicWith(graph)) {
      return false;
    }
    dataset.deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
    graph.find().forEach(t -> dataset.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
    return true;
  }

  /** The ids of the studies in the store, sorted. */
  public List<String> studyIds() {
    return Txn.calculateRead(dataset, this::studyIdsInTxn);
  }

  /**
   * Each study graph holds its one {@code cmo:Study}, so the graphs of the quads typing a study are
   * found through an index (thousands of quads), where listing the graph names scans every quad of
   * the store (seconds at millions of quads, which 'serve' paid at every start).
   */
  private List<String> studyIdsInTxn() {
    Set<String> ids = new TreeSet<>();
    Iterator<Quad> typed = dataset.find(Node.ANY, Node.ANY, Vocab.type, Vocab.Study);
    while (typed.hasNext()) {
      String id = Iris.studyOfGraph(typed.next().getGraph());
      if (id != null) {
        ids.add(id);
      }
    }
    return new ArrayList<>(ids);
  }

  /** Number of quads in all named graphs. */
  public long size() {
    return Txn.calculateRead(dataset, this::countQuads);
  }

  /** Removes a study's graph and its inferred graph; true if it was there. */
  public boolean removeStudy(String id) {
    Node g = Iris.studyGraph(id);
    return Txn.calculateWrite(
        dataset,
        () -> {
          boolean had = dataset.containsGraph(g);
          dataset.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
          dataset.deleteAny(Entailment.graphOf(id), Node.ANY, Node.ANY, Node.ANY);
          return had;
        });
  }

  private StoreException stillInUse(RuntimeException cause) {
    return new StoreException(
        "store "
            + directory
            + " is still being read or written by another task; it was left open and unchanged",
        cause);
  }

  /** Every quad, for callers inside a read transaction. */
  public Iterator<Quad> quads() {
    return dataset.find();
  }

  /**
   * Releases the store's files and process lock, so the folder can be reopened or deleted.
   *
   * @throws StoreException if another thread is still inside a transaction on the store (e.g. a
   *     shutdown hook stopping {@code serve} while it reads): nothing is released, the store stays
   *     open, locked and unchanged (TDB2 commits atomically; the lock ends with the process), and
   *     close may be called again
   */
  @Override
  public void close() {
    if (directory != null) {
      // Checked first: Jena's expel releases the folder's lock before it finds the transaction.
      if (TdbInternals.activeTransactions(dataset) > 0) {
        throw stillInUse(null);
      }
      if (!TdbInternals.release(dataset)) {
        // A transaction that began after the check.
        throw stillInUse(null);
      }
    } else {
      dataset.close();
    }
  }
}
