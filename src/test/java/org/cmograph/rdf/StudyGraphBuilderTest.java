package org.cmograph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.store.Exporter;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden pairs: each extraction/valid/NAME.yaml converts to a graph isomorphic to rdf/NAME.ttl. Run
 * with -Dsnapshots.update=true to rewrite the .ttl after an intended change.
 */
class StudyGraphBuilderTest {
  static final Path RES = Repo.testResources();

  static StudyPipeline pipeline() {
    return new StudyPipeline(
        ReferenceData.load(Repo.root().resolve("ontology")),
        RES.resolve("extraction/sources"),
        RES);
  }

  static Stream<String> valid() throws IOException {
    try (Stream<Path> files = Files.list(RES.resolve("extraction/valid"))) {
      return files
          .map(p -> p.getFileName().toString().replace(".yaml", ""))
          .sorted()
          .toList()
          .stream();
    }
  }

  static StudyGraphBuilder.StudyGraph convert(String name) {
    StudyPipeline pipeline = pipeline();
    StudyPipeline.Result r =
        pipeline.validate(List.of(RES.resolve("extraction/valid/" + name + ".yaml")));
    assertEquals(List.of(), r.problems());
    return pipeline.convert(r.valid().get(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void convertsToTheGoldenGraph(String name) throws IOException {
    Graph actual = convert(name).graph();
    Path golden = RES.resolve("rdf/" + name + ".ttl");
    if (Snapshots.updating()) {
      StringWriter out = new StringWriter();
      actual.getPrefixMapping().setNsPrefixes(Exporter.prefixes());
      RDFDataMgr.write(out, actual, RDFFormat.TURTLE_PRETTY);
      Files.writeString(golden, out.toString());
    }
    Graph expected = GraphFactory.createGraphMem();
    RDFParser.source(golden).parse(expected);
    assertTrue(
        expected.isIsomorphicWith(actual),
        "graph differs from " + golden + "; actual:\n" + turtle(actual));
  }

  @Test
  void conversionIsDeterministic() {
    assertTrue(convert("minimal").graph().isIsomorphicWith(convert("minimal").graph()));
  }

  @Test
  void namesEveryThingAQueryNeedsWithAnIriNotABlankNode() {
    Graph g = convert("minimal").graph();
    g.find()
        .forEachRemaining(
            t -> {
              assertFalse(t.getSubject().isBlank(), t.toString());
              assertFalse(t.getObject().isBlank(), t.toString());
            });
  }

  @Test
  void evidenceLinksStraightToItsCatalogueConcept() {
    Graph g = convert("minimal").graph();
    Node e1 = new Iris().evidence("minimal", "e1");
    assertTrue(g.contains(e1, Vocab.aboutMechanism, Iris.concept("trusting-relationship")));
  }

  private static String turtle(Graph g) {
    StringWriter out = new StringWriter();
    RDFDataMgr.write(out, g, RDFFormat.TURTLE_PRETTY);
    return out.toString();
  }
}
