package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cmograph.query.BundledData;
import org.cmograph.query.QueryResult;
import org.cmograph.query.QueryRunner;
import org.junit.jupiter.api.Test;

/**
 * One rule decides which evidence belongs to a mechanism (docs/summaries.md): for every concept of
 * the bundled data, the catalogue queries, the mechanism page, the evidence matrix and the numbers
 * the page prints name the same findings; for every theory configuration, the section, its numbers
 * and the diagram's links agree.
 */
class OneCountingRuleTest {
  static final Summaries SUMMARIES = BundledSummaries.get();

  static List<List<String>> run(String name, Map<String, String> params) {
    QueryResult result =
        new QueryRunner()
            .run(BundledData.catalogue().require(name).bind(params), BundledData.store().dataset());
    return org.cmograph.query.ResultTable.cells((QueryResult.Rows) result);
  }

  static Set<String> keys(List<Cerqual.Weighted> items) {
    Set<String> out = new TreeSet<>();
    items.forEach(w -> out.add(w.item().key()));
    return out;
  }

  @Test
  void everyMechanismHasTheSameFindingsInTheQueryThePageAndTheMatrix() {
    EvidenceBase base = SUMMARIES.base();
    EvidenceMatrix matrix = EvidenceMatrix.of(base);
    List<List<String>> counts = run("mechanisms", Map.of());
    int idColumn = counts.get(0).indexOf("mechanism");
    int evidenceColumn = counts.get(0).indexOf("evidence");
    int checked = 0;
    int withEvidence = 0;
    for (String concept : base.conceptsInUse()) {
      Section page = Section.mechanism(base, concept);
      Set<String> onPage = keys(page.items());
      // the catalogue query that lists the evidence
      Set<String> queried = new TreeSet<>();
      List<List<String>> rows = run("evidence-for-mechanism", Map.of("mechanism", concept));
      int study = rows.get(0).indexOf("study");
      int item = rows.get(0).indexOf("evidence");
      rows.subList(1, rows.size()).forEach(r -> queried.add(r.get(study) + "/" + r.get(item)));
      assertEquals(queried, onPage, concept + ": evidence-for-mechanism vs the page");
      // the catalogue query that counts it
      String counted =
          counts.subList(1, counts.size()).stream()
              .filter(r -> r.get(idColumn).equals(concept))
              .map(r -> r.get(evidenceColumn))
              .findFirst()
              .orElseThrow();
      assertEquals(
          String.valueOf(onPage.size()), counted, concept + ": mechanisms query vs the page");
      // the matrix row
      int row = matrix.concepts().stream().map(EvidenceBase.Concept::id).toList().indexOf(concept);
      Set<String> inMatrix = new TreeSet<>();
      for (EvidenceMatrix.Cell cell : matrix.cells()[row]) {
        inMatrix.addAll(cell.evidence());
        assertEquals(
            cell.supports() + cell.refines() + cell.refutes(), cell.evidence().size(), concept);
      }
      assertEquals(onPage, inMatrix, concept + ": the matrix vs the page");
      // only findings, each of which bears on the mechanism
      page.items()
          .forEach(
              w -> {
                assertTrue(w.item().isFinding(), w.item().key());
                assertTrue(w.item().countsForMechanism(), w.item().key());
              });
      checked++;
      withEvidence += onPage.isEmpty() ? 0 : 1;
    }
    assertTrue(checked >= 15, "concepts checked: " + checked);
    assertTrue(withEvidence >= 5, "concepts with evidence: " + withEvidence);
  }

  @Test
  void aFindingOnlyAboutAContextDoesNotCountForTheMechanism() {
    EvidenceBase base = SUMMARIES.base();
    // abstract-9's findings are about its contexts (ownership, mandate), not about bridging
    List<EvidenceBase.Evidence> contextOnly =
        base.evidence().stream()
            .filter(e -> e.isFinding() && e.concept() != null && !e.about().isEmpty())
            .filter(
                e ->
                    e.about().stream()
                        .allMatch(
                            a ->
                                a.equals("context")
                                    || a.equals("outcome")
                                    || a.equals("context-outcome")))
            .toList();
    assertFalse(
        contextOnly.isEmpty(), "the bundled data has findings only about contexts or outcomes");
    for (EvidenceBase.Evidence e : contextOnly) {
      assertFalse(e.countsForMechanism(), e.key());
      assertFalse(keys(Section.mechanism(base, e.concept()).items()).contains(e.key()), e.key());
    }
  }

