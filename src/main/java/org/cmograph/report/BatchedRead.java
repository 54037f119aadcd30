package org.cmograph.report;

import static org.cmograph.report.EvidenceQueries.restricted;
import static org.cmograph.report.EvidenceQueries.strafter;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.Vocab;
import org.cmograph.report.EvidenceReader.Restriction;
import org.cmograph.store.StoreIndex;
import org.cmograph.store.StoreIndex.StudyGraphs;
import org.cmograph.util.Futures;

/**
 * {@link EvidenceReader}'s read of a large store, a batch of studies at a time: the store's indexes
 * ({@link StoreIndex}) say which graphs belong to which study; each batch's graphs, with the shared
 * ones, are copied into memory and {@link EvidenceQueries} runs the same queries there. Call {@link
 * #read} inside a read transaction on the store.
 */
final class BatchedRead {
  private final DatasetGraph dataset;
  private final int batchSize;

  BatchedRead(DatasetGraph dataset, int batchSize) {
    this.dataset = dataset;
    this.batchSize = batchSize;
  }

  /**
   * Reads as {@link EvidenceReader} does over the union graph (all of it when {@code only} is
   * null), a batch of studies at a time: the shared graphs once, then for each batch (in study
   * identifier order, the order the queries sort by) the same queries over an in-memory copy of the
   * batch's graphs and the shared ones.
   */
  EvidenceBase read(Restriction only) {
    ExecutorService reader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "cmograph-summary-reader");
              t.setDaemon(true);
              return t;
            });
    try (StoreIndex indexes = StoreIndex.of(dataset)) {
      return readBatched(only, indexes, reader);
    } finally {
      reader.shutdown();
    }
  }

  /** What the queries over the shared graphs (ontology, catalogue, theory) give every read. */
  private record SharedFacts(
      Optional<EvidenceBase.Theory> theory, List<EvidenceBase.Concept> concepts) {}

  private EvidenceBase readBatched(Restriction asked, StoreIndex indexes, ExecutorService reader) {
    Graph shared = indexes.sharedGraph();
    // The reader thread queries the shared graphs while this one, which holds the transaction,
    // reads the study index (and for a selection, which studies name each concept) by node ids:
    // in a fresh JVM both are mostly class loading and interpretation, a few hundred ms each.
    Future<SharedFacts> sharedRead =
        reader.submit(
            () -> {
              EvidenceQueries queries = EvidenceQueries.over(DatasetGraphFactory.wrap(shared));
              return new SharedFacts(queries.theory(), queries.concepts());
            });
    List<StudyGraphs> index;
    Map<String, StudyGraphs> bySlug = new HashMap<>();
    Map<String, StudyGraphs> byId = new HashMap<>();
    Map<Node, Set<StudyGraphs>> studiesOfConcept = Map.of();
    DatasetGraph firstBatch = null;
    try {
      index = indexes.studies();
      if (asked != null) {
        index.forEach(
            s -> {
              bySlug.put(Iris.studyOfGraph(s.graph()), s);
              byId.put(s.id(), s);
            });
        // The concepts study CMOCs name, and the studies that name each: found by index (the
        // instanceOfConcept quads with their graphs), checked below as cmocs.rq would find them.
        studiesOfConcept = indexes.studiesOfConcept(bySlug);
        // One batch of the first study naming each concept answers (almost) every check at once;
        // a concept it does not confirm is checked study by study.
        Set<StudyGraphs> firsts = new LinkedHashSet<>();
        studiesOfConcept.values().forEach(studies -> firsts.add(studies.iterator().next()));
        firstBatch = indexes.batch(shared, List.copyOf(firsts));
      }
    } finally {
      // Never leave the transaction while the reader still queries.
      finish(sharedRead);
    }
    SharedFacts facts = Futures.await(sharedRead, "reading the evidence base");
    Optional<EvidenceBase.Theory> theory = facts.theory();
    List<EvidenceBase.Concept> concepts = facts.concepts();
    Restriction only = asked == null ? null : asked.withNarrower(concepts);
    StudyRows rows = new StudyRows();
    if (only == null) {
      inBatches(
          reader,
          studies -> indexes.batch(shared, studies),
          index,
          () -> {},
          queries -> rows.read(queries, null, null));
      return rows.base(concepts, theory);
    }
    Map<String, Node> inUse = new TreeMap<>();
    Set<Node> selectedConcepts = new LinkedHashSet<>();
    Set<StudyGraphs> wanted = new java.util.HashSet<>();
    EvidenceQueries first = firstBatch == null ? null : EvidenceQueries.over(firstBatch);
    studiesOfConcept.forEach(
        (k, studies) -> {
          String id = strafter(k.isURI() ? k.getURI() : k.toString(), "/mechanism/");
          boolean used = first.ask("cmocs-of-concept", "k", k);
          for (Iterator<StudyGraphs> it = studies.iterator(); !used && it.hasNext(); ) {
            used =
                EvidenceQueries.over(indexes.batch(shared, List.of(it.next())))
                    .ask("cmocs-of-concept", "k", k);
          }
          if (used) {
            inUse.putIfAbsent(id, k);
            if (only.mechanisms().contains(id)) {
              selectedConcepts.add(k);
              wanted.addAll(studies);
            }
          }
        });
    // The studies whose CMOCs link to a selected theory CMOC, and those the theory CMOCs cite.
    Set<Node> theoryNodes = new java.util.HashSet<>();
    if (!only.theoryCmocs().isEmpty()) {
      for (Node p : List.of(Vocab.supportsTheory, Vocab.refutesTheory, Vocab.refinesTheory)) {
        dataset
            .find(Node.ANY, Node.ANY, p, Node.ANY)
            .forEachRemaining(
                q -> {
                  String t =
                      strafter(
                          q.getObject().isURI() ? q.getObject().getURI() : q.getObject().toString(),
                          "/id/theory/");
                  StudyGraphs s = bySlug.get(StoreIndex.slugOf(q.getGraph()));
                  if (s != null && only.theoryCmocs().contains(t)) {
                    wanted.add(s);
                    theoryNodes.add(q.getObject());
                  }
                });
      }
    }
    Set<String> cited = new TreeSet<>();
    theory.ifPresent(
        t ->
            t.cmocs().stream()
                .filter(c -> only.theoryCmocs().contains(c.id()))
                .forEach(c -> cited.addAll(c.derivedFrom())));
    cited.forEach(
        id -> {
          if (byId.containsKey(id)) {
            wanted.add(byId.get(id));
          }
        });
    List<StudyGraphs> selected = index.stream().filter(wanted::contains).toList();
    EvidenceBase.Totals[] totals = new EvidenceBase.Totals[1];
    // Of each study graph, only what these sections read (the study, the selected CMOCs and
    // their evidence), not the whole graph, and none of the shared graphs.
    inBatches(
        reader,
        studies -> indexes.batch(studies, selectedConcepts, theoryNodes),
        selected,
        () -> totals[0] = totalsOf(indexes.totals(index)),
        queries -> {
          // As readInTxn over the union graph: the selected CMOC nodes, the studies they and the
          // selected theory CMOCs cite, then those only.
          Set<Node> cmocNodes = queries.selectedCmocNodes(selectedConcepts, only.theoryCmocs());
          Set<String> studyIds = new TreeSet<>(cited);
          if (!cmocNodes.isEmpty()) {
            queries.selectNodes(
                restricted("cmoc-studies", "cmoc", cmocNodes),
                "study",
                n -> studyIds.add(n.getLiteralLexicalForm()));
          }
          rows.read(
              queries,
              studyIds.stream().map(i -> (Node) NodeFactory.createLiteralString(i)).toList(),
              cmocNodes);
        });
    EvidenceBase all = rows.base(concepts, theory);
    return EvidenceBase.partial(
        all.studies(),
        all.concepts(),
        all.cmocs(),
        all.evidence(),
        theory,
        totals[0],
        inUse.keySet());
  }

  /**
   * Runs {@code read} once per batch of {@code studies} ({@link #batchSize} at a time, in order),
   * with queries over the batch in memory ({@code copy} makes it). Two threads share the work: this
   * one, which holds the read transaction, copies the next batch out of the store while a second
   * one runs {@code read} over the batch before it (queries over memory need no transaction).
   * Batches are read in order, one at a time, so rows arrive as a sequential read adds them; at
   * most two batches are in memory at once. {@code meanwhile} runs on this thread, in the
   * transaction, once the last batch is handed over, so it costs no time of its own while that
   * batch is read (with one batch, the whole read).
   */
  private void inBatches(
      ExecutorService reader,
      Function<List<StudyGraphs>, DatasetGraph> copy,
      List<StudyGraphs> studies,
      Runnable meanwhile,
      Consumer<EvidenceQueries> read) {
    if (studies.isEmpty()) {
      meanwhile.run();
      return;
    }
    Future<?> previous = null;
    try {
      for (int from = 0; from < studies.size(); from += batchSize) {
        DatasetGraph batch =
            copy.apply(studies.subList(from, Math.min(studies.size(), from + batchSize)));
        if (previous != null) {
          await(previous);
        }
        previous = reader.submit(() -> read.accept(EvidenceQueries.over(batch)));
      }
      meanwhile.run();
      await(previous);
    } finally {
      // On a failure here, let a batch still being read finish (queries over memory do not heed
      // interrupts) before the caller moves on and the read transaction ends.
      finish(previous);
    }
  }

  /** Waits for {@code read} to end, whatever its outcome, even if this thread is interrupted. */
  private static void finish(Future<?> read) {
    if (read == null) {
      return;
    }
    boolean interrupted = false;
    while (!read.isDone()) {
      try {
        read.get();
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (java.util.concurrent.ExecutionException
          | java.util.concurrent.CancellationException e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for a batch's read, passing on what it threw. */
  private static void await(Future<?> read) {
    Futures.await(read, "reading the evidence base");
  }

  private static EvidenceBase.Totals totalsOf(StoreIndex.Totals t) {
    return new EvidenceBase.Totals(t.studies(), t.cmocs(), t.evidence(), t.dataAsOf());
  }
}
