package org.cmograph.report;

import static org.cmograph.report.EvidenceQueries.restricted;
import static org.cmograph.report.EvidenceQueries.strafter;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cmograph.report.EvidenceReader.Restriction;

/**
 * The reference {@link EvidenceReader}'s batched read must equal: the same queries run straight
 * over the store's union default graph, one query each over every graph at once. Too slow for a
 * large store (docs/benchmarks.md), so only tests read this way, to compare.
 */
final class UnionGraphRead {
  private final DatasetGraph dataset;
  private final EvidenceQueries queries;

  UnionGraphRead(DatasetGraph dataset) {
    this.dataset = dataset;
    this.queries = EvidenceQueries.ofStore(dataset);
  }

  EvidenceBase read() {
    return Txn.calculateRead(dataset, () -> readInTxn(null));
  }

  EvidenceBase read(Collection<String> mechanisms, Collection<String> theoryCmocs) {
    return Txn.calculateRead(
        dataset, () -> readInTxn(new Restriction(Set.copyOf(mechanisms), Set.copyOf(theoryCmocs))));
  }

  private EvidenceBase readInTxn(Restriction asked) {
    if (asked == null) {
      return readAll(null, null, null);
    }
    Restriction only = asked.withNarrower(queries.concepts());
    Optional<EvidenceBase.Theory> theory = queries.theory();
    // The concepts study CMOCs name: each IRI any mechanism is an instance of, kept if a study CMOC
    // (as cmocs.rq finds them) names it.
    Map<String, Node> inUse = new TreeMap<>();
    Set<Node> conceptNodes = new LinkedHashSet<>();
    queries.selectNodes("mechanism-concepts-used", "k", conceptNodes::add);
    Set<Node> selectedConcepts = new LinkedHashSet<>();
    for (Node k : conceptNodes) {
      if (queries.ask("cmocs-of-concept", "k", k)) {
        String id = strafter(k.isURI() ? k.getURI() : k.toString(), "/mechanism/");
        inUse.putIfAbsent(id, k);
        if (only.mechanisms().contains(id)) {
          selectedConcepts.add(k);
        }
      }
    }
    // The CMOC nodes the selected sections draw on.
    Set<Node> cmocNodes = queries.selectedCmocNodes(selectedConcepts, only.theoryCmocs());
    // The studies they cite: by identifier, as the sections look them up.
    Set<String> studyIds = new TreeSet<>();
    theory.ifPresent(
        t ->
            t.cmocs().stream()
                .filter(c -> only.theoryCmocs().contains(c.id()))
                .forEach(c -> studyIds.addAll(c.derivedFrom())));
    if (!cmocNodes.isEmpty()) {
      queries.selectNodes(
          restricted("cmoc-studies", "cmoc", cmocNodes),
          "study",
          n -> studyIds.add(n.getLiteralLexicalForm()));
    }
    List<Node> studyLiterals =
        studyIds.stream().map(i -> (Node) NodeFactory.createLiteralString(i)).toList();
    EvidenceBase all = readAll(studyLiterals, cmocNodes, theory);
    EvidenceBase.Totals totals = queries.totals();
    return EvidenceBase.partial(
        all.studies(), all.concepts(), all.cmocs(), all.evidence(), theory, totals, inUse.keySet());
  }

  /**
   * Reads studies, catalogue, CMOCs and evidence: all of them when {@code studyIds} is null,
   * otherwise only those studies and those CMOC nodes (and their evidence).
   */
  private EvidenceBase readAll(
      List<Node> studyIds, Set<Node> cmocNodes, Optional<EvidenceBase.Theory> knownTheory) {
    StudyRows rows = new StudyRows();
    rows.read(queries, studyIds, cmocNodes);
    return rows.base(queries.concepts(), knownTheory != null ? knownTheory : queries.theory());
  }
}