  @Test
  void everyTheoryConfigurationAgreesWithItsDiagramAndItsLinkedFindings() {
    EvidenceBase base = SUMMARIES.base();
    List<Section> theory = new ArrayList<>();
    base.theory().orElseThrow().cmocs().forEach(t -> theory.add(Section.theory(base, t)));
    TheoryDiagram diagram = TheoryDiagram.of(theory);
    for (Section s : theory) {
      Set<String> linked = new TreeSet<>();
      for (EvidenceBase.StudyCmoc c : base.cmocs()) {
        if (c.theoryLinks().containsKey(s.id())) {
          base.evidenceOf(c.key()).stream()
              .filter(EvidenceBase.Evidence::isFinding)
              .forEach(e -> linked.add(e.key()));
        }
      }
      assertEquals(linked, keys(s.items()), s.id());
      for (TheoryDiagram.Edge e : diagram.edges()) {
        boolean mine = e.to().key().equals("m-" + s.id()) || e.from().key().equals("m-" + s.id());
        if (mine) {
          assertTrue(
              linked.containsAll(e.evidence()),
              s.id() + ": the diagram counts a finding the section does not");
          Set<String> studies = new TreeSet<>();
          e.evidence().forEach(k -> studies.add(k.substring(0, k.indexOf('/'))));
          assertTrue(studies.size() <= s.studies().size(), s.id());
        }
      }
    }
  }

  @Test
  void theJsonNamesTheSameFindingsAsThePages() throws Exception {
    EvidenceBase base = SUMMARIES.base();
    String json = SUMMARIES.pages(Summaries.Format.JSON, Summaries.Selection.ALL).get("index.json");
    com.fasterxml.jackson.databind.JsonNode root =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    // the mechanism list: each bullet names a mechanism section and counts its findings
    java.util.Map<String, Set<String>> listed = new java.util.TreeMap<>();
    // the diagram: each edge's findings
    java.util.Map<String, Set<String>> edges = new java.util.TreeMap<>();
    java.util.ArrayDeque<com.fasterxml.jackson.databind.JsonNode> todo =
        new java.util.ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      com.fasterxml.jackson.databind.JsonNode n = todo.pop();
      if (n.isObject() && "bullets".equals(n.path("type").asText())) {
        for (com.fasterxml.jackson.databind.JsonNode item : n.path("items")) {
          String slug = null;
          Set<String> ids = null;
          for (com.fasterxml.jackson.databind.JsonNode run : item) {
            if ("section".equals(run.path("type").asText())
                && run.path("section").asText().startsWith("mechanism-")) {
              slug = run.path("section").asText();
            }
            if ("count".equals(run.path("type").asText())
                && run.path("text").asText().matches("\\d+ findings?")) {
              ids = new TreeSet<>();
              for (com.fasterxml.jackson.databind.JsonNode id : run.path("evidence")) {
                ids.add(id.asText());
              }
            }
          }
          if (slug != null && ids != null) {
            listed.put(slug.substring("mechanism-".length()), ids);
          }
        }
      }
      if (n.isObject() && "diagram".equals(n.path("type").asText())) {
        for (com.fasterxml.jackson.databind.JsonNode e : n.path("edges")) {
          String mechanism =
              e.path("to").asText().startsWith("m-")
                  ? e.path("to").asText()
                  : e.path("from").asText();
          Set<String> ids = edges.computeIfAbsent(mechanism.substring(2), k -> new TreeSet<>());
          e.path("evidence").forEach(id -> ids.add(id.asText()));
        }
      }
      n.forEach(todo::push);
    }
    assertEquals(
        new TreeSet<>(base.summarisedConcepts()),
        listed.keySet(),
        "the JSON lists every mechanism page");
    listed.forEach(
        (concept, ids) ->
            assertEquals(
                keys(Section.mechanism(base, concept).items()), ids, concept + " in the JSON"));
    assertFalse(edges.isEmpty(), "the JSON has the diagram's edges");
    for (EvidenceBase.TheoryCmoc t : base.theory().orElseThrow().cmocs()) {
      Set<String> inSection = keys(Section.theory(base, t).items());
      assertTrue(
          inSection.containsAll(edges.getOrDefault(t.id(), Set.of())),
          t.id() + ": the JSON diagram counts a finding the section does not");
    }
  }
}
