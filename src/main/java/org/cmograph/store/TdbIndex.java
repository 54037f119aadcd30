package org.cmograph.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.Vocab;

/**
 * A {@link StoreIndex} of a TDB2 store, read on node ids from its quad table ({@link
 * TdbInternals}): scans decode only the nodes they return, each distinct id once ({@link
 * StoredNodes}), not one look-up per quad. Node ids key maps only where the terms are IRIs, never
 * inline ids (NodeId.equals compares values only: an inline integer 2 equals the node at position
 * 2), or where the comparison checks the id's type too.
 */
final class TdbIndex extends StoreIndex {
  /** The quad table (graph, subject, predicate, object). */
  private final NodeTupleTable quads;

  /** Decodes the nodes of many ids at once. */
  private final StoredNodes nodes;

  /** The study slug of each graph id seen ("" for a graph that is not a study's). */
  private final Map<NodeId, String> graphSlugs = new HashMap<>();

  /** The ids of the graph names decoded for {@link #graphSlugs}, to find their quads by id. */
  private final Map<Node, NodeId> graphIds = new HashMap<>();

  TdbIndex(DatasetGraph dataset) {
    this.quads = TdbInternals.quadTable(dataset);
    this.nodes = StoredNodes.open(dataset);
  }

  @Override
  public void close() {
    nodes.close();
  }

  /** The quads of a pattern as node-id tuples (graph, subject, predicate, object). */
  private Iterator<Tuple<NodeId>> ids(Node g, Node s, Node p, Node o) {
    Iterator<Tuple<NodeId>> it = quads.findAsNodeIds(g, s, p, o);
    return it == null ? Collections.emptyIterator() : it;
  }

  /**
   * The quads of a pattern as node-id tuples, with the names of their graphs decoded for {@link
   * #slugOfGraph} all at once, not one look-up per graph.
   */
  private List<Tuple<NodeId>> idsWithGraphs(Node g, Node s, Node p, Node o) {
    List<Tuple<NodeId>> tuples = new ArrayList<>();
    ids(g, s, p, o).forEachRemaining(tuples::add);
    Map<NodeId, Node> names = new HashMap<>();
    nodes.decode(
        tuples.stream()
            .map(t -> t.get(0))
            .filter(id -> !graphSlugs.containsKey(id))
            .collect(Collectors.toSet()),
        names);
    names.forEach(
        (id, name) -> {
          graphIds.put(name, id);
          String found = slugOf(name);
          graphSlugs.put(id, found == null ? "" : found);
        });
    return tuples;
  }

  /** The study slug of the graph with this id, or null; each graph decoded once. */
  private String slugOfGraph(NodeId graph) {
    String slug =
        graphSlugs.computeIfAbsent(
            graph,
            g -> {
              String found = slugOf(quads.getNodeTable().getNodeForNodeId(g));
              return found == null ? "" : found;
            });
    return slug.isEmpty() ? null : slug;
  }

  @Override
  public List<StudyGraphs> studies() {
    Map<String, StudyGraphs> studies = new TreeMap<>();
    // Only the graph of each quad is decoded, once.
    for (Tuple<NodeId> t : idsWithGraphs(Node.ANY, Node.ANY, Vocab.type, Vocab.Study)) {
      String slug = slugOfGraph(t.get(0));
      if (slug != null) {
        studies.computeIfAbsent(slug, k -> new StudyGraphs(k, Iris.studyGraph(k)));
      }
    }
    return List.copyOf(studies.values());
  }

  /** Only each distinct graph and concept is decoded, not the ~25,000 quads of 10,000 studies. */
  @Override
  public Map<Node, Set<StudyGraphs>> studiesOfConcept(Map<String, StudyGraphs> bySlug) {
    // Concepts are IRIs, never inline ids (checked all the same), so ids can key the map.
    Map<NodeId, Set<StudyGraphs>> byConcept = new LinkedHashMap<>();
    for (Tuple<NodeId> t : idsWithGraphs(Node.ANY, Node.ANY, Vocab.instanceOfConcept, Node.ANY)) {
      String slug = slugOfGraph(t.get(0));
      StudyGraphs s = slug == null ? null : bySlug.get(slug);
      if (s != null && !NodeId.isInline(t.get(3))) {
        byConcept.computeIfAbsent(t.get(3), k -> new LinkedHashSet<>()).add(s);
      }
    }
    Map<Node, Set<StudyGraphs>> studies = new LinkedHashMap<>();
    byConcept.forEach((k, s) -> studies.put(quads.getNodeTable().getNodeForNodeId(k), s));
    return studies;
  }

