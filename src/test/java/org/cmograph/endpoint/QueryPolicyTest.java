package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every place a SERVICE or a script function can hide in a query is found before it runs. */
class QueryPolicyTest {
  static Optional<String> query(String text) {
    return QueryPolicy.refusal(QueryFactory.create(text, Syntax.syntaxARQ));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * { ?a ?b ?c OPTIONAL { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } } }",
        "SELECT * { { SELECT ?s { SERVICE <http://example.org/sparql> { ?s ?p ?o } } } }",
        "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?x } } }",
        "SELECT * { ?s ?p ?o FILTER NOT EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?x } } }",
        "SELECT * { ?s ?p ?o MINUS { SERVICE <http://example.org/sparql> { ?s ?p ?x } } }",
        "SELECT * { BIND(<http://example.org/sparql> AS ?u) SERVICE ?u { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
        "ASK { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
      })
  void serviceIsFoundWhereverItHides(String text) {
    Optional<String> refusal = query(text);
    assertTrue(refusal.isPresent(), text);
    assertTrue(refusal.get().startsWith("SERVICE"), refusal.get());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT (<http://jena.apache.org/ARQ/jsFunction#f>(1) AS ?x) {}",
        "SELECT * { ?s ?p ?o FILTER(<http://jena.apache.org/ARQ/jsFunction#f>(?o)) }",
        "SELECT * { ?s ?p ?o BIND(<http://jena.apache.org/ARQ/jsFunction#f>(?o) AS ?x) }",
        "SELECT ?s (SUM(<http://jena.apache.org/ARQ/jsFunction#f>(?o)) AS ?x) { ?s ?p ?o } GROUP BY ?s",
        "SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (<http://jena.apache.org/ARQ/jsFunction#f>(?s))",
        "SELECT ?s { ?s ?p ?o } ORDER BY <http://jena.apache.org/ARQ/jsFunction#f>(?o)",
        "SELECT ?k { ?s ?p ?o } GROUP BY (<http://jena.apache.org/ARQ/jsFunction#f>(?s) AS ?k)",
        "SELECT * { ?s ?p ?o FILTER EXISTS { ?s ?p ?x FILTER(<http://jena.apache.org/ARQ/jsFunction#f>(?x)) } }",
        "SELECT * { { SELECT (<http://jena.apache.org/ARQ/jsFunction#f>(1) AS ?x) {} } }",
        "SELECT * { ?s ?p ?o OPTIONAL { ?o ?q ?r FILTER(<http://jena.apache.org/ARQ/jsFunction#f>(?r)) } }",
        "SELECT (<java:org.apache.jena.sparql.function.library.FN_StrUpperCase>('a') AS ?x) {}",
        "SELECT (CALL(<http://example.org/any>, 1) AS ?x) {}"
      })
  void codeNamedByTheRequestIsFoundWhereverItHides(String text) {
    assertTrue(query(text).isPresent(), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * { ?s ?p ?o } LIMIT 10",
        "PREFIX cmo: <https://w3id.org/cmograph/ontology#> SELECT ?m (COUNT(?e) AS ?n)"
            + " { ?e cmo:aboutMechanism ?m FILTER(STRSTARTS(STR(?m), 'https://')) } GROUP BY ?m ORDER BY DESC(?n)",
        "SELECT * { ?s <http://www.w3.org/2004/02/skos/core#broader>* ?o FILTER(CONTAINS(LCASE(STR(?o)), 'x')) }",
        "SELECT * FROM <http://example.org/g> { ?s ?p ?o }",
        "SELECT (<http://www.w3.org/2005/xpath-functions#upper-case>('a') AS ?x) {}",
        "DESCRIBE <http://example.org/x>",
        "CONSTRUCT WHERE { ?s ?p ?o }"
      })
  void ordinaryQueriesPass(String text) {
    assertEquals(Optional.empty(), query(text), text);
  }

  @org.junit.jupiter.api.Test
  void nestingIsCountedOutsideLiteralsIrisAndComments() {
    assertEquals(2, QueryPolicy.nestingDepth("SELECT * { ?s ?p ?o FILTER(?o > 1) }"));
    // '<' and '>' as operators, '#' inside an IRI, braces in a comment and in a string
    assertEquals(
        2,
        QueryPolicy.nestingDepth(
            "PREFIX x: <http://e.org/a#c> SELECT ?x WHERE { FILTER(?a < 3 && ?b > 2) }\n# {{{{ a comment\nSELECT * { ?s ?p \"{{{(\" }"));
    assertEquals(1, QueryPolicy.nestingDepth("SELECT * { ?s ?p \"\"\"{{\n{{\"\"\" }"));
    String deep = "SELECT * " + "{".repeat(1000) + "?s ?p ?o" + "}".repeat(1000);
    assertEquals(1000, QueryPolicy.nestingDepth(deep));
    assertEquals(
        QueryPolicy.MAX_NESTING + 1,
        QueryPolicy.nestingDepth("ASK " + "(".repeat(QueryPolicy.MAX_NESTING + 1)));
  }
}
