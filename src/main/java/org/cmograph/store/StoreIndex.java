package org.cmograph.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
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
import org.cmograph.rdf.Entailment;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.Vocab;

/**
 * What the summaries' reader ({@code report.EvidenceReader}) takes from the store's indexes rather
 * than by SPARQL: the studies and their graphs, the studies naming each concept, the store's
 * totals, and copies of graphs in memory. In a TDB2 store these work on node ids and decode only
 * what they return; any other dataset is read quad by quad. One index serves one read: made inside
 * the read transaction and dropped with it (node ids are only stable while the store is not
 * compacted).
 */
public final class StoreIndex implements AutoCloseable {
  /** A study and the name of its graph. */
  public record StudyGraphs(String id, Node graph) {}

  /**
   * The store's totals: studies, study CMO configurations, findings, and the latest extraction date
   * ("unknown" when none).
   */
  public record Totals(int studies, int cmocs, int evidence, String dataAsOf) {}

  private final DatasetGraph dataset;

  /** The quad table of a TDB2 store, or null for any other dataset. */
  private final NodeTupleTable quads;

  /** Decodes the nodes of many ids at once, in a TDB2 store; null for any other dataset. */
  private final StoredNodes nodes;

  /**
   * The study slug of each graph id seen ("" for a graph that is not a study's), so each graph name
   * is decoded once for all the scans below. Graph names are IRIs, never inline ids, so ids can key
   * the map (NodeId.equals compares values only, which is exact among stored nodes).
   */
  private final Map<NodeId, String> graphSlugs = new HashMap<>();

  /** The ids of the graph names decoded for {@link #graphSlugs}, to find their quads by id. */
  private final Map<Node, NodeId> graphIds = new HashMap<>();

  public StoreIndex(DatasetGraph dataset) {
    this.dataset = dataset;
    this.quads = TdbInternals.isTdb2(dataset) ? TdbInternals.quadTable(dataset) : null;
    this.nodes = quads == null ? null : StoredNodes.open(dataset);
  }

  @Override
  public void close() {
    if (nodes != null) {
      nodes.close();
    }
  }

  /** The quads of a pattern as node-id tuples (graph, subject, predicate, object); TDB2 only. */
  Iterator<Tuple<NodeId>> ids(Node g, Node s, Node p, Node o) {
    Iterator<Tuple<NodeId>> it = quads.findAsNodeIds(g, s, p, o);
    return it == null ? java.util.Collections.emptyIterator() : it;
  }

