package org.cmograph.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.rdf.Entailment;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.Vocab;

/**
 * What the summaries' reader ({@code report.EvidenceReader}) takes from the store's indexes rather
 * than by SPARQL: the studies and their graphs, the studies naming each concept, the store's
 * totals, and copies of graphs in memory. Two ways to read them, one class each: {@link TdbIndex}
 * in a TDB2 store (on node ids, decoding only what it returns) and {@link DatasetIndex} in any
 * other dataset (quad by quad); {@code StoreIndexSliceTest} and the summary tests compare them. One
 * index serves one read: made inside the read transaction and dropped with it (node ids are only
 * stable while the store is not compacted).
 */
public abstract sealed class StoreIndex implements AutoCloseable permits DatasetIndex, TdbIndex {
  /** A study and the name of its graph. */
  public record StudyGraphs(String id, Node graph) {}

  /**
   * The store's totals: studies, study CMO configurations, findings, and the latest extraction date
   * ("unknown" when none).
   */
  public record Totals(int studies, int cmocs, int evidence, String dataAsOf) {}

  /**
   * Predicates whose triples a batch leaves out: the Web Annotation target of each verified quote
   * (where it stands in its source text, with the text before and after it), about 11 triples per
   * evidence item holding the longest literals of a study graph. No summary reads them; the tests
   * that compare a batched read with the union-graph read would fail if one did.
   */
  static final Set<Node> NOT_COPIED =
      Set.of(
          Vocab.hasTarget,
          Vocab.hasSource,
          Vocab.hasSelector,
          Vocab.exact,
          Vocab.prefix,
          Vocab.suffix,
          Vocab.start,
          Vocab.end);

  /** The index of {@code dataset}: by node ids in a TDB2 store, by nodes in any other. */
  public static StoreIndex of(DatasetGraph dataset) {
    return TdbInternals.isTdb2(dataset) ? new TdbIndex(dataset) : new DatasetIndex(dataset);
  }

  @Override
  public void close() {}

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
  public abstract List<StudyGraphs> studies();

  /**
   * Each concept a study CMOC's mechanism is an instance of (cmo:instanceOfConcept in a study or
   * inferred graph), with the studies whose graphs say so.
   */
  public abstract Map<Node, Set<StudyGraphs>> studiesOfConcept(Map<String, StudyGraphs> bySlug);

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
  public abstract DatasetGraph batch(
      List<StudyGraphs> studies, Set<Node> concepts, Set<Node> theoryCmocs);

  /**
   * The store's totals from its indexes: the studies of {@code index}, the distinct (CMOC, study)
   * pairs of cmo:inStudy of CMO configurations (outcome patterns included), the distinct (item,
   * study) pairs of cmo:fromStudy for findings (in any graph, as the union graph has them), and the
   * latest cmo:extractionDate of a study or inferred graph. The SHACL shapes every loaded study
   * passes require each CMOC's identifier and each item's identifier and type
   * (ontology/shapes.ttl), so these equal the count queries' (count-cmocs.rq, count-evidence.rq);
   * SummarySelectiveReadTest and EvidenceReaderBatchTest compare them with a whole read.
   */
  public Totals totals(List<StudyGraphs> index) {
    int cmocs = distinctPairs(Vocab.inStudy, Vocab.type, Vocab.CMOConfiguration);
    int evidence =
        distinctPairs(Vocab.fromStudy, Vocab.evidenceKind, Vocab.value("evidence-kind", "finding"));
    String latest = latestExtractionDate();
    return new Totals(index.size(), cmocs, evidence, latest == null ? "unknown" : latest);
  }

  /**
   * Adds the triples of the named graphs {@code names} to {@code into}, except {@link #NOT_COPIED}.
   */
  abstract void copyGraphs(List<Node> names, Graph into);

  /**
   * How many distinct (subject, object) pairs the quads of predicate {@code p} hold, in any named
   * graph, for subjects that also have {@code filter} {@code value}.
   */
  abstract int distinctPairs(Node p, Node filter, Node value);

  /** The latest cmo:extractionDate in a study or inferred graph, or null. */
  abstract String latestExtractionDate();

  /** The later of a date so far (or null) and {@code o}, if it is a literal. */
  static String later(String latest, Node o) {
    if (!o.isLiteral()) {
      return latest;
    }
    String d = o.getLiteralLexicalForm();
    return latest == null || d.compareTo(latest) > 0 ? d : latest;
  }
}
