package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The budget on intermediate results, run directly on the bundled store (no HTTP): what is charged,
 * that a query over budget stops, and that the bounded operators give ARQ's answers.
 */
class BoundedWorkTest {
  /** Rows as sorted strings (each its terms in variable order), and what the query charged. */
  record Run(List<String> rows, long charged) {}

  static Run run(String text, long budget, boolean bounded) {
    DatasetGraph ds = BundledStore.get().dataset();
    Query q = QueryFactory.create(HostileQueryIT.expand(text), Syntax.syntaxARQ);
    return Txn.calculateRead(
        ds,
        () -> {
          Context cxt = EndpointServer.queryContext(BundledStore.testSettings());
          if (!bounded) {
            cxt.remove(ARQConstants.sysOpExecutorFactory);
          }
          try (QueryExec exec = QueryExec.dataset(ds).query(q).context(cxt).build()) {
            BoundedWork.startBudget(exec.getContext(), budget);
            RowSet rows = exec.select();
            List<String> out = new ArrayList<>();
            rows.forEachRemaining(
                b -> {
                  List<String> terms = new ArrayList<>();
                  b.forEach((v, n) -> terms.add(v + "=" + n));
                  terms.sort(null);
                  out.add(String.join(" ", terms));
                });
            out.sort(null);
            return new Run(out, BoundedWork.budget(exec.getContext()).used());
          }
        });
  }

  static final long PLENTY = 1L << 30;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT ?p (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?subjects) (SAMPLE(?o) AS ?any) { ?s ?p ?o } GROUP BY ?p",
        "SELECT ?s (GROUP_CONCAT(STR(?p); separator=' ') AS ?ps) (MIN(STR(?o)) AS ?first) { ?s ?p ?o } GROUP BY ?s",
        "SELECT ?s (GROUP_CONCAT(DISTINCT STR(?p)) AS ?ps) { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(*) > 3)",
        "SELECT ?s ?p { ?s ?p ?o } GROUP BY ?s ?p",
        "SELECT (COUNT(*) AS ?n) (SUM(1) AS ?sum) (AVG(1) AS ?avg) { ?s ?p ?o }",
        "SELECT (COUNT(*) AS ?n) (GROUP_CONCAT(?o) AS ?g) { ?s <http://example.org/none> ?o }",
        "SELECT ?s (COUNT(*) AS ?n) { ?s <http://example.org/none> ?o } GROUP BY ?s",
        "SELECT (COUNT(DISTINCT *) AS ?n) { ?s ?p ?o }",
        "SELECT DISTINCT ?p { ?s ?p ?o } ORDER BY ?p",
        "SELECT ?o { ?s ?p ?o } ORDER BY DESC(?o) ?s LIMIT 20",
        "SELECT ?a { ?a ?b ?c MINUS { ?a a ?f } }",
        "SELECT ?x ?id { ?x a ?t OPTIONAL { ?x <http://purl.org/dc/terms/identifier> ?id } }",
        "SELECT ?a ?k { { SELECT ?a ?c { ?a ?b ?c } } { SELECT ?a (COUNT(*) AS ?k) { ?a ?p ?o } GROUP BY ?a } }"
      })
  void boundedOperatorsGiveArqsAnswers(String query) {
    Run plain = run(query, PLENTY, false);
    Run bounded = run(query, PLENTY, true);
    assertEquals(plain.rows(), bounded.rows(), query);
  }

  @org.junit.jupiter.api.Test
  void countingStreamsAndIsNotCharged() {
    Run count =
        run("SELECT (COUNT(*) AS ?n) (SUM(STRLEN(STR(?o))) AS ?chars) { ?s ?p ?o }", PLENTY, true);
    assertTrue(count.charged() < 1024, "charged " + count.charged());
  }

  @org.junit.jupiter.api.Test
  void whatIsKeptIsCharged() {
    Run all = run("SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?o", PLENTY, true);
    assertTrue(
        all.charged() > all.rows().size() * 200L,
        "a sorted triple costs over 200 bytes: " + all.charged());
    // A top-10 sort keeps ten solutions, whatever it reads.
    Run top = run("SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?o LIMIT 10", PLENTY, true);
    assertTrue(top.charged() < all.charged() / 100, "top 10 charged " + top.charged());
    // Each distinct solution is kept; repeated ones are not.
    Run distinct = run("SELECT DISTINCT ?p { ?s ?p ?o }", PLENTY, true);
    assertTrue(
        distinct.charged() < distinct.rows().size() * 400L,
        "distinct charged " + distinct.charged());
    Run concat = run("SELECT (GROUP_CONCAT(STR(?o)) AS ?g) { ?s ?p ?o }", PLENTY, true);
    long chars = concat.rows().get(0).length();
    assertTrue(
        concat.charged() > chars,
        "GROUP_CONCAT of " + chars + " chars charged " + concat.charged());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT ?fat {FAT} ORDER BY ?fat",
        "SELECT ?fat {FAT} ORDER BY ?fat LIMIT 999",
        "SELECT ?fat (COUNT(*) AS ?n) {FAT} GROUP BY ?fat",
        "SELECT ?a ?fat {FAT} GROUP BY ?a ?fat",
        "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?fat {FAT} }",
        "SELECT (COUNT(DISTINCT ?fat) AS ?n) {FAT}",
        "SELECT (STRLEN(GROUP_CONCAT(?fat)) AS ?n) {FAT}",
        "SELECT (COUNT(DISTINCT *) AS ?n) {FAT}",
        "SELECT ?a { ?a ?b ?c MINUS {FAT} }",
        "SELECT (COUNT(*) AS ?n) { ?x ?y ?z OPTIONAL { { SELECT ?a ?fat {FAT} } FILTER(?a = ?z) } }",
        "SELECT (COUNT(*) AS ?n) { { SELECT ?a ?fat {FAT} } { SELECT ?a (COUNT(*) AS ?k) { ?a ?p ?o } GROUP BY ?a } }"
      })
  void aQueryOverItsBudgetStops(String shape) {
    String query =
        shape.replace("{FAT}", "{ ?a ?b ?c BIND(CONCAT(STR(?c), \"{LONG 100000}\") AS ?fat) }");
    var e = assertThrows(BoundedEvaluation.ValueTooLarge.class, () -> run(query, 8L << 20, true));
    assertTrue(e.getMessage().contains("intermediate results are bounded"), e.getMessage());
  }

  /** A solution's size counts every term once, on whichever level of the binding it is bound. */
  @Test
  void aSolutionIsSizedOverAllItsLevels() {
    Node uri = NodeFactory.createURI("http://example.org/a");
    Node text = NodeFactory.createLiteralString("a longer literal");
    Binding store = BindingFactory.binding(Var.alloc("a"), uri);
    Binding bound = BindingFactory.binding(store, Var.alloc("b"), text);
    Binding top = BindingFactory.binding(bound, Var.alloc("c"), uri);
    assertEquals(
        32 + 3 * 16 + 2 * BoundedWork.bytes(uri) + BoundedWork.bytes(text), BoundedWork.bytes(top));
    assertEquals(48 + 2 + uri.getURI().length(), BoundedWork.bytes(uri));
  }
}
