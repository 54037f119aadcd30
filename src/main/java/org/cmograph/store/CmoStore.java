package org.cmograph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.dboe.base.file.Location;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.StudyGraphBuilder;

/**
 * The evidence base: a TDB2 dataset with one named graph per study plus the ontology and the
 * catalogue. Every change is one write transaction, so a reader sees a load whole or not at all,
 * and a crash mid-load leaves the store as it was.
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
      return new CmoStore(
          DatabaseMgr.connectDatasetGraph(Location.create(directory.toString())), directory);
    } catch (TDBException e) {
      throw new StoreException(explain(directory, e), e);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create store folder " + directory + ": " + e.getMessage(), e);
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

  private static String explain(Path directory, TDBException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("lock") || m.contains("Lock")) {
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
      Graph ontology, Graph catalogue, List<T> studies, Function<T, StudyGraphBuilder.StudyGraph> convert) {
    return Txn.calculateWrite(
        dataset,
        () -> {
          long before = dataset.stream().count();
          boolean referenceChanged = false;
          referenceChanged |= replaceIfChanged(Iris.ONTOLOGY_GRAPH, ontology);
          referenceChanged |= replaceIfChanged(Iris.CATALOGUE_GRAPH, catalogue);
          long triples = 0;
          for (T study : studies) {
            StudyGraphBuilder.StudyGraph sg = convert.apply(study);
            dataset.deleteAny(sg.graphName(), Node.ANY, Node.ANY, Node.ANY);
            Iterator<Triple> it = sg.graph().find();
            while (it.hasNext()) {
              Triple t = it.next();
              dataset.add(sg.graphName(), t.getSubject(), t.getPredicate(), t.getObject());
              triples++;
            }
          }
          long after = dataset.stream().count();
          return new LoadStats(studies.size(), triples, before, after, referenceChanged);
        });
  }

  /** What a load did. */
  public record LoadStats(
      int studies, long studyTriples, long quadsBefore, long quadsAfter, boolean referenceUpdated) {}

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
    return Txn.calculateRead(
        dataset,
        () -> {
          List<String> ids = new ArrayList<>();
          dataset.listGraphNodes().forEachRemaining(g -> {
            String id = Iris.studyOfGraph(g);
            if (id != null) {
              ids.add(id);
            }
          });
          ids.sort(null);
          return ids;
        });
  }

  /** Number of quads in all named graphs. */
  public long size() {
    return Txn.calculateRead(dataset, () -> dataset.stream().count());
  }

  /** Removes a study's graph; true if it was there. */
  public boolean removeStudy(String id) {
    Node g = Iris.studyGraph(id);
    return Txn.calculateWrite(
        dataset,
        () -> {
          boolean had = dataset.containsGraph(g);
          dataset.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
          return had;
        });
  }

  /** Every quad, for callers inside a read transaction. */
  public Iterator<Quad> quads() {
    return dataset.find();
  }

  @Override
  public void close() {
    if (directory != null) {
      // Release the files and the process lock so the folder can be reopened or deleted.
      org.apache.jena.tdb2.sys.TDBInternal.expel(dataset);
    } else {
      dataset.close();
    }
  }
}
