package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.SelectionGraphBuilder;
import org.cmograph.rdf.SelectionPipelineTestAccess;
import org.cmograph.rdf.Vocab;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.Test;

/**
 * The counts of the flow diagram, read back from a store: for the bundled log (24 supplied records,
 * 1 duplicate, no screening recorded, 23 records in 20 reports from 19 studies) and for a made-up
 * log with searches, two screening stages and a report that restates another.
 */
class FlowDiagramTest {

  static String boxText(FlowDiagram d, String key) {
    FlowDiagram.Box b =
        d.boxes().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
    return b.title() + (b.lines().isEmpty() ? "" : " / " + String.join(" / ", b.lines()));
  }

  @Test
  void theBundledLogIsDrawnWithTheCountsOfTheSourceFiles() {
    SelectionFlow flow = BundledSummaries.get().selection().orElseThrow();
    assertEquals(24, flow.identified());
    assertEquals(0, flow.searchRecords(), "the project searched no database or register");
    assertEquals(24, flow.otherRecords());
    assertEquals(1, flow.duplicatesRemoved());
    assertEquals(List.of(), flow.stages());
    assertEquals(23, flow.includedRecords());
    assertEquals(20, flow.included().size());
    assertEquals(19, flow.studies());
    FlowDiagram d = FlowDiagram.of(flow);
    assertEquals(
        "Databases and registers (n = 0) / No database or register search recorded.",
        boxText(d, "searches"));
    assertEquals("Records identified (n = 24)", boxText(d, "identified"));
    assertTrue(
        boxText(d, "duplicates").startsWith("Duplicates removed (n = 1) / Item 3 of"),
        boxText(d, "duplicates"));
    assertEquals(
        "Included (n = 23 records) / 20 reports (extraction files) / 19 studies (reports of one study count once)",
        boxText(d, "included"));
    assertEquals(
        "24 records identified (0 from databases and registers, 24 by other methods) → 1 duplicate removed"
            + " → no screening stage recorded → 23 records included, in 20 reports from 19 studies.",
        d.summary());
    SelectionFlow.Report citing =
        flow.included().stream()
            .filter(r -> r.id().equals("citing-statements"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("citing-statements", "gillard-2014"), citing.sameStudy());
    assertEquals(4, citing.records());
    assertTrue(flow.included().stream().allMatch(SelectionFlow.Report::loaded));
  }

  @Test
  void aMadeUpLogIsDrawnBoxByBox() {
    SelectionGraphBuilder.SelectionGraph g = SelectionPipelineTestAccess.madeUp();
    try (CmoStore store = CmoStore.inMemory()) {
      DatasetGraph ds = store.dataset();
      Txn.executeWrite(
          ds,
          () -> {
            g.graph()
                .find()
                .forEachRemaining(
                    t -> ds.add(g.graphName(), t.getSubject(), t.getPredicate(), t.getObject()));
            Node gamma = NodeFactory.createURI(Vocab.ID + "gamma-2022");
            ds.add(
                Iris.studyGraph("gamma-2022"),
                gamma,
                Vocab.restates,
                NodeFactory.createURI(Vocab.ID + "alpha-2020"));
          });
      SelectionFlow flow = new SelectionReader(ds).read().orElseThrow();
      assertEquals(144, flow.identified());
      assertEquals(135, flow.searchRecords());
      assertEquals(9, flow.otherRecords());
      assertEquals(2, flow.stages().size());
      assertEquals(
          List.of("alpha-2020", "beta-2021", "gamma-2022"),
          flow.included().stream().map(SelectionFlow.Report::id).toList());
      assertEquals(2, flow.studies(), "gamma-2022 restates alpha-2020");
      FlowDiagram d = FlowDiagram.of(flow);
      assertEquals(
          List.of(
              "searches",
              "other-methods",
              "identified",
              "duplicates",
              "screened-1",
              "excluded-1",
              "sought-2",
              "not-retrieved-2",
              "screened-2",
              "excluded-2",
              "included"),
          d.boxes().stream().map(FlowDiagram.Box::key).toList());
      assertEquals(
          "Excluded (n = 90) / not about peer support (n = 70) / not about mental health services (n = 20)",
          boxText(d, "excluded-1"));
      assertEquals("Reports sought for retrieval (n = 30)", boxText(d, "sought-2"));
      assertEquals("Reports not retrieved (n = 2)", boxText(d, "not-retrieved-2"));
      assertEquals("Screened: full texts (n = 28)", boxText(d, "screened-2"));
      assertEquals(
          "Included (n = 3 records) / 3 reports (extraction files) / 2 studies (reports of one study count once)",
          boxText(d, "included"));
      assertEquals(
          "144 records identified (135 from databases and registers, 9 by other methods) → 24 duplicates removed"
              + " → 120 screened (titles and abstracts), 90 excluded → 2 not retrieved"
              + " → 28 screened (full texts), 25 excluded → 3 records included, in 3 reports from 2 studies.",
          d.summary());
      String svg = d.svg();
      assertEquals(11, svg.split("<g class=\"box").length - 1);
      assertTrue(svg.contains(">Screened: titles and abstracts (n = 120)</text>"), svg);
      String md = new MarkdownFormat(s -> null).write(List.of(SelectionSection.table(flow)));
      assertTrue(
          md.indexOf("(medline)") < md.indexOf("(trial-register)")
              && md.indexOf("(trial-register)") < md.indexOf("(citations)"),
          md);
      assertTrue(
          md.contains(
              "| Excluded at full texts | 25 | no data on how peer support works (20); conference abstract only (5) |"),
          md);
      assertTrue(md.contains("| Reports not retrieved | 2 |  |"), md);
      assertTrue(
          md.contains("| Included studies | 2 | One study each: alpha-2020 and gamma-2022. |"), md);
      assertTrue(
          md.contains(
              "| Identified: MEDLINE (Ovid) (medline) | 120 | Database search. Date: 2026-10-01. Strategy: (peer support OR peer worker\\*) AND mental health. |"),
          md);
    }
  }
}
