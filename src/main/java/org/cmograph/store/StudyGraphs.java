package org.cmograph.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.cmograph.rdf.Iris;

/**
 * Read access to the studies' graphs as they stand in the store, for commands that compare a file
 * with the store (diff) or look across studies (catalogue suggest).
 */
public final class StudyGraphs {
  private StudyGraphs() {}

  /** A copy of a study's graph (empty when the store does not hold the study). */
  public static Graph copyOf(CmoStore store, String studyId) {
    return Txn.calculateRead(
        store.dataset(),
        () -> {
          Graph copy = GraphFactory.createGraphMem();
          store.dataset().getGraph(Iris.studyGraph(studyId)).find().forEachRemaining(copy::add);
          return copy;
        });
  }

  /** Hands each study's graph, in id order, to {@code visit}, inside one read transaction. */
  public static void forEach(CmoStore store, BiConsumer<String, Graph> visit) {
    Txn.executeRead(
        store.dataset(),
        () -> {
          List<String> ids = new ArrayList<>();
          store
              .dataset()
              .listGraphNodes()
              .forEachRemaining(
                  g -> {
                    String id = Iris.studyOfGraph(g);
                    if (id != null) {
                      ids.add(id);
                    }
                  });
          ids.sort(null);
          for (String id : ids) {
            visit.accept(id, store.dataset().getGraph(Iris.studyGraph(id)));
          }
        });
  }

  /** A copy of the catalogue graph as loaded in the store. */
  public static Graph catalogue(CmoStore store) {
    return Txn.calculateRead(
        store.dataset(),
        () -> {
          Graph copy = GraphFactory.createGraphMem();
          store.dataset().getGraph(Iris.CATALOGUE_GRAPH).find().forEachRemaining(copy::add);
          return copy;
        });
  }
}
