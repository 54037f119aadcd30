package org.cmograph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The inferences computed at load: class and property hierarchy, and the concept roll-up. */
class EntailmentTest {
  static final String PREFIXES =
      """
      @prefix cmo:  <https://w3id.org/cmograph/ontology#> .
      @prefix mech: <https://w3id.org/cmograph/mechanism/> .
      @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      @prefix ex:   <http://example.org/> .
      """;

  static Graph turtle(String text) {
    Graph g = GraphFactory.createGraphMem();
    RDFParser.fromString(PREFIXES + text, Lang.TURTLE).parse(g);
    return g;
  }

  static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  static final Graph ONTOLOGY =
      turtle(
          """
          ex:B rdfs:subClassOf ex:A .
          ex:C rdfs:subClassOf ex:B .
          ex:narrowProperty rdfs:subPropertyOf ex:wideProperty .
          ex:wideProperty rdfs:subPropertyOf ex:widestProperty .
          """);

  static final Graph CATALOGUE =
      turtle(
          """
          mech:top a cmo:MechanismConcept .
          mech:middle skos:broader mech:top .
          mech:leaf skos:broader mech:middle .
          mech:other a cmo:MechanismConcept .
          """);

  final Entailment entailment = new Entailment(ONTOLOGY, CATALOGUE);

  @Test
  void typesClimbTheWholeClassHierarchy() {
    Graph inferred = entailment.infer(turtle("ex:x a ex:C ."));
    assertTrue(
        inferred.contains(uri("http://example.org/x"), Vocab.type, uri("http://example.org/B")));
    assertTrue(
        inferred.contains(uri("http://example.org/x"), Vocab.type, uri("http://example.org/A")));
    assertEquals(2, inferred.size());
  }

  @Test
  void statementsClimbThePropertyHierarchy() {
    Graph inferred = entailment.infer(turtle("ex:x ex:narrowProperty ex:y ."));
    Set<String> predicates =
        inferred.find().toList().stream()
            .map(t -> t.getPredicate().getLocalName())
            .collect(Collectors.toSet());
    assertEquals(Set.of("wideProperty", "widestProperty"), predicates);
  }

  @Test
  void aFindingCountsForItsConceptAndEveryBroaderOne() {
    Graph inferred =
        entailment.infer(
            turtle(
                "ex:e cmo:aboutMechanism mech:leaf ; cmo:evidenceKind cmo:evidence-kind-finding ."));
    Set<String> concepts =
        inferred
            .find(uri("http://example.org/e"), Entailment.COUNTS_FOR_MECHANISM, Node.ANY)
            .toList()
            .stream()
            .map(t -> t.getObject().getURI().substring(Vocab.MECHANISM.length()))
            .collect(Collectors.toSet());
    assertEquals(Set.of("leaf", "middle", "top"), concepts);
  }

  @Test
  void otherKindsOfEvidenceNeverCount() {
    for (String kind : java.util.List.of("method", "background", "recommendation", "hypothesis")) {
      Graph inferred =
          entailment.infer(
              turtle(
                  "ex:e cmo:aboutMechanism mech:leaf ; cmo:evidenceKind cmo:evidence-kind-"
                      + kind
                      + " ."));
      assertFalse(inferred.contains(Node.ANY, Entailment.COUNTS_FOR_MECHANISM, Node.ANY), kind);
    }
  }

  @Test
  void nothingAlreadyStatedIsRepeated() {
    Graph study = turtle("ex:x a ex:C , ex:B .");
    Graph inferred = entailment.infer(study);
    assertFalse(
        inferred.contains(
            Triple.create(uri("http://example.org/x"), Vocab.type, uri("http://example.org/B"))));
    assertEquals(1, inferred.size());
  }

  @Test
  void cyclesInTheCatalogueDoNotLoop() {
    Graph cyclic = turtle("mech:a skos:broader mech:b . mech:b skos:broader mech:a .");
    Graph inferred =
        new Entailment(GraphFactory.createGraphMem(), cyclic)
            .infer(
                turtle(
                    "ex:e cmo:aboutMechanism mech:a ; cmo:evidenceKind cmo:evidence-kind-finding ."));
    assertEquals(2, inferred.size());
  }

  @Test
  void aStudyDigestCountsTheStudysConfigurationsAndFindings() {
    Graph study =
        turtle(
            """
            ex:s a cmo:Study ; cmo:reportsCMOC ex:c1 , ex:c2 .
            ex:f1 cmo:fromStudy ex:s ; cmo:evidenceKind cmo:evidence-kind-finding .
            ex:f2 cmo:fromStudy ex:s ; cmo:evidenceKind cmo:evidence-kind-finding .
            ex:b cmo:fromStudy ex:s ; cmo:evidenceKind cmo:evidence-kind-background .
            ex:elsewhere cmo:fromStudy ex:t ; cmo:evidenceKind cmo:evidence-kind-finding .
            ex:t cmo:reportsCMOC ex:c3 .
            """);
    Graph inferred = entailment.infer(study);
    Node digest = uri("http://example.org/s/digest");
    assertTrue(inferred.contains(digest, Vocab.type, Vocab.StudyDigest));
    assertTrue(inferred.contains(digest, Vocab.studyDigestOf, uri("http://example.org/s")));
    // By the links, not by the graph: ex:t is not typed a study here, and its finding and
    // configuration are not ex:s's; background is not a finding.
    assertEquals("2", count(inferred, digest, Vocab.configurationCount));
    assertEquals("2", count(inferred, digest, Vocab.studyFindingCount));
    assertEquals(4, inferred.size());
  }

  @Test
  void aStudyWithNothingToCountStillHasItsDigest() {
    Graph inferred = entailment.infer(turtle("ex:s a cmo:Study ."));
    Node digest = uri("http://example.org/s/digest");
    assertEquals("0", count(inferred, digest, Vocab.configurationCount));
    assertEquals("0", count(inferred, digest, Vocab.studyFindingCount));
  }

  private static String count(Graph g, Node digest, Node property) {
    Node n = g.find(digest, property, Node.ANY).next().getObject();
    assertEquals(
        "http://www.w3.org/2001/XMLSchema#integer", n.getLiteralDatatypeURI(), property.getURI());
    return n.getLiteralLexicalForm();
  }

  @Test
  void inferredGraphNamesAreTheirOwnAndMapBackToTheStudy() {
    Node g = Entailment.graphOf("gillard-2014");
    assertEquals("https://w3id.org/cmograph/graph/inferred/gillard-2014", g.getURI());
    assertEquals("gillard-2014", Entailment.studyOfGraph(g));
    assertEquals(null, Iris.studyOfGraph(g));
  }
}
