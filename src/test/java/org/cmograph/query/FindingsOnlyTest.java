package org.cmograph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue queries count findings only: on a fixture study with one supporting and one
 * refuting finding for the same mechanism, a refuting background passage and a methods sentence,
 * every number and every conflict comes from the two findings alone, and roles are read from each
 * configuration's own link to the context it shares with the other.
 */
class FindingsOnlyTest {
  static CmoStore store;

  @BeforeAll
  static void load() {
    var folder = Repo.testResources().resolve("query/findings-only");
    StudyPipeline pipeline =
        new StudyPipeline(
            ReferenceData.load(Repo.root().resolve("ontology")), folder.resolve("sources"), folder);
    StudyPipeline.Result result = pipeline.validate(List.of(folder.resolve("studies")));
    assertFalse(result.hasErrors(), result.problems().toString());
    store = CmoStore.inMemory();
    ReferenceData ref = pipeline.reference();
    store.replace(ref.ontology(), ref.catalogue(), result.valid(), pipeline::convert);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  static List<List<String>> run(String name, Map<String, String> params) {
    QueryResult result =
        new QueryRunner().run(BundledData.catalogue().require(name).bind(params), store.dataset());
    return ResultTable.cells((QueryResult.Rows) result);
  }

  static List<String> column(List<List<String>> table, String name) {
    int at = table.get(0).indexOf(name);
    return table.subList(1, table.size()).stream().map(r -> r.get(at)).collect(Collectors.toList());
  }

  /** The header and the rows whose {@code name} column is {@code value}. */
  static List<List<String>> rowsOf(List<List<String>> table, String name, String value) {
    int at = table.get(0).indexOf(name);
    List<List<String>> out = new java.util.ArrayList<>();
    out.add(table.get(0));
    table.subList(1, table.size()).stream().filter(r -> value.equals(r.get(at))).forEach(out::add);
    return out;
  }

  @Test
  void conflictingEvidenceSetsTheTwoFindingsSideBySideAndNotTheBackground() {
    List<List<String>> all = run("conflicting-evidence", Map.of());
    // The one counting rule: findings count for their concept and every broader one, so the
    // conflict shows under trusting-relationship and under its broader concept alike.
    List<String> mechanisms = column(all, "mechanism").stream().distinct().toList();
    assertEquals(List.of("shared-lived-experience", "trusting-relationship"), mechanisms);
    List<List<String>> t = rowsOf(all, "mechanism", "trusting-relationship");
    assertEquals(List.of("refuting-finding", "supporting-finding"), column(t, "evidence"));
    assertEquals(List.of("refutes", "supports"), column(t, "stance"));
    // the refuting background passage on trust-holds is no conflict within that configuration
    assertEquals(List.of("same mechanism", "same mechanism"), column(t, "scope"));
  }

  @Test
  void mechanismCountsAreFindings() {
    List<List<String>> t = run("mechanisms", Map.of());
    int row = column(t, "mechanism").indexOf("trusting-relationship");
    assertEquals("1", column(t, "studies").get(row));
    assertEquals("2", column(t, "cmocs").get(row));
    assertEquals("2", column(t, "evidence").get(row));
  }

  @Test
  void aStudysTableCountsFindingsAndSaysWhatIsNotReported() {
    List<List<String>> t = run("study-cmo-table", Map.of("study", "findings-only-fixture"));
    assertEquals(List.of("trust-fails", "trust-holds"), column(t, "cmoc"));
    assertEquals(List.of("1", "1"), column(t, "evidence"));
    assertEquals(
        List.of("not reported", "service users trust the peer worker"), column(t, "reasoning"));
    assertEquals(
        List.of(
            "Statutory mental health services (blocking)",
            "Statutory mental health services (enabling)"),
        column(t, "contexts"));
  }

  @Test
  void oneContextEnablesOneConfigurationAndBlocksAnother() {
    List<List<String>> t = run("mechanism-contexts", Map.of("mechanism", "trusting-relationship"));
    assertEquals(List.of("blocking", "enabling"), column(t, "role"));
    assertEquals(List.of("trust-fails", "trust-holds"), column(t, "cmoc"));
    assertFalse(t.get(0).contains("verdict"), "no fired/did-not-fire verdict: " + t.get(0));
  }

  @Test
  void evidenceByActorCountsFindingsByStance() {
    List<List<String>> t = run("evidence-by-actor", Map.of());
    assertEquals(List.of("service-user", "service-user"), column(t, "actor"));
    assertEquals(List.of("outcome", "reasoning"), column(t, "as"));
    assertEquals(List.of("2", "2"), column(t, "findings"));
    assertEquals(List.of("1", "1"), column(t, "supports"));
    assertEquals(List.of("1", "1"), column(t, "refutes"));
  }

  @Test
  void studiesOverviewCountsFindings() {
    List<List<String>> t = run("studies", Map.of());
    assertEquals(List.of("2"), column(t, "evidence"));
  }
}
