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

/**
 * Reads the {@link EvidenceBase} from a store with SPARQL over the union of its named graphs
 * (TDB2's union default graph), so summaries see exactly what the endpoint's users see. The queries
 * live beside this class as {@code .rq} resources.
 *
 * <pre>
 * EvidenceBase base = new EvidenceReader(store.dataset()).read();
 * EvidenceBase one = new EvidenceReader(store.dataset()).read(List.of("hope"), List.of()); // partial
 * </pre>
 */
public final class EvidenceReader {
  /** How many studies a batch holds (see {@link #EvidenceReader(DatasetGraph, int)}). */
  static final int BATCH = 500;

  private final DatasetGraph dataset;
  private final int batchSize;

  /** The queries, over the store (its union default graph) or a batch in memory. */
  private final EvidenceQueries queries;

  public EvidenceReader(DatasetGraph dataset) {
    this(dataset, BATCH);
  }

  /**
   * A reader that copies the store's graphs into memory {@code batchSize} studies at a time (each
   * study's graph, with the other graphs: ontology, catalogue, theory) and runs the queries there:
   * a range scan per graph instead of index joins across every graph of the union. With {@code
   * batchSize} 0 it queries the store's union default graph directly (the reference the batched
   * read must equal; tests compare them).
   */
  EvidenceReader(DatasetGraph dataset, int batchSize) {
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.queries = EvidenceQueries.ofStore(dataset);
  }

  public EvidenceBase read() {
    return Txn.calculateRead(dataset, () -> readInTxn(null));
  }

  /**
   * A partial base (see {@link EvidenceBase}) for the sections of these mechanism concepts and
   * theory CMOCs: only the study CMOCs those sections draw on (whose concept is one of {@code
   * mechanisms}, or that link to one of {@code theoryCmocs}) with their contexts, outcomes, links
   * and evidence, and only the studies they (and the selected theory CMOCs) cite; plus the whole
   * catalogue and theory, the store's totals and the concepts in use. The queries are the same as
   * for {@link #read()}, restricted by a VALUES block, so the sections come out the same.
   */
  public EvidenceBase read(Collection<String> mechanisms, Collection<String> theoryCmocs) {
    return Txn.calculateRead(
        dataset, () -> readInTxn(new Restriction(Set.copyOf(mechanisms), Set.copyOf(theoryCmocs))));
  }

  /**
   * What a partial read is for: the mechanism concepts as asked for (a section draws on their
   * narrower concepts too: see {@link #withNarrower}) and the theory CMOCs.
   */
  record Restriction(Set<String> mechanisms, Set<String> theoryCmocs) {
    /**
     * The same, with the concepts narrower than the chosen ones in {@code catalogue} (the one
     * counting rule), as the read's queries need them. Done once the catalogue is read, so a
     * batched read reads it from its in-memory copy, beside the store's indexes, not once more over
     * the union graph before them.
     */
    Restriction withNarrower(List<EvidenceBase.Concept> catalogue) {
      return mechanisms.isEmpty()
          ? this
          : new Restriction(
              Set.copyOf(EvidenceBase.selfAndNarrower(mechanisms, catalogue)), theoryCmocs);
    }
  }

  private EvidenceBase readInTxn(Restriction asked) {
    if (batchSize > 0) {
      return new BatchedRead(dataset, batchSize).read(asked);
    }
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
