package org.cmograph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cmograph.query.QueryCatalogue;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness in its quick mode (100 studies, all in this JVM): proves that every part of
 * it works and measures the right thing. It asserts correctness only, never a time.
 */
class BenchmarkHarnessIT {
  @Test
  void quickModeMeasuresEveryPartOnCorrectResults(@TempDir Path work) throws Exception {
    BenchmarkHarness h = new BenchmarkHarness(BenchmarkHarness.Options.quick(work), Repo.root());
    h.run();
    BenchmarkHarness.Results r = h.results;

    // load: cmograph and Jena's loader hold the very same quads; every generated item is loaded
    assertEquals(1, r.loads.size());
    BenchmarkHarness.LoadRow load = r.loads.get(0);
    assertEquals(100, load.studies());
    assertTrue(load.quads() > 100 * 50, "quads: " + load.quads());
    assertEquals(load.quads(), load.jenaQuads());
    Path store = work.resolve("store-100");
    try (CmoStore s = CmoStore.open(store)) {
      assertEquals(100, s.studyIds().size());
      assertEquals(load.quads(), s.size());
    }
    assertEquals(generatedEvidence(work.resolve("studies-100-seed-1/studies")), load.evidence());

    // queries: every catalogue query ran; the selective ones found what the data holds
    Set<String> ran = new TreeSet<>();
    r.queries.forEach(q -> ran.add(q.query()));
    Set<String> catalogue = new TreeSet<>();
    QueryCatalogue.load(Repo.root().resolve("queries"))
        .queries()
        .forEach(q -> catalogue.add(q.name()));
    assertEquals(catalogue, ran);
    long selectiveItems = itemsOf(r.selectiveConcept.get(100));
    assertTrue(
        r.queries.stream()
            .anyMatch(
                q ->
                    q.query().equals("evidence-for-mechanism")
                        && q.rows() == selectiveItems
                        && selectiveItems > 0),
        "evidence-for-mechanism rows = the concept's evidence items (" + selectiveItems + ")");
    assertTrue(
        r.queries.stream().anyMatch(q -> q.query().equals("study-cmo-table") && q.rows() > 0),
        "a study's CMO table has rows");
    assertTrue(r.queries.stream().anyMatch(q -> q.query().equals("mechanisms") && q.rows() > 10));

    // endpoint: both servers answer the same rows, without errors
    assertFalse(r.endpoint.isEmpty());
    assertEquals(List.of(), r.failures);
    for (BenchmarkHarness.EndpointRow e : r.endpoint) {
      assertTrue(e.rows() > 0, e.query());
      assertEquals(0, e.ours().errors(), e.query() + ": " + e.ours().firstError());
      assertEquals(0, e.plain().errors(), e.query() + ": " + e.plain().firstError());
      assertTrue(e.ours().requests() > 0 && e.plain().requests() > 0, e.query());
    }

    // summaries ran, and the report renders every part
    // (quick mode: the most popular and the selective mechanism, then all; no launcher run)
    assertEquals(
        List.of(
            "one mechanism (the most popular",
            "one mechanism (selective",
            "all mechanisms (--out DIR)"),
        r.summaries.stream().map(s -> s.what().replaceAll(",.*", "")).toList());
    String md = new Report(r, BenchmarkHarness.Options.quick(work)).markdown("kept note");
    for (String heading :
        List.of(
            "## Targets",
            "## Validate + load against Jena",
            "## Catalogue queries",
            "## Endpoint",
            "## Summaries",
            "kept note")) {
      assertTrue(md.contains(heading), heading + " in\n" + md);
    }
  }

  static long itemsOf(String described) {
    return Long.parseLong(described.replaceAll(".*\\((\\d+) items\\).*", "$1"));
  }

  static long generatedEvidence(Path studies) throws IOException {
    long n = 0;
    try (Stream<Path> files = Files.list(studies)) {
      for (Path f : files.toList()) {
        n += Files.readAllLines(f).stream().filter(l -> l.startsWith("  - id: evidence-")).count();
      }
    }
    return n;
  }
}
