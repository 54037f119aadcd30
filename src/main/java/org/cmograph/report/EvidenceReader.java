package org.cmograph.report;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Reads the {@link EvidenceBase} from a store with the SPARQL queries beside this class ({@code
 * .rq} resources), a batch of studies at a time ({@link BatchedRead}); what it reads is what those
 * queries read over the union of the store's named graphs, so summaries see exactly what the
 * endpoint's users see (the tests compare the two).
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

  public EvidenceReader(DatasetGraph dataset) {
    this(dataset, BATCH);
  }

  /**
   * A reader that copies the store's graphs into memory {@code batchSize} studies at a time (each
   * study's graph, with the other graphs: ontology, catalogue, theory) and runs the queries there:
   * a range scan per graph instead of index joins across every graph of the union. What it reads
   * equals what the same queries read over the store's union default graph (the tests' {@code
   * UnionGraphRead} is that reference, and compares them).
   */
  EvidenceReader(DatasetGraph dataset, int batchSize) {
    this.dataset = dataset;
    if (batchSize < 1) {
      throw new IllegalArgumentException("a batch holds at least one study: " + batchSize);
    }
    this.batchSize = batchSize;
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
    return new BatchedRead(dataset, batchSize).read(asked);
  }
}
