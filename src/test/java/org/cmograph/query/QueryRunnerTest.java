package org.cmograph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.Test;

/**
 * Parameters are values, never query text; queries only read; every run has a time limit; the
 * default graph is the union of the named graphs whatever the dataset.
 */
class QueryRunnerTest {
  /** Quotes, braces and an update, as a reviewer's typo or an attacker might send them. */
  static final String HOSTILE =
      "\"} ; DROP ALL # ' \"\"\" } } INSERT DATA { <a:b> <a:b> <a:b> } \\";

  static QueryCatalogue catalogue() {
    return BundledData.catalogue();
  }

  static List<List<String>> rows(Query q, DatasetGraph dataset) {
    return ResultTable.cells((QueryResult.Rows) new QueryRunner().run(q, dataset));
  }

  static String fingerprint(CmoStore store) {
    return Txn.calculateRead(
        store.dataset(),
        () -> {
          List<String> quads = new java.util.ArrayList<>();
          store.dataset().find().forEachRemaining(q -> quads.add(q.toString()));
          quads.sort(null);
          return quads.size() + ":" + String.join("\n", quads).hashCode();
        });
  }

  @Test
  void aHostileTextValueIsJustAValue() {
    CmoStore store = BundledData.store();
    String before = fingerprint(store);
    CatalogueQuery q = catalogue().require("quotes-mentioning");

    Query bound = q.bind(Map.of("text", HOSTILE));
    List<List<String>> table = rows(bound, store.dataset());

    assertEquals(1, table.size(), "no quote contains it: " + table);
    assertEquals(before, fingerprint(store), "the store is unchanged");
    // The bound query differs from one bound to a plain word only in that one literal.
    String plain = Algebra.compile(q.bind(Map.of("text", "x"))).toString();
    String hostile = Algebra.compile(bound).toString();
    assertEquals(plain, hostile.replace(literal(HOSTILE), literal("x")));
  }

  @Test
  void aTextValueStillFindsWhatItNames() {
    List<List<String>> table =
        rows(
            catalogue().require("quotes-mentioning").bind(Map.of("text", "TRUST")),
            BundledData.store().dataset());
    assertTrue(table.size() > 1);
    int quote = table.get(0).indexOf("quote");
    for (List<String> row : table.subList(1, table.size())) {
      assertTrue(row.get(quote).toLowerCase().contains("trust"), row.toString());
    }
  }

  @Test
  void identifierParametersRefuseAnythingButASlug() {
    for (String bad :
        List.of(HOSTILE, "Trusting-Relationship", "a b", "x>", "", "../x", "trust--x")) {
      QueryUsageException e =
          assertThrows(
              QueryUsageException.class,
              () -> catalogue().require("evidence-for-mechanism").bind(Map.of("mechanism", bad)));
      assertTrue(e.getMessage().contains("is not a catalogue concept id"), e.getMessage());
      assertThrows(
          QueryUsageException.class,
          () -> catalogue().require("study-cmo-table").bind(Map.of("study", bad)));
    }
  }

  @Test
  void identifierParametersBecomeTheMintedIris() {
    Query q = catalogue().require("study-cmo-table").bind(Map.of("study", "gillard-2024"));
    assertTrue(q.toString().contains("<https://w3id.org/cmograph/id/gillard-2024>"), q.toString());
    Query m = catalogue().require("evidence-for-mechanism").bind(Map.of("mechanism", "hope"));
    assertTrue(m.toString().contains("<https://w3id.org/cmograph/mechanism/hope>"), m.toString());
  }

  @Test
  void aBoundParameterDoesNotChangeTheColumns() {
    CatalogueQuery q = catalogue().require("confidence-profiles");
    assertEquals(
        q.bind(Map.of()).getResultVars(), q.bind(Map.of("mechanism", "hope")).getResultVars());
  }

  @Test
  void parametersMustBeDeclaredAndRequiredOnesGiven() {
    CatalogueQuery q = catalogue().require("evidence-for-mechanism");
    QueryUsageException missing = assertThrows(QueryUsageException.class, () -> q.bind(Map.of()));
    assertEquals(
        "query 'evidence-for-mechanism' needs --param mechanism=VALUE (catalogue concept id, e.g."
            + " trusting-relationship)",
        missing.getMessage());
    QueryUsageException unknown =
        assertThrows(
            QueryUsageException.class,
            () -> q.bind(Map.of("mechanism", "hope", "mechansim", "hope")));
    assertEquals(
        "query 'evidence-for-mechanism' has no parameter 'mechansim'; it takes --param"
            + " mechanism=MECHANISM",
        unknown.getMessage());
    assertThrows(
        QueryUsageException.class,
        () -> catalogue().require("studies").bind(Map.of("study", "gillard-2024")));
  }