  @Override
  public DatasetGraph batch(List<StudyGraphs> studies, Set<Node> concepts, Set<Node> theoryCmocs) {
    SectionSlice<NodeId> slice =
        new SectionSlice<>(
            NodeId.NodeIdAny,
            n -> TdbInternals.existingId(quads, n),
            id -> !NodeId.isInline(id),
            NOT_COPIED);
    List<NodeId> conceptIds = existingIds(concepts);
    List<NodeId> theoryIds = existingIds(theoryCmocs);
    Set<NodeId> skipped = new HashSet<>(existingIds(NOT_COPIED));
    List<Tuple<NodeId>> tuples = new ArrayList<>();
    for (StudyGraphs s : studies) {
      NodeId graph = graphIds.get(s.graph());
      if (graph == null) {
        graph = TdbInternals.existingId(quads, s.graph());
      }
      if (graph != null) {
        // The whole graph by one range scan (less what no batch copies), then the slice's walk
        // over it in memory.
        List<Tuple<NodeId>> all = new ArrayList<>();
        quads
            .find(graph, NodeId.NodeIdAny, NodeId.NodeIdAny, NodeId.NodeIdAny)
            .forEachRemaining(
                t -> {
                  if (!skipped.contains(t.get(2))) {
                    all.add(t);
                  }
                });
        GraphTuples<NodeId> inGraph =
            new GraphTuples<>(all, NodeId.NodeIdAny, (a, b) -> a.type() == b.type() && a.equals(b));
        tuples.addAll(slice.read(inGraph, graph, conceptIds, theoryIds));
      }
    }
    Graph g = GraphFactory.createGraphMem();
    addDecoded(tuples, g);
    return DatasetGraphFactory.wrap(g);
  }

  /** The stored ids of these nodes, leaving out those the store does not hold. */
  private List<NodeId> existingIds(Set<Node> nodes) {
    List<NodeId> ids = new ArrayList<>();
    for (Node n : nodes) {
      NodeId id = TdbInternals.existingId(quads, n);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * One range scan of node ids per graph, then each distinct id decoded once for all of them,
   * together and in the order they lie in the node file ({@link StoredNodes}): most ids of a batch
   * (graph names, predicates, classes, controlled values, concepts) repeat, and the rest (quotes,
   * identifiers) is read once. The store's own node cache is bypassed: a JFR profile of writing
   * every summary at 10,000 studies spent 62% of the copying in its look-ups and upkeep, and
   * caching what is read once would only evict what the endpoint's queries use.
   */
  @Override
  void copyGraphs(List<Node> names, Graph into) {
    Set<NodeId> skipped = new HashSet<>(existingIds(NOT_COPIED));
    List<Tuple<NodeId>> tuples = new ArrayList<>();
    for (Node name : names) {
      // Quad tuples are graph, subject, predicate, object.
      ids(name, Node.ANY, Node.ANY, Node.ANY)
          .forEachRemaining(
              t -> {
                if (!skipped.contains(t.get(2))) {
                  tuples.add(t);
                }
              });
    }
    addDecoded(tuples, into);
  }

  /**
   * Adds the triples of these quad tuples to {@code into}, each distinct stored id decoded once.
   */
  private void addDecoded(List<Tuple<NodeId>> tuples, Graph into) {
    // Stored ids only: inline ids (decoded from the id itself) stay out of the set.
    Set<NodeId> stored = new HashSet<>();
    for (Tuple<NodeId> t : tuples) {
      for (int i = 1; i < 4; i++) {
        if (!NodeId.isInline(t.get(i))) {
          stored.add(t.get(i));
        }
      }
    }
    Map<NodeId, Node> decoded = new HashMap<>(stored.size() * 2);
    nodes.decode(stored, decoded);
    for (Tuple<NodeId> t : tuples) {
      into.add(
          Triple.create(
              StoredNodes.node(t.get(1), decoded),
              StoredNodes.node(t.get(2), decoded),
              StoredNodes.node(t.get(3), decoded)));
    }
  }

  /**
   * Without decoding a node. Subjects and objects of cmo:inStudy / cmo:fromStudy are IRIs
   * (ontology/shapes.ttl), never inline ids, so ids can key the sets.
   */
  @Override
  int distinctPairs(Node p, Node filter, Node value) {
    Set<NodeId> kept = new HashSet<>();
    ids(Node.ANY, Node.ANY, filter, value).forEachRemaining(t -> kept.add(t.get(1)));
    Set<List<NodeId>> pairs = new HashSet<>();
    ids(Node.ANY, Node.ANY, p, Node.ANY)
        .forEachRemaining(
            t -> {
              if (kept.contains(t.get(1))) {
                pairs.add(List.of(t.get(1), t.get(3)));
              }
            });
    return pairs.size();
  }

  /**
   * Each graph decoded once, the dates (inline ids) without the node table, and not the extraction
   * nodes (one per study, so every one a miss of the node cache).
   */
  @Override
  String latestExtractionDate() {
    String latest = null;
    for (Tuple<NodeId> t : idsWithGraphs(Node.ANY, Node.ANY, Vocab.extractionDate, Node.ANY)) {
      if (slugOfGraph(t.get(0)) != null) {
        latest = later(latest, quads.getNodeTable().getNodeForNodeId(t.get(3)));
      }
    }
    return latest;
  }
}
