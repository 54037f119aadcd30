package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.apache.jena.query.Syntax;
import org.apache.jena.update.UpdateFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpdatePolicyTest {
  static Optional<String> refusal(String update) {
    return UpdatePolicy.refusal(UpdateFactory.create(update, Syntax.syntaxSPARQL_11));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT DATA { <http://e/s> <http://e/p> 1 }",
        "DELETE DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> 1 } }",
        "DELETE WHERE { ?s <http://e/p> ?o }",
        "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> INSERT { ?s <http://e/n> ?n } WHERE { ?s ?p ?o BIND(xsd:integer(STR(?o)) + 1 AS ?n) FILTER(REGEX(STR(?o), 'x')) }",
        "INSERT { ?s <http://e/n> ?c } WHERE { { SELECT ?s (COUNT(*) AS ?c) { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(*) > 1) ORDER BY DESC(?c) } FILTER NOT EXISTS { ?s a <http://e/C> } }",
        "CLEAR ALL ; DROP SILENT GRAPH <http://e/g> ; CREATE GRAPH <http://e/h> ; ADD <http://e/a> TO <http://e/b> ; COPY DEFAULT TO <http://e/c> ; MOVE <http://e/c> TO <http://e/d>"
      })
  void plainSparql11UpdatesPass(String update) {
    assertEquals(Optional.empty(), refusal(update));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "LOAD <file:///etc/passwd>",
        "INSERT DATA { <http://e/s> <http://e/p> 1 } ; LOAD <http://e/x> INTO GRAPH <http://e/g>",
        "INSERT { ?s ?p ?o } WHERE { SERVICE <http://e/sparql> { ?s ?p ?o } }",
        "INSERT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://e/sparql> { ?s ?p ?o } } }",
        "INSERT { ?s ?p ?o } WHERE { ?s ?p ?o OPTIONAL { ?s ?q ?r FILTER(NOT EXISTS { ?r ?x ?y FILTER(<http://e/f>(?y)) }) } }",
        "INSERT { ?s <http://e/n> ?o } WHERE { { SELECT ?s (SAMPLE(<http://e/f>(?o)) AS ?x) { ?s ?p ?o } GROUP BY ?s } }",
        "INSERT { ?s <http://e/n> ?o } WHERE { ?s ?p ?o } ; DELETE { ?s ?p ?o } WHERE { { SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY <http://jena.apache.org/ARQ/function#wait>(1) } }",
        "DELETE WHERE { ?s <java:org.apache.jena.sparql.pfunction.library.splitIRI> ?o }",
        "INSERT { ?s <http://e/n> ?o } WHERE { BIND(<java:java.lang.System>(1) AS ?o) }"
      })
  void whatReachesOutsideOrRunsCodeIsRefused(String update) {
    assertTrue(refusal(update).isPresent(), update);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "LOAD <http://example.org/data.ttl>",
        "LOAD SILENT <http://example.org/data.ttl> INTO GRAPH <http://example.org/g>",
        "INSERT DATA { <a:s> <a:p> 1 } ; LOAD <file:///etc/passwd>",
        "INSERT { ?s ?p ?o } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(<http://jena.apache.org/ARQ/jsFunction#f>(?o)) }"
      })
  void updatesThatFetchOrRunCodeAreRefused(String text) {
    assertTrue(refusal(text).isPresent(), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT DATA { GRAPH <http://example.org/g> { <a:s> <a:p> 1 } }",
        "DELETE WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }",
        "CLEAR GRAPH <http://example.org/g>",
        "INSERT { GRAPH <http://example.org/g> { ?s ?p 2 } } WHERE { GRAPH <http://example.org/g> { ?s ?p 1 } }"
      })
  void ordinaryUpdatesPass(String text) {
    assertEquals(Optional.empty(), refusal(text), text);
  }

  @org.junit.jupiter.api.Test
  void oneAllowListGivesUpdatesOnlySparql11sOwnCasts() {
    var forUpdates =
        SparqlPolicy.ALLOWED_FUNCTIONS.entrySet().stream()
            .filter(e -> e.getValue().contains(SparqlPolicy.Path.UPDATE))
            .map(e -> e.getKey().replace("http://www.w3.org/2001/XMLSchema#", "xsd:"))
            .collect(java.util.stream.Collectors.toSet());
    assertEquals(
        java.util.Set.of(
            "xsd:boolean",
            "xsd:double",
            "xsd:float",
            "xsd:decimal",
            "xsd:integer",
            "xsd:dateTime",
            "xsd:string"),
        forUpdates);
    String upper = "<http://www.w3.org/2005/xpath-functions#upper-case>";
    assertTrue(
        refusal(
                "INSERT { ?s <http://e/p> ?u } WHERE { ?s ?p ?o BIND("
                    + upper
                    + "(STR(?o)) AS ?u) }")
            .isPresent());
    assertEquals(Optional.empty(), QueryPolicyTest.query("SELECT (" + upper + "('a') AS ?u) {}"));
  }
}