  @Test
  void integerParametersTakeOnlyWholeNumbers() {
    assertEquals(
        NodeFactory.createLiteralDT("12", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger),
        ParamKind.INTEGER.toNode("n", "12"));
    assertThrows(QueryUsageException.class, () -> ParamKind.INTEGER.toNode("n", "12 } DROP ALL"));
  }

  @Test
  void updatesAreNotQueries() {
    CatalogueQuery update =
        CatalogueQuery.parse(
            "drop", "# title: t\n# question: q?\n# example: cmograph query drop\nDROP ALL\n");
    QueryFailure e = assertThrows(QueryFailure.class, () -> update.bind(Map.of()));
    assertTrue(e.getMessage().startsWith("query 'drop' does not parse"), e.getMessage());
  }

  @Test
  void localQueriesCannotCallOut() {
    Query q =
        CatalogueQuery.parse(
                "service", "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
            .bind(Map.of());
    assertThrows(QueryFailure.class, () -> new QueryRunner().run(q, BundledData.store().dataset()));
  }

  @Test
  void aQueryPastItsTimeLimitIsStopped() {
    Query explosive =
        CatalogueQuery.parse(
                "explosive",
                "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
            .bind(Map.of());
    QueryRunner runner = new QueryRunner(Duration.ofMillis(300));
    QueryFailure e =
        assertThrows(
            QueryFailure.class, () -> runner.run(explosive, BundledData.store().dataset()));
    assertTrue(e.getMessage().contains("time limit"), e.getMessage());
    // The store answers the next query normally.
    assertTrue(
        rows(catalogue().require("studies").bind(Map.of()), BundledData.store().dataset()).size()
            > 1);
  }

  @Test
  void anyDatasetGetsTheUnionDefaultGraph() {
    // A plain in-memory dataset (not TDB2) with the same quads answers the same.
    DatasetGraph plain = DatasetGraphFactory.createTxnMem();
    DatasetGraph tdb = BundledData.store().dataset();
    Txn.executeRead(
        tdb, () -> Txn.executeWrite(plain, () -> tdb.find().forEachRemaining(plain::add)));
    Query q = catalogue().require("evidence-for-mechanism").bind(Map.of("mechanism", "hope"));
    assertEquals(rows(q, tdb), rows(q, plain));
    assertTrue(rows(q, plain).size() > 1);
    // Named graphs stay addressable.
    Query graphs =
        CatalogueQuery.parse(
                "graphs",
                "SELECT DISTINCT ?g { GRAPH ?g { ?s a <https://w3id.org/cmograph/ontology#Study> }"
                    + " } ORDER BY ?g")
            .bind(Map.of());
    assertEquals(rows(graphs, tdb), rows(graphs, plain));
    assertTrue(rows(graphs, plain).size() > BundledData.store().studyIds().size());
  }

  @Test
  void resultsAreWrittenInEachFormat() {
    QueryResult r =
        new QueryRunner()
            .run(
                catalogue().require("evidence-by-perspective").bind(Map.of("mechanism", "hope")),
                BundledData.store().dataset());
    assertTrue(write(r, ResultFormat.CSV).startsWith("perspective,evidence,studies,"));
    assertTrue(write(r, ResultFormat.TSV).startsWith("?perspective\t?evidence\t?studies\t"));
    assertTrue(write(r, ResultFormat.JSON).contains("\"vars\""));
    assertTrue(write(r, ResultFormat.TABLE).contains("| perspective"));
    assertEquals(
        "unknown format 'xml'; use table, csv, tsv or json",
        assertThrows(QueryUsageException.class, () -> ResultFormat.parse("xml")).getMessage());
  }

  @Test
  void askAndConstructQueriesRunToo() {
    DatasetGraph ds = BundledData.store().dataset();
    QueryResult ask =
        new QueryRunner()
            .run(
                CatalogueQuery.parse("a", "ASK { ?s a <https://w3id.org/cmograph/ontology#Study> }")
                    .bind(Map.of()),
                ds);
    assertEquals(new QueryResult.Answer(true), ask);
    QueryResult graph =
        new QueryRunner()
            .run(
                CatalogueQuery.parse(
                        "c",
                        "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t . FILTER(?t ="
                            + " <https://w3id.org/cmograph/ontology#Study>) }")
                    .bind(Map.of()),
                ds);
    assertFalse(((QueryResult.Triples) graph).graph().isEmpty());
    assertThrows(QueryUsageException.class, () -> write(graph, ResultFormat.CSV));
  }

  private static String write(QueryResult r, ResultFormat f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.write(f, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String literal(String s) {
    Node n = NodeFactory.createLiteralString(s);
    return NodeFmtLib.strNT(n);
  }
}
