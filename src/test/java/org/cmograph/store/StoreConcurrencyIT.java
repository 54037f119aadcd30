package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.cmograph.extraction.Extraction;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyGraphBuilder;
import org.cmograph.testing.ChildJvm;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot reads and serialised writes on one TDB2 store. Readers count every study's triples while
 * loads replace all studies between two versions of different sizes: each reader sees all studies
 * of one version, never a mix. Two loads in one process queue behind each other; a load from a
 * second process is refused with a message that says why.
 */
class StoreConcurrencyIT {
  static List<Extraction> bundled;

  @BeforeAll
  static void validate() {
    bundled = StoreIT.bundledOrValidate();
  }

  /** Version B of a study: its graph plus (index + 3) marker triples, so its count differs. */
  static Function<Extraction, StudyGraphBuilder.StudyGraph> versionB() {
    return x -> {
      StudyGraphBuilder.StudyGraph a = StoreIT.pipeline.convert(x);
      Graph g = GraphFactory.createGraphMem();
      a.graph().find().forEachRemaining(g::add);
      int extra = 3 + bundled.indexOf(x);
      for (int i = 0; i < extra; i++) {
        g.add(
            NodeFactory.createURI("urn:x-test:marker/" + a.studyId()),
            NodeFactory.createURI("urn:x-test:n" + i),
            NodeFactory.createLiteralString("B"));
      }
      return new StudyGraphBuilder.StudyGraph(a.studyId(), a.graphName(), g, a.pointers());
    };
  }

  static CmoStore.LoadStats load(
      CmoStore store, Function<Extraction, StudyGraphBuilder.StudyGraph> convert) {
    ReferenceData ref = StoreIT.pipeline.reference();
    return store.replace(ref.ontology(), ref.catalogue(), bundled, convert);
  }

  static final String COUNTS =
      "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";

  /** Triples per study graph, counted by a SPARQL query in one read transaction. */
  static Map<String, Long> counts(CmoStore store) {
    return Txn.calculateRead(
        store.dataset(),
        () -> {
          Map<String, Long> out = new HashMap<>();
          try (QueryExec exec = QueryExec.dataset(store.dataset()).query(COUNTS).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(
                row -> {
                  String study = Iris.studyOfGraph(row.get("g"));
                  if (study != null) {
                    out.put(study, ((Number) row.get("n").getLiteralValue()).longValue());
                  }
                });
          }
          return out;
        });
  }

  @Test
  void readersSeeOneVersionOfEveryStudyNeverAMix(@TempDir Path dir) throws Exception {
    try (CmoStore store = CmoStore.open(dir)) {
      load(store, StoreIT.pipeline::convert);
      Map<String, Long> versionA = counts(store);
      load(store, versionB());
      Map<String, Long> versionB = counts(store);
      assertEquals(bundled.size(), versionA.size());
      for (String study : versionA.keySet()) {
        assertTrue(versionB.get(study) > versionA.get(study), study);
      }

      AtomicBoolean done = new AtomicBoolean();
      AtomicBoolean writing = new AtomicBoolean();
      AtomicInteger seenA = new AtomicInteger();
      AtomicInteger seenB = new AtomicInteger();
      AtomicInteger duringWrites = new AtomicInteger();
      ConcurrentLinkedQueue<String> mixes = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        readers.add(
            pool.submit(
                () -> {
                  while (!done.get()) {
                    boolean overlapped = writing.get();
                    Map<String, Long> seen = counts(store);
                    overlapped &= writing.get();
                    if (seen.equals(versionA)) {
                      seenA.incrementAndGet();
                    } else if (seen.equals(versionB)) {
                      seenB.incrementAndGet();
                    } else {
                      mixes.add(seen.toString());
                    }
                    if (overlapped) {
                      duringWrites.incrementAndGet();
                    }
                  }
                }));
      }
      // Two writers at once, each alternating versions: TDB2 lets one write at a time.
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int first = w;
        writers.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < 2; i++) {
                    writing.set(true);
                    load(store, (i + first) % 2 == 0 ? StoreIT.pipeline::convert : versionB());
                  }
                  return null;
                }));
      }
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> w : writers) {
        w.get(600, TimeUnit.SECONDS);
      }
      writing.set(false);
      done.set(true);
      for (Future<?> r : readers) {
        r.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(List.of(), List.copyOf(mixes), "a reader saw a mix of versions");
      assertTrue(seenA.get() > 0 && seenB.get() > 0, "readers saw both versions");
      Map<String, Long> last = counts(store);
      assertTrue(last.equals(versionA) || last.equals(versionB));
      System.out.printf(
          "concurrency: 4 loads of %d studies by 2 writers in %d ms; 4 readers took %d snapshots"
              + " (%d old, %d new, %d while a load ran), 0 mixed%n",
          bundled.size(),
          ms,
          seenA.get() + seenB.get(),
          seenA.get(),
          seenB.get(),
          duringWrites.get());
    }
  }

  @Test
  void aLoadFromASecondProcessIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
    try (CmoStore store = CmoStore.open(dir.resolve("store"))) {
      load(store, StoreIT.pipeline::convert);
      ChildJvm.Result second =
          ChildJvm.run(
              "512m",
              List.of(
                  "load",
                  Repo.data().resolve("studies/gillard-2014.yaml").toString(),
                  "--store",
                  dir.resolve("store").toString()));
      assertEquals(1, second.exit(), second.output());
      assertTrue(second.output().contains("is in use by another process"), second.output());
      assertTrue(!second.output().contains("\tat "), "no stack trace: " + second.output());
      System.out.println("concurrency: second process refused: " + second.output().strip());
    }
  }
}
