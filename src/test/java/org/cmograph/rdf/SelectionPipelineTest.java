package org.cmograph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.cmograph.extraction.ExtractionValidator;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SelectionLog;
import org.cmograph.extraction.SelectionValidator;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selection log from file to graph: the bundled log converts to a graph that conforms to
 * ontology/selection-shapes.ttl, and the shapes catch, on a graph that reached a store another way,
 * what the file checks catch (counts that do not add up, an exclusion without a reason).
 */
class SelectionPipelineTest {
  static final Path ONTOLOGY = Repo.root().resolve("ontology");
  static final Shapes SHAPES = Shapes.parse(SelectionPipeline.shapes(ONTOLOGY));

  static SelectionGraphBuilder.SelectionGraph madeUp() {
    List<Problem> problems = new ArrayList<>();
    Path dir = Repo.testResources().resolve("selection");
    SelectionLog log =
        new SelectionValidator()
            .validate(
                dir.resolve("valid/selection.yaml"),
                Set.of("alpha-2020", "beta-2021", "gamma-2022"),
                dir.resolve("sources"),
                problems)
            .orElseThrow();
    assertEquals(List.of(), problems);
    return new SelectionGraphBuilder(Vocab.ID).build(log);
  }

  static List<String> violations(Graph g) {
    ValidationReport report = ShaclValidator.get().validate(SHAPES, g);
    return report.getEntries().stream().map(ReportEntry::message).toList();
  }

  static Node id(String path) {
    return NodeFactory.createURI(Vocab.ID + path);
  }

  @Test
  void theBundledLogBecomesAConformingGraph() {
    SelectionPipeline.Result r =
        new SelectionPipeline(ONTOLOGY, null)
            .validate(List.of(Repo.data().resolve("selection.yaml")), List.of());
    assertEquals(List.of(), r.problems());
    Graph g = r.graph().orElseThrow().graph();
    assertEquals(SelectionVocab.GRAPH, r.graph().get().graphName());
    assertEquals(
        3, g.find(Node.ANY, Vocab.type, SelectionVocab.RecordIdentification).toList().size());
    assertEquals(20, g.find(Node.ANY, Vocab.type, SelectionVocab.Inclusion).toList().size());
    assertEquals(0, g.find(Node.ANY, Vocab.type, SelectionVocab.ScreeningStage).toList().size());
    assertEquals(
        3,
        g.find(Node.ANY, SelectionVocab.identificationMethod, SelectionVocab.method("supplied"))
            .toList()
            .size(),
        "every bundled source was supplied; none was searched for by this project");
    Node citing = id("selection/bundled-peer-support-sources/included/citing-statements");
    assertTrue(g.contains(citing, SelectionVocab.includedReport, id("citing-statements")));
    assertTrue(
        g.contains(
            citing,
            SelectionVocab.recordsCovered,
            NodeFactory.createLiteralDT("4", XSDDatatype.XSDpositiveInteger)));
    assertEquals(List.of(), violations(g));
  }

  @Test
  void theMadeUpLogConformsAndChainsItsStagesWithProv() {
    Graph g = madeUp().graph();
    assertEquals(List.of(), violations(g));
    Node stage1 = id("selection/made-up-review/stage/1");
    Node stage2 = id("selection/made-up-review/stage/2");
    assertTrue(g.contains(stage2, SelectionVocab.wasInformedBy, stage1));
    assertTrue(
        g.contains(
            stage1,
            SelectionVocab.wasInformedBy,
            id("selection/made-up-review/identification/medline")));
    assertEquals(4, g.find(Node.ANY, Vocab.type, SelectionVocab.Exclusion).toList().size());
  }

  @Test
  void theShapesCatchCountsThatDoNotAddUp() {
    Graph g = madeUp().graph();
    Node exclusion = id("selection/made-up-review/stage/2/exclusion/2");
    g.remove(exclusion, SelectionVocab.recordsExcluded, Node.ANY);
    g.add(
        Triple.create(
            exclusion,
            SelectionVocab.recordsExcluded,
            NodeFactory.createLiteralDT("4", XSDDatatype.XSDnonNegativeInteger)));
    assertEquals(
        List.of(
            "The counts do not add up: the included reports cover 3 records, but 4 remain after duplicates, exclusions and reports not retrieved."),
        violations(g));
  }

  @Test
  void theShapesCatchAnExclusionWithoutAReason() {
    Graph g = madeUp().graph();
    g.remove(
        id("selection/made-up-review/stage/1/exclusion/1"),
        SelectionVocab.exclusionReason,
        Node.ANY);
    assertEquals(
        List.of("An exclusion needs its reason (one cmo:exclusionReason)."), violations(g));
  }

  @Test
  void aSecondLogIsRefusedAndStudyFoldersSkipLogs(@TempDir Path tmp) throws IOException {
    Files.copy(Repo.data().resolve("selection.yaml"), tmp.resolve("selection.yaml"));
    Files.copy(Repo.data().resolve("selection.yaml"), tmp.resolve("selection.json"));
    SelectionPipeline.Result r =
        new SelectionPipeline(ONTOLOGY, null).validate(List.of(tmp), List.of());
    assertTrue(
        r.problems().stream()
            .anyMatch(
                p ->
                    p.code().equals("MULTIPLE-SELECTION-LOGS")
                        && p.file().endsWith("selection.yaml")),
        r.problems().toString());
    assertTrue(r.graph().isEmpty());
    assertEquals(
        List.of(),
        ExtractionValidator.expand(List.of(tmp), new ArrayList<>()),
        "a log is not read as a study");
  }

  @Test
  void aFolderWithoutALogIsFine(@TempDir Path tmp) {
    SelectionPipeline.Result r =
        new SelectionPipeline(ONTOLOGY, null).validate(List.of(tmp), List.of());
    assertEquals(SelectionPipeline.Result.NONE, r);
    assertFalse(r.hasErrors());
  }
}