  /**
   * The quads of a pattern as node-id tuples, with the names of their graphs decoded for {@link
   * #slugOfGraph} all at once ({@link StoredNodes}), not one look-up per graph; TDB2 only.
   */
  List<Tuple<NodeId>> idsWithGraphs(Node g, Node s, Node p, Node o) {
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
  String slugOfGraph(NodeId graph) {
    String slug =
        graphSlugs.computeIfAbsent(
            graph,
            g -> {
              String found = slugOf(quads.getNodeTable().getNodeForNodeId(g));
              return found == null ? "" : found;
            });
    return slug.isEmpty() ? null : slug;
  }

  /**
   * Each concept a study CMOC's mechanism is an instance of (cmo:instanceOfConcept in a study or
   * inferred graph), with the studies whose graphs say so. In a TDB2 store by node ids: only each
   * distinct graph and concept is decoded, not the ~25,000 quads of 10,000 studies.
   */
  public Map<Node, Set<StudyGraphs>> studiesOfConcept(Map<String, StudyGraphs> bySlug) {
    Map<Node, Set<StudyGraphs>> studies = new LinkedHashMap<>();
    if (quads == null) {
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
    // Concepts are IRIs, never inline ids (checked all the same), so ids can key the map.
    Map<NodeId, Set<StudyGraphs>> byConcept = new LinkedHashMap<>();
    idsWithGraphs(Node.ANY, Node.ANY, Vocab.instanceOfConcept, Node.ANY)
        .forEach(
            t -> {
              String slug = slugOfGraph(t.get(0));
              StudyGraphs s = slug == null ? null : bySlug.get(slug);
              if (s != null && !NodeId.isInline(t.get(3))) {
                byConcept.computeIfAbsent(t.get(3), k -> new LinkedHashSet<>()).add(s);
              }
            });
    byConcept.forEach((k, s) -> studies.put(quads.getNodeTable().getNodeForNodeId(k), s));
    return studies;
  }

  /** The slug of a study graph's or an inferred graph's name, or null. */
  public static String slugOf(Node graph) {
    String s = Iris.studyOfGraph(graph);
    return s != null ? s : Entailment.studyOfGraph(graph);
  }

  /**
   * The studies (nodes typed cmo:Study in a study or inferred graph) with their graphs, by
   * identifier: found by index, without a join. A study's graph is named by its identifier ({@link
   * Iris#studyGraph}, which takes identifiers that are slugs only), so the name gives it.
   */
  public List<StudyGraphs> studies() {
    Map<String, StudyGraphs> studies = new TreeMap<>();
    Consumer<String> study =
        slug -> {
          if (slug != null) {
            studies.computeIfAbsent(slug, k -> new StudyGraphs(k, Iris.studyGraph(k)));
          }
        };
    if (quads != null) {
      // By node ids: only the graph of each quad is decoded, once.
      idsWithGraphs(Node.ANY, Node.ANY, Vocab.type, Vocab.Study)
          .forEach(t -> study.accept(slugOfGraph(t.get(0))));
    } else {
      dataset
          .find(Node.ANY, Node.ANY, Vocab.type, Vocab.Study)
          .forEachRemaining(q -> study.accept(slugOf(q.getGraph())));
    }
    return List.copyOf(studies.values());
  }

  /**
   * The graphs that are neither a study's nor an inferred one (ontology, catalogue, programme
   * theory: the only others the store writes), in memory.
   */
  public Graph sharedGraph() {
    Graph shared = GraphFactory.createGraphMem();
    copyGraphs(List.of(Iris.ONTOLOGY_GRAPH, Iris.CATALOGUE_GRAPH, Iris.THEORY_GRAPH), shared);
    return shared;
  }

  /**
   * An in-memory dataset whose default graph holds these studies' graphs and the shared ones. Not
   * their inferred graphs: those hold the roll-ups the catalogue queries use (e.g.
   * cmo:countsForMechanism, docs/model.md), and no summary query reads them (the tests that compare
   * a batched read with the union-graph read, inferred graphs included, say so).
   */
  public DatasetGraph batch(Graph shared, List<StudyGraphs> studies) {
    Graph g = GraphFactory.createGraphMem();
    shared.find().forEachRemaining(g::add);
    copyGraphs(studies.stream().map(StudyGraphs::graph).toList(), g);
    return DatasetGraphFactory.wrap(g);
  }

  /**
   * An in-memory dataset whose default graph holds, of each of these studies' graphs, only what a
   * summary of the sections of these mechanism {@code concepts} and {@code theoryCmocs} (IRIs)
   * reads ({@link SectionSlice}): the study, the selected CMOCs with their parts, and their
   * evidence. Not the shared graphs: the queries of a partial read over a batch (the study, CMOC
   * and evidence rows, report.StudyRows) match study nodes only, which those graphs never describe,
   * so a batch no longer copies their ~3,000 triples each time (the tests that compare a batched
   * read with the union-graph read, where they are present, would fail if a query matched them).
   */
  public DatasetGraph batch(List<StudyGraphs> studies, Set<Node> concepts, Set<Node> theoryCmocs) {
    Graph g = GraphFactory.createGraphMem();
    if (quads == null) {
      SectionSlice<Node> slice = SectionSlice.onNodes(NOT_COPIED);
      SectionSlice.Quads<Node> all = SectionSlice.quadsOf(dataset);
      for (StudyGraphs s : studies) {
        slice
            .read(all, s.graph(), concepts, theoryCmocs)
            .forEach(t -> g.add(Triple.create(t.get(1), t.get(2), t.get(3))));
      }
      return DatasetGraphFactory.wrap(g);
    }
    SectionSlice<NodeId> slice =
        new SectionSlice<>(
            NodeId.NodeIdAny,
            n -> TdbInternals.existingId(quads, n),
            id -> !NodeId.isInline(id),
            NOT_COPIED);
    List<NodeId> conceptIds = existingIds(concepts);
    List<NodeId> theoryIds = existingIds(theoryCmocs);
    List<Tuple<NodeId>> tuples = new ArrayList<>();
    for (StudyGraphs s : studies) {
      NodeId graph = graphIds.get(s.graph());
      if (graph == null) {
        graph = TdbInternals.existingId(quads, s.graph());
      }
      if (graph != null) {
        // The whole graph by one range scan, then the slice's walk over it in memory.
        List<Tuple<NodeId>> all = new ArrayList<>();
        quads
            .find(graph, NodeId.NodeIdAny, NodeId.NodeIdAny, NodeId.NodeIdAny)
            .forEachRemaining(all::add);
        GraphTuples<NodeId> inGraph =
            new GraphTuples<>(all, NodeId.NodeIdAny, (a, b) -> a.type() == b.type() && a.equals(b));
        tuples.addAll(slice.read(inGraph, graph, conceptIds, theoryIds));
      }
    }
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
   * Predicates whose triples a batch leaves out: the Web Annotation target of each verified quote
   * (where it stands in its source text, with the text before and after it), about 11 triples per
   * evidence item holding the longest literals of a study graph. No summary reads them; the tests
   * that compare a batched read with the union-graph read would fail if one did.
   */
  private static final Set<Node> NOT_COPIED =
      Set.of(
          Vocab.hasTarget,
          Vocab.hasSource,
          Vocab.hasSelector,
          Vocab.exact,
          Vocab.prefix,
          Vocab.suffix,
          Vocab.start,
          Vocab.end);

  /** The stored ids of {@link #NOT_COPIED}'s predicates that occur in the store. */
  private Set<NodeId> notCopiedIds() {
    Set<NodeId> ids = new HashSet<>();
    for (Node p : NOT_COPIED) {
      NodeId id = TdbInternals.existingId(quads, p);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * Adds the triples of the named graphs {@code names} to {@code into}, except those of {@link
   * #NOT_COPIED}. In a TDB2 store it reads node ids (one range scan per graph), then decodes each
   * distinct id once for all of them, together and in the order they lie in the node file ({@link
   * StoredNodes}): most ids of a batch (graph names, predicates, classes, controlled values,
   * concepts) repeat, and the rest (quotes, identifiers) is read once. The store's own node cache
   * is bypassed: a JFR profile of writing every summary at 10,000 studies spent 62% of the copying
   * in its look-ups and upkeep, and caching what is read once would only evict what the endpoint's
   * queries use.
   */
  private void copyGraphs(List<Node> names, Graph into) {
    if (quads == null) {
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
      return;
    }
    Set<NodeId> skipped = notCopiedIds();
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
   * Adds the triples of these quad tuples to {@code into}, each distinct stored id decoded once for
   * all of them ({@link StoredNodes}).
   */
  private void addDecoded(List<Tuple<NodeId>> tuples, Graph into) {
    // Stored ids only: NodeId.equals compares values only (an inline integer 2 equals the node at
    // position 2), so inline ids (decoded from the id itself) stay out of the set.
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
   * The store's totals from its indexes (see {@link StoreTotals}): the studies of {@code index},
   * the study CMOCs, the findings and the latest extraction date.
   */
  public Totals totals(List<StudyGraphs> index) {
    return new StoreTotals(this, dataset, quads).of(index);
  }
}
