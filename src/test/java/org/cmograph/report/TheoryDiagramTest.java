package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The theory diagram draws what the programme theory says about each context and mechanism. */
class TheoryDiagramTest {
  static final EvidenceBase BASE = BundledSummaries.get().base();

  static TheoryDiagram diagram() {
    List<Section> theory = new ArrayList<>();
    BASE.theory().orElseThrow().cmocs().forEach(t -> theory.add(Section.theory(BASE, t)));
    return TheoryDiagram.of(theory);
  }

  @Test
  void eachContextEdgeCarriesTheRoleTheTheoryGivesThatLink() {
    TheoryDiagram d = diagram();
    int conditioning = 0;
    for (EvidenceBase.TheoryCmoc t : BASE.theory().orElseThrow().cmocs()) {
      for (EvidenceBase.Context c : t.contexts()) {
        TheoryDiagram.Edge e =
            d.edges().stream()
                .filter(x -> x.from().key().equals("c-" + c.id()))
                .filter(x -> x.to().key().equals("m-" + t.id()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + c.id() + " -> " + t.id()));
        assertEquals(c.role(), e.role(), t.id() + " / " + c.id());
        conditioning += e.conditioning() ? 1 : 0;
      }
    }
    assertTrue(conditioning > 0, "the bundled theory has a conditioning context");
    String svg = TheoryDiagramSvg.svg(d, id -> id);
    String mermaid = TheoryDiagramMermaid.mermaid(d);
    for (TheoryDiagram.Edge e : d.edges()) {
      if (e.conditioning()) {
        // neither enabling green nor blocking red, and said so in the legend
        assertTrue(svg.contains("<g class=\"edge conditioning\"><title>" + Text.html(e.tooltip())));
        assertTrue(mermaid.contains("linkStyle " + d.edges().indexOf(e) + " stroke:#616161"));
      }
    }
    assertTrue(svg.contains("dotted grey: a conditioning context"));
  }

  @Test
  void mechanismBoxesCanBeToldApartWhenTwoConfigurationsShareAConcept() {
    Set<String> titles = new HashSet<>();
    for (TheoryDiagram.Node n : diagram().nodes()) {
      if (n.kind().equals("mechanism")) {
        assertTrue(titles.add(n.title()), "two mechanism boxes titled " + n.title());
      }
    }
  }
}
