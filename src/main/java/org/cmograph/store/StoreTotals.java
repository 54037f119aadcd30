package org.cmograph.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.cmograph.rdf.Vocab;

/**
 * The store's totals that a summary prints, counted from the indexes of a {@link StoreIndex}: by
 * node ids in a TDB2 store, quad by quad in any other dataset.
 */
final class StoreTotals {
  private final StoreIndex owner;
  private final DatasetGraph dataset;

  /** The quad table of a TDB2 store, or null for any other dataset. */
  private final NodeTupleTable quads;

  StoreTotals(StoreIndex index, DatasetGraph dataset, NodeTupleTable quads) {
    this.owner = index;
    this.dataset = dataset;
    this.quads = quads;
  }

  /**
   * The store's totals from its indexes: the studies of the index, the distinct (CMOC, study) pairs
   * of cmo:inStudy of CMO configurations (outcome patterns included), the distinct (item, study)
   * pairs of cmo:fromStudy for findings (in any graph, as the union graph has them), and the latest
   * cmo:extractionDate. The SHACL shapes every loaded study passes require each CMOC's identifier
   * and each item's identifier and type (ontology/shapes.ttl), so these equal the count queries';
   * SummarySelectiveReadTest and EvidenceReaderBatchTest compare them with a whole read.
   */
  StoreIndex.Totals of(List<StoreIndex.StudyGraphs> index) {
    // What the summaries count: study CMOCs (configurations and outcome patterns), and findings
    // (the only evidence that counts), as count-cmocs.rq and count-evidence.rq do.
    int cmocs = distinctPairs(Vocab.inStudy, Vocab.type, Vocab.CMOConfiguration);
    int evidence =
        distinctPairs(Vocab.fromStudy, Vocab.evidenceKind, Vocab.value("evidence-kind", "finding"));
    String[] latest = {null};
    Consumer<Node> date =
        o -> {
          if (o.isLiteral()) {
            String d = o.getLiteralLexicalForm();
            if (latest[0] == null || d.compareTo(latest[0]) > 0) {
              latest[0] = d;
            }
          }
        };
    if (quads != null) {
      // By node ids: each graph decoded once, the dates (inline ids) without the node table, and
      // not the extraction nodes (one per study, so every one a miss of the node cache).
      owner
          .idsWithGraphs(Node.ANY, Node.ANY, Vocab.extractionDate, Node.ANY)
          .forEach(
              t -> {
                if (owner.slugOfGraph(t.get(0)) != null) {
                  date.accept(quads.getNodeTable().getNodeForNodeId(t.get(3)));
                }
              });
    } else {
      dataset
          .find(Node.ANY, Node.ANY, Vocab.extractionDate, Node.ANY)
          .forEachRemaining(
              q -> {
                if (StoreIndex.slugOf(q.getGraph()) != null) {
                  date.accept(q.getObject());
                }
              });
    }
    return new StoreIndex.Totals(
        index.size(), cmocs, evidence, latest[0] == null ? "unknown" : latest[0]);
  }

  /**
   * How many distinct (subject, object) pairs the quads of predicate {@code p} hold, in any named
   * graph, for subjects that also have {@code filter} {@code value} (any value: {@code Node.ANY});
   * in a TDB2 store by node ids, without decoding a node.
   */
  private int distinctPairs(Node p, Node filter, Node value) {
    if (quads != null) {
      // Subjects and objects of cmo:inStudy / cmo:fromStudy are IRIs (ontology/shapes.ttl), never
      // inline ids, so ids can key the sets (NodeId.equals compares values only).
      Set<NodeId> kept = new HashSet<>();
      owner.ids(Node.ANY, Node.ANY, filter, value).forEachRemaining(t -> kept.add(t.get(1)));
      Set<List<NodeId>> pairs = new HashSet<>();
      owner
          .ids(Node.ANY, Node.ANY, p, Node.ANY)
          .forEachRemaining(
              t -> {
                if (kept.contains(t.get(1))) {
                  pairs.add(List.of(t.get(1), t.get(3)));
                }
              });
      return pairs.size();
    }
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
}
