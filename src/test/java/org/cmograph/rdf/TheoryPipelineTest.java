package org.cmograph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.cmograph.extraction.Problem;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/** The programme theory from file to conforming graph, and the studies' links to it. */
class TheoryPipelineTest {
  static final ReferenceData REFERENCE = ReferenceData.load(Repo.root().resolve("ontology"));
  static final Path THEORY = Repo.testResources().resolve("theory");

  static long count(Graph g, Node p, Node o) {
    return g.find(Node.ANY, p, o).toList().size();
  }

  @Test
  void minimalTheoryBecomesItsOwnConformingGraph() {
    StudyPipeline studies =
        new StudyPipeline(
            REFERENCE, Repo.testResources().resolve("extraction/sources"), Repo.root());
    var valid =
        studies
            .validate(List.of(Repo.testResources().resolve("extraction/valid/minimal.yaml")))
            .valid();
    TheoryPipeline.Result r =
        new TheoryPipeline(REFERENCE, Repo.root().resolve("ontology"))
            .validate(List.of(THEORY.resolve("valid")), valid);
    assertEquals(List.of(), r.problems());
    TheoryGraphBuilder.TheoryGraph g = r.graph().orElseThrow();
    assertEquals(Iris.THEORY_GRAPH, g.graphName());
    assertEquals("https://w3id.org/cmograph/graph/theory", g.graphName().getURI());
    assertEquals(1, count(g.graph(), Vocab.type, Vocab.ProgrammeTheory));
    assertEquals(2, count(g.graph(), Vocab.type, Vocab.TheoryVersion));
    assertEquals(4, count(g.graph(), Vocab.type, Vocab.TheoryCMOC));
    assertEquals(1, count(g.graph(), Vocab.type, Vocab.ConfidenceAssessment));
    // The shared context is one node, used by three theory CMOCs.
    assertEquals(1, count(g.graph(), Vocab.type, Vocab.Context));
    assertEquals(
        3, count(g.graph(), Vocab.hasContext, new Iris().theoryContext("peer-initiatives")));
    Iris iris = new Iris();
    Node change = iris.theoryChange("trust-connected", 1);
    assertTrue(g.graph().contains(iris.theoryCmoc("trust-connected"), Vocab.hasChange, change));
    assertTrue(g.graph().contains(change, Vocab.changeKind, Vocab.value("change", "refined")));
    assertTrue(g.graph().contains(change, Vocab.revises, iris.theoryCmoc("trust")));
    assertTrue(
        g.graph()
            .contains(change, Vocab.inVersion, iris.theoryVersion("minimal-theory", "refined")));
    assertTrue(g.graph().contains(change, Vocab.promptedBy, iris.evidence("minimal", "e1")));
    assertTrue(
        g.graph()
            .contains(
                iris.theoryChange("bridging", 2), Vocab.promptedBy, iris.cmoc("minimal", "trust")));
    assertTrue(
        g.graph()
            .contains(iris.theoryCmoc("trust-connected"), Vocab.rivalOf, iris.theoryCmoc("hope")));
    assertTrue(
        g.graph()
            .contains(
                iris.theoryCmoc("trust-connected"),
                Vocab.drawsOn,
                iris.substantiveTheory("trust-connected", 1)));
    assertTrue(
        g.graph()
            .contains(
                iris.theoryVersion("minimal-theory", "refined"),
                Vocab.wasRevisionOf,
                iris.theoryVersion("minimal-theory", "initial")));
    assertEquals(
        0, g.graph().find(Node.ANY, Vocab.cmo("overrideConfidence"), Node.ANY).toList().size());
  }

  @Test
  void aStudyLinkToAMissingTheoryCmocIsPlacedAtTheLink() {
    StudyPipeline studies =
        new StudyPipeline(
            REFERENCE, Repo.testResources().resolve("extraction/sources"), Repo.root());
    var result = studies.validate(List.of(THEORY.resolve("links/minimal.yaml")));
    assertEquals(List.of(), result.problems());
    TheoryPipeline.Result r =
        new TheoryPipeline(REFERENCE, Repo.root().resolve("ontology"))
            .validate(List.of(THEORY.resolve("valid/programme-theory.yaml")), result.valid());
    assertEquals(1, r.problems().size(), r.problems().toString());
    Problem p = r.problems().get(0);
    assertEquals("UNKNOWN-THEORY-CMOC", p.code());
    assertEquals(THEORY.resolve("links/minimal.yaml"), p.file());
    assertEquals(57, p.line());
    assertEquals(22, p.column());
    assertEquals(
        "theory_links names 'trsut', which the programme theory does not define; did you mean 'trust'?",
        p.message());
    assertTrue(r.graph().isEmpty(), "nothing to load while a link dangles");
  }

  @Test
  void twoTheoriesAreRefused() {
    TheoryPipeline.Result r =
        new TheoryPipeline(REFERENCE, Repo.root().resolve("ontology"))
            .validate(
                List.of(
                    THEORY.resolve("valid/programme-theory.yaml"),
                    Repo.data().resolve("programme-theory.yaml")),
                List.of());
    assertTrue(r.problems().stream().anyMatch(p -> p.code().equals("MULTIPLE-THEORIES")));
    assertTrue(r.graph().isEmpty());
  }

  @Test
  void theBundledTheoryWithTheBundledStudiesConforms() {
    StudyPipeline studies =
        new StudyPipeline(REFERENCE, Repo.data().resolve("sources"), Repo.root());
    var valid = studies.validate(List.of(Repo.data().resolve("studies"))).valid();
    TheoryPipeline.Result r =
        new TheoryPipeline(REFERENCE, Repo.root().resolve("ontology"))
            .validate(List.of(Repo.data().resolve("programme-theory.yaml")), valid);
    assertEquals(List.of(), r.problems().stream().filter(Problem::isError).toList());
    Graph g = r.graph().orElseThrow().graph();
    Iris iris = new Iris();
    // The refined trust configuration replaces Gillard et al. 2014's, prompted by PEER 2024's theme
    // 1.
    Node change = iris.theoryChange("trust-through-shared-experience", 1);
    assertTrue(
        g.contains(change, Vocab.revises, iris.theoryCmoc("trust-through-shared-experience-2014")));
    assertTrue(
        g.contains(change, Vocab.promptedBy, iris.evidence("peer-2024", "theme-1-connectedness")));
    assertEquals(11, count(g, Vocab.type, Vocab.TheoryCMOC));
  }

  @Test
  void aStudyLinkIsQualifiedWithItsStanceAndRationaleBesideTheDirectTriple() {
    StudyPipeline studies =
        new StudyPipeline(
            REFERENCE, Repo.testResources().resolve("extraction/sources"), Repo.root());
    var x = studies.validate(List.of(THEORY.resolve("links/minimal.yaml"))).valid().get(0);
    Graph g = studies.convert(x).graph();
    Iris iris = new Iris();
    Node cmoc = iris.cmoc("minimal", "trust");
    Node link = iris.theoryLink("minimal", "trust", "trust");
    assertTrue(
        g.contains(cmoc, Vocab.supportsTheory, iris.theoryCmoc("trust")),
        "the direct triple queries use");
    assertTrue(g.contains(cmoc, Vocab.hasTheoryLink, link));
    assertTrue(g.contains(link, Vocab.linkedTheoryCMOC, iris.theoryCmoc("trust")));
    assertTrue(g.contains(link, Vocab.linkStance, Vocab.value("stance", "supports")));
    assertEquals(
        "e1 finds the trust the theory configuration states.",
        g.find(link, Vocab.rationale, Node.ANY).next().getObject().getLiteralLexicalForm());
  }
}
