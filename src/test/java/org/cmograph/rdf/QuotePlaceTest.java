package org.cmograph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.sources.SourceRegistry;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a quote stands, computed from its source's map: the page and section go into the graph
 * (cmo:page, cmo:section), a left-out location is filled from the section, and a typed location or
 * page that names another place is a warning showing both.
 */
class QuotePlaceTest {
  static ReferenceData reference;

  @BeforeAll
  static void load() {
    reference = ReferenceData.load(Repo.root().resolve("ontology"));
  }

  /** The bundled gillard-2014 study, its source registered with the given text and map. */
  static Path workspace(Path tmp, String study, Path text, Path map) throws IOException {
    Path studies = Files.createDirectories(tmp.resolve("data/studies"));
    Path sources = Files.createDirectories(tmp.resolve("data/sources"));
    Files.copy(text, sources.resolve("gillard-2014-change-model.txt"));
    Files.copy(map, sources.resolve("gillard-2014-change-model.map.json"));
    return Files.writeString(studies.resolve("gillard-2014.yaml"), study);
  }

  static String bundledStudy() throws IOException {
    return Files.readString(Repo.data().resolve("studies/gillard-2014.yaml"));
  }

  @Test
  void pagesAndSectionsOfAPdfRegisteredSourceGoIntoTheGraph(@TempDir Path tmp) throws IOException {
    Path dir = Repo.testResources().resolve("extraction/matching");
    Path file =
        workspace(
            tmp, bundledStudy(), dir.resolve("registered.txt"), dir.resolve("registered.map.json"));
    StudyPipeline pipeline = new StudyPipeline(reference, null, tmp);
    StudyPipeline.Checked c = pipeline.check(file);
    assertEquals(List.of(), c.problems());
    Graph g = c.graph().graph();
    // "Key change mechanisms were: ..." stands on page 3 of the registered PDF, in its Results.
    Node item =
        NodeFactory.createURI("https://w3id.org/cmograph/id/gillard-2014/evidence/mechanism-i");
    assertEquals("3", object(g, item, Vocab.page).getLiteralLexicalForm());
    assertEquals("Results", object(g, item, Vocab.section).getLiteralLexicalForm());
    assertEquals(
        "Abstract, Results",
        object(g, item, Vocab.location).getLiteralLexicalForm(),
        "a typed location is kept");
    Node setting =
        NodeFactory.createURI(
            "https://w3id.org/cmograph/id/gillard-2014/evidence/setting-and-sample");
    assertEquals(
        "1",
        object(g, setting, Vocab.page).getLiteralLexicalForm(),
        "a quote that crosses to page 2 has the page it starts on");
  }

  @Test
  void aLeftOutLocationIsComputedAndAWrongOneIsAWarning(@TempDir Path tmp) throws Exception {
    Path reg = tmp.resolve("reg");
    SourceRegistry.Registered r =
        new SourceRegistry(reg)
            .register(Repo.root().resolve("examples/gillard-2014-change-model.nxml"), "g", false);
    String study =
        bundledStudy()
            .replaceFirst(
                "(quote: \"Key change mechanisms were: [^\\n]*\\n)    location: Abstract, Results\\n",
                "$1")
            .replaceFirst(
                "(quote: \"\\(ii\\) role-modelling [^\\n]*\\n    location: )Abstract, Results",
                "$1Abstract, Methods");
    Path file = workspace(tmp.resolve("ws"), study, r.text(), r.map());
    StudyPipeline.Checked c = new StudyPipeline(reference, null, tmp).check(file);
    assertEquals(1, c.problems().size(), c.problems().toString());
    Problem p = c.problems().get(0);
    assertEquals("LOCATION-DISAGREES", p.code());
    assertTrue(!p.isError(), "a warning");
    assertEquals(
        "evidence 'mechanism-ii' is located as 'Abstract, Methods', but its quote stands in"
            + " 'Abstract, Results' of gillard-2014-change-model.txt; correct the location, or leave"
            + " it out and the computed one is used",
        p.message());
    Node item =
        NodeFactory.createURI("https://w3id.org/cmograph/id/gillard-2014/evidence/mechanism-i");
    assertEquals(
        "Abstract, Results",
        object(c.graph().graph(), item, Vocab.location).getLiteralLexicalForm());
    assertEquals(null, object(c.graph().graph(), item, Vocab.page), "JATS has no pages");
  }

  @Test
  void aLeftOutLocationWithoutAMapIsAnError(@TempDir Path tmp) throws IOException {
    Path studies = Files.createDirectories(tmp.resolve("data/studies"));
    Path sources = Files.createDirectories(tmp.resolve("data/sources"));
    Files.copy(
        Repo.data().resolve("sources/gillard-2014-change-model.txt"),
        sources.resolve("gillard-2014-change-model.txt"));
    Path file =
        Files.writeString(
            studies.resolve("gillard-2014.yaml"),
            bundledStudy()
                .replaceFirst(
                    "(quote: \"Key change mechanisms were: [^\\n]*\\n)    location: Abstract, Results\\n",
                    "$1"));
    StudyPipeline.Checked c = new StudyPipeline(reference, null, tmp).check(file);
    assertEquals(1, c.problems().size(), c.problems().toString());
    assertEquals("LOCATION-MISSING", c.problems().get(0).code());
    assertEquals(
        "evidence 'mechanism-i' has no location, and gillard-2014-change-model.txt has no section"
            + " map to compute it from (register the source with cmograph source add); give location",
        c.problems().get(0).message());
  }

  private static Node object(Graph g, Node s, Node p) {
    List<Triple> t = g.find(s, p, Node.ANY).toList();
    return t.isEmpty() ? null : t.get(0).getObject();
  }
}
