package org.cmograph.store;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.Vocab;

/**
 * A {@link StoreIndex} of any dataset (in memory, or a copy read from an endpoint), read quad by
 * quad through the dataset's public API.
 */
final class DatasetIndex extends StoreIndex {
  private final DatasetGraph dataset;

  DatasetIndex(DatasetGraph dataset) {
    this.dataset = dataset;
  }

  @Override
  public List<StudyGraphs> studies() {
    Map<String, StudyGraphs> studies = new TreeMap<>();
    dataset
        .find(Node.ANY, Node.ANY, Vocab.type, Vocab.Study)
        .forEachRemaining(
            q -> {
              String slug = slugOf(q.getGraph());
              if (slug != null) {
                studies.computeIfAbsent(slug, k -> new StudyGraphs(k, Iris.studyGraph(k)));
              }
            });
    return List.copyOf(studies.values());
  }

  @Override
  public Map<Node, Set<StudyGraphs>> studiesOfConcept(Map<String, StudyGraphs> bySlug) {
    Map<Node, Set<StudyGraphs>> studies = new LinkedHashMap<>();
    dataset
        .find(Node.ANY, Node.ANY, Vocab.instanceOfConcept, Node.ANY)
        .forEachRemaining(
            q -> {
              StudyGraphs s = bySlug.get(slugOf(q.getGraph()));
              if (s != null) {
                studies.computeIfAbsent(q.getObject(), k -> new LinkedHashSet<>()).add(s);
              }
            });
    return studies;
  }

  @Override
  public DatasetGraph batch(List<StudyGraphs> studies, Set<Node> concepts, Set<Node> theoryCmocs) {
    Graph g = GraphFactory.createGraphMem();
    SectionSlice<Node> slice = SectionSlice.onNodes(NOT_COPIED);
    SectionSlice.Quads<Node> all = SectionSlice.quadsOf(dataset);
    for (StudyGraphs s : studies) {
      slice
          .read(all, s.graph(), concepts, theoryCmocs)
          .forEach(t -> g.add(Triple.create(t.get(1), t.get(2), t.get(3))));
    }
    return DatasetGraphFactory.wrap(g);
  }

  @Override
  void copyGraphs(List<Node> names, Graph into) {
    for (Node name : names) {
      dataset
          .find(name, Node.ANY, Node.ANY, Node.ANY)
          .forEachRemaining(
              q -> {
                if (!NOT_COPIED.contains(q.getPredicate())) {
                  into.add(q.asTriple());
                }
              });
    }
  }

  @Override
  int distinctPairs(Node p, Node filter, Node value) {
    Set<Node> kept = new HashSet<>();
    dataset.find(Node.ANY, Node.ANY, filter, value).forEachRemaining(q -> kept.add(q.getSubject()));
    Set<List<Node>> pairs = new HashSet<>();
    dataset
        .find(Node.ANY, Node.ANY, p, Node.ANY)
        .forEachRemaining(
            q -> {
              if (kept.contains(q.getSubject())) {
                pairs.add(List.of(q.getSubject(), q.getObject()));
              }
            });
    return pairs.size();
  }

  @Override
  String latestExtractionDate() {
    String[] latest = {null};
    dataset
        .find(Node.ANY, Node.ANY, Vocab.extractionDate, Node.ANY)
        .forEachRemaining(
            q -> {
              if (slugOf(q.getGraph()) != null) {
                latest[0] = later(latest[0], q.getObject());
              }
            });
    return latest[0];
  }
}
