package org.cmograph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.cmograph.extraction.Extraction;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyGraphBuilder;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.rdf.Vocab;
import org.cmograph.report.GeneratedStore;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue's {@code studies} query (ids and notations read from the IRIs, the optional columns
 * joined by hash, the counts read from each study's {@code cmo:StudyDigest} made at load) gives
 * exactly the terms, in the same order, of the long way kept in {@code
 * src/test/resources/query/by-identifier/studies.rq} (each column followed from the study, study by
 * study, the counts grouped over every configuration and finding): on the bundled data, whose
 * studies lack some years, designs, countries, sample sizes and concerns, on 200 generated studies,
 * and after a reload that changed one study's counts.
 */
class StudiesQueryTest {
  @TempDir static Path generatedDir;
  private static CmoStore generated;

  @BeforeAll
  static void generate() throws IOException {
    generated = GeneratedStore.of(generatedDir, 17, 200);
  }

  @AfterAll
  static void close() {
    generated.close();
  }

  static Query fast() {
    return BundledData.catalogue().require("studies").bind(Map.of());
  }

  static Query longWay() throws IOException {
    return CatalogueQuery.parse(
            "studies",
            Files.readString(
                Repo.root().resolve("src/test/resources/query/by-identifier/studies.rq")))
        .bind(Map.of());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bundled", "generated"})
  void givesTheRowsOfTheLongWay(String data) throws IOException {
    CmoStore store = data.equals("bundled") ? BundledData.store() : generated;
    Query fast = fast();
    List<List<Node>> expected = IdsFromIrisTest.terms(longWay(), store.dataset());
    assertTrue(expected.size() >= 20, data + ": " + expected.size() + " studies");
    // Some rows leave an optional column empty (the bundled data), so a join that lost or
    // duplicated rows would show.
    if (data.equals("bundled")) {
      assertTrue(expected.stream().anyMatch(row -> row.contains(null)), "an empty column");
    }
    assertEquals(expected, IdsFromIrisTest.terms(fast, store.dataset()));
  }

  /**
   * Loading a study again replaces its digest with its graph: here with one configuration and one
   * finding fewer, so its counts change, and still one digest per study.
   */
  @Test
  void aReloadReplacesTheStudysCounts() throws IOException {
    StudyPipeline pipeline =
        new StudyPipeline(ReferenceData.load(Repo.root().resolve("ontology")), null, Repo.root());
    List<Extraction> studies = pipeline.validate(List.of(Repo.data().resolve("studies"))).valid();
    ReferenceData ref = pipeline.reference();
    Extraction gillard =
        studies.stream().filter(x -> x.study().id().equals("gillard-2014")).findFirst().get();
    try (CmoStore store = CmoStore.inMemory()) {
      store.replace(ref.ontology(), ref.catalogue(), studies, pipeline::convert);
      List<Node> before = row(store, "gillard-2014");
      store.replace(
          ref.ontology(), ref.catalogue(), List.of(gillard), x -> fewer(pipeline.convert(x)));
      List<Node> after = row(store, "gillard-2014");
      assertEquals(count(before, 6) - 1, count(after, 6), "cmocs");
      assertEquals(count(before, 7) - 1, count(after, 7), "evidence");
      assertEquals(IdsFromIrisTest.terms(longWay(), store.dataset()), terms(store));
      assertEquals(studies.size(), terms(store).size());
    }
  }

  /** The study's graph without its first configuration's link and its first finding. */
  private static StudyGraphBuilder.StudyGraph fewer(StudyGraphBuilder.StudyGraph sg) {
    Graph g = sg.graph();
    Triple link = g.find(Node.ANY, Vocab.reportsCMOC, Node.ANY).next();
    Node finding =
        g.find(Node.ANY, Vocab.evidenceKind, Vocab.value("evidence-kind", "finding"))
            .next()
            .getSubject();
    g.delete(link);
    g.remove(finding, Node.ANY, Node.ANY);
    return sg;
  }

  private static List<List<Node>> terms(CmoStore store) {
    return IdsFromIrisTest.terms(fast(), store.dataset());
  }

  private static List<Node> row(CmoStore store, String study) {
    return terms(store).stream()
        .filter(r -> r.get(0).getLiteralLexicalForm().equals(study))
        .findFirst()
        .orElseThrow();
  }

  private static long count(List<Node> row, int column) {
    return Long.parseLong(row.get(column).getLiteralLexicalForm());
  }
}
