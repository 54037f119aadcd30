package org.cmograph.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SheetLayout;
import org.cmograph.rdf.CatalogueLabels;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spreadsheets made from the real gillard-2024 abstract, each with one kind of mistake: every
 * NAME.csv in import/ (but the simple-*.csv ones, which are right) must give exactly the lines of
 * its NAME.problems.txt, each naming row and column.
 */
class SheetImportTest {
  static final Path DIR = Repo.testResources().resolve("import");
  static final ConceptLabels LABELS =
      CatalogueLabels.of(ReferenceData.load(Repo.root().resolve("ontology")));

  static Stream<String> malformed() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".csv") && !n.startsWith("simple-"))
          .map(n -> n.substring(0, n.length() - ".csv".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  record Outcome(List<StudyDraft> drafts, List<Problem> problems) {}

  static Outcome importSheet(
      Path file, Set<String> studies, Map<String, SheetLayout.Column> mapping) {
    List<Problem> problems = new ArrayList<>();
    Optional<Sheet> sheet = new SheetReader().read(file, null, problems);
    List<StudyDraft> drafts = List.of();
    if (sheet.isPresent()) {
      SheetImporter.Result r =
          new SheetImporter(LABELS).read(sheet.get(), new SheetImporter.Options(studies, mapping));
      problems.addAll(r.problems());
      drafts = r.studies();
    }
    problems.sort(Problem.BY_PLACE);
    return new Outcome(drafts, problems);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedSheetsGivePositionedProblems(String name) throws IOException {
    Path file = DIR.resolve(name + ".csv");
    Outcome o = importSheet(file, Set.of(), Map.of());
    assertFalse(o.problems().isEmpty(), name + " must report something");
    Snapshots.assertMatches(DIR.resolve(name + ".problems.txt"), Snapshots.problems(o.problems()));
  }

  @Test
  void aResearchersSemicolonSheetWithEmbeddedNewlinesImports() {
    Outcome o = importSheet(DIR.resolve("simple-semicolon.csv"), Set.of(), Map.of());
    assertEquals(1, o.drafts().size(), Snapshots.problems(o.problems()));
    StudyDraft d = o.drafts().get(0);
    assertEquals("gillard-2024", d.id());
    // Row 3 repeats no CMOC part, so it is more evidence for the CMOC of row 2.
    assertEquals(2, d.cmocs().size());
    assertEquals(3, d.evidence().size());
    assertEquals("e2", d.evidence().get(1).id());
    assertEquals(List.of(d.cmocs().get(0).id()), d.evidence().get(1).cmocs());
    assertEquals("configuration", d.cmocs().get(0).kind());
    // Contexts are the study's; each CMOC links to its own with the role the sheet gives.
    assertEquals(3, d.contexts().size(), "two lines in one cell are two contexts");
    assertEquals("interpersonal", d.contexts().get(1).type());
    assertEquals("regular-work-clinical-teams", d.contexts().get(0).id());
    assertEquals(
        List.of(
            new Extraction.ContextLink(null, "regular-work-clinical-teams", "enabling"),
            new Extraction.ContextLink(null, d.contexts().get(1).id(), "enabling")),
        d.cmocs().get(0).contexts());
    assertEquals(
        List.of(new Extraction.ContextLink(null, d.contexts().get(2).id(), "blocking")),
        d.cmocs().get(1).contexts());
    assertEquals(List.of(d.outcomes().get(0).id()), d.cmocs().get(0).outcomes());
    Extraction.Mechanism mechanism = d.cmocs().get(0).mechanism();
    assertEquals("role-integration", mechanism.concept(), "the wording is a catalogue label");
    // The sheet has no reasoning column: the file says the reasoning is not reported.
    assertEquals(List.of("reasoning"), mechanism.notReported());
    Extraction.Mechanism second = d.cmocs().get(1).mechanism();
    assertEquals(List.of("resource", "reasoning"), second.notReported());
    // "peer workers" is a perspective, so the speaker is a participant.
    assertEquals("peer-worker", d.evidence().get(2).perspective());
    assertEquals("participant", d.evidence().get(2).speaker());
    assertEquals("authors", d.evidence().get(0).speaker());
    // No kind column: every item is a finding, and the import says so once.
    assertTrue(d.evidence().stream().allMatch(e -> "finding".equals(e.kind())));
    List<Problem> noKind =
        o.problems().stream().filter(p -> p.code().equals("IMPORT-NO-KIND")).toList();
    assertEquals(1, noKind.size(), Snapshots.problems(o.problems()));
    assertFalse(noKind.get(0).isError());
    assertTrue(
        noKind
            .get(0)
            .message()
            .contains(
                "all 3 evidence item(s) of study 'gillard-2024' are" + " written as kind: finding"),
        noKind.get(0).message());
    // The second mechanism's wording is nobody's label: the closest concept, a warning and a
    // comment.
    List<Problem> unmatched =
        o.problems().stream().filter(p -> p.code().equals("IMPORT-UNMATCHED-MECHANISM")).toList();
    assertEquals(1, unmatched.size(), Snapshots.problems(o.problems()));
    assertFalse(unmatched.get(0).isError());
    assertEquals(4, unmatched.get(0).line());
    assertEquals(5, unmatched.get(0).column());
    assertTrue(d.comments().containsKey("/cmocs/1/mechanism/concept"));
  }

  @Test
  void headersMatchWhateverTheirCaseAndSpacingAndCanBeMapped() {
    assertEquals(SheetLayout.Column.MECHANISM_RESOURCE, SheetLayout.column("Mechanism_Resource"));
    // The first format's "response" and the realist "reasoning" are one column.
    assertEquals(
        SheetLayout.Column.MECHANISM_REASONING, SheetLayout.column("  mechanism - response "));
    assertEquals(SheetLayout.Column.MECHANISM_REASONING, SheetLayout.column("Reasoning"));
    assertEquals(SheetLayout.Column.MECHANISM_REASONING, SheetLayout.column("Response"));
    assertEquals(SheetLayout.Column.EVIDENCE_KIND, SheetLayout.column("Kind"));
    assertEquals(SheetLayout.Column.EVIDENCE_KIND, SheetLayout.column("Evidence kind"));
    assertEquals(SheetLayout.Column.QUOTE, SheetLayout.column("QUOTE"));
    Outcome o =
        importSheet(
            DIR.resolve("wrong-headers.csv"),
            Set.of(),
            Map.of("Contxt", SheetLayout.Column.CONTEXT, "Page", SheetLayout.Column.LOCATION));
    // Mapped, only the stance column is still missing, and the role of the mapped contexts.
    assertEquals(
        List.of("IMPORT-MISSING-COLUMN", "IMPORT-MISSING-COLUMN"),
        o.problems().stream().filter(Problem::isError).map(Problem::code).toList(),
        Snapshots.problems(o.problems()));
  }

  @Test
  void onlyTheNamedStudyIsTaken() {
    Outcome o = importSheet(DIR.resolve("simple-semicolon.csv"), Set.of("gillard-2014"), Map.of());
    assertEquals(
        List.of("IMPORT-NO-ROWS"),
        o.problems().stream().filter(Problem::isError).map(Problem::code).toList());
    assertTrue(
        o.problems().get(o.problems().size() - 1).message().contains("did you mean 'gillard-2024'?")
            || Snapshots.problems(o.problems()).contains("did you mean 'gillard-2024'?"),
        Snapshots.problems(o.problems()));
  }
}
