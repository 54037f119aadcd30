package org.cmograph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.ExtractionValidator;
import org.cmograph.extraction.SourceLibrary;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/** The batched SHACL check finds exactly what Jena's SHACL engine finds, only faster. */
class StudyShapesTest {
  static final ReferenceData REFERENCE = ReferenceData.load(Repo.root().resolve("ontology"));
  static final StudyShapes FAST = new StudyShapes(REFERENCE.shapes());
  static final Shapes JENA = Shapes.parse(REFERENCE.shapes());

  static Graph bundled(String id) {
    Path file = Repo.data().resolve("studies").resolve(id + ".yaml");
    Extraction x =
        new ExtractionValidator(REFERENCE.concepts(), new SourceLibrary(null))
            .validateFile(file, new ArrayList<>())
            .orElseThrow();
    Graph copy = GraphFactory.createGraphMem();
    new StudyPipeline(REFERENCE, null, Repo.root())
        .convert(x)
        .graph()
        .find()
        .forEachRemaining(copy::add);
    return copy;
  }

  /** Focus node, value and severity of each result: what a user is told. */
  static Set<String> results(java.util.Collection<ReportEntry> entries) {
    Set<String> out = new TreeSet<>();
    for (ReportEntry e : entries) {
      out.add(e.focusNode() + " " + e.value() + " " + e.severity().level() + " " + e.message());
    }
    return out;
  }

  /**
   * Every SPARQL constraint of a study: the fromStudy check, the four aboutMechanism and concerns
   * checks and the quote target's source check ($this inside FILTER NOT EXISTS, bound by the
   * pattern before it).
   */
  @Test
  void theSparqlConstraintsRunOncePerGraph() {
    assertEquals(6, FAST.batchedConstraints());
  }

  @Test
  void aConformingStudyConformsForBoth() {
    Graph g = bundled("gillard-2014");
    assertEquals(List.of(), FAST.validate(g));
    assertTrue(ShaclValidator.get().validate(JENA, g).conforms());
  }

  @Test
  void brokenEvidenceGivesTheSameResultsAsJena() {
    // peer-2024: configurations with mechanisms, so every evidence constraint can be broken
    Graph g = bundled("peer-2024");
    Node fromStudy = NodeFactory.createURI(Vocab.NS + "fromStudy");
    Node aboutMechanism = NodeFactory.createURI(Vocab.NS + "aboutMechanism");
    Node concerns = NodeFactory.createURI(Vocab.NS + "concerns");
    List<Triple> from = g.find(Node.ANY, fromStudy, Node.ANY).toList();
    List<Triple> about = g.find(Node.ANY, aboutMechanism, Node.ANY).toList();
    assertTrue(from.size() >= 3, "evidence items in peer-2024");
    // each SPARQL constraint broken once: wrong study, wrong concept, a part of no CMOC
    g.delete(from.get(0));
    g.add(
        Triple.create(
            from.get(0).getSubject(), fromStudy, NodeFactory.createURI(Vocab.ID + "other-study")));
    g.delete(about.get(1));
    g.add(
        Triple.create(
            about.get(1).getSubject(),
            aboutMechanism,
            NodeFactory.createURI(Vocab.MECHANISM + "not-this-one")));
    g.add(
        Triple.create(
            from.get(2).getSubject(),
            concerns,
            NodeFactory.createURI(Vocab.ID + "peer-2024/context/elsewhere")));
    // bears on the mechanism but says no aboutMechanism; a quote target from another source
    g.delete(about.get(2));
    Node hasSource = NodeFactory.createURI("http://www.w3.org/ns/oa#hasSource");
    Triple source = g.find(Node.ANY, hasSource, Node.ANY).toList().get(0);
    g.delete(source);
    g.add(Triple.create(source.getSubject(), hasSource, NodeFactory.createURI("urn:x:other")));
    List<ReportEntry> fast = FAST.validate(g);
    var jena = ShaclValidator.get().validate(JENA, g).getEntries();
    assertTrue(fast.size() >= 5, "found: " + fast);
    assertEquals(results(jena), results(fast));
  }
}
