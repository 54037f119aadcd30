package org.cmograph.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Programme-theory files are validated like extraction files: each file in theory/invalid/ is the
 * valid minimal theory with one kind of mistake, and NAME.problems.txt holds the exact positioned
 * lines validation must report.
 */
class InvalidTheoryTest {
  static final Path DIR = Repo.testResources().resolve("theory");
  static final ConceptCatalogue CATALOGUE =
      () -> Set.of("trusting-relationship", "role-modelling-recovery", "bridging-to-services");
  static final TheoryValidator.Studies STUDIES =
      new TheoryValidator.Studies(
          java.util.Map.of("minimal", Set.of("e1", "e2")),
          java.util.Map.of("minimal", Set.of("trust")));

  static Stream<String> invalidFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR.resolve("invalid"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  static List<Problem> validate(Path file) {
    List<Problem> problems = new ArrayList<>();
    new TheoryValidator(CATALOGUE).validate(file, STUDIES, problems);
    problems.sort(Problem.BY_PLACE);
    return problems;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void reportsExactPositionedProblems(String name) throws IOException {
    List<Problem> problems = validate(DIR.resolve("invalid").resolve(name));
    assertTrue(problems.stream().anyMatch(Problem::isError), name + " must be rejected");
    Snapshots.assertMatches(
        DIR.resolve("invalid").resolve(name.replace(".yaml", ".problems.txt")),
        // The first-format message names the file as given: show it relative to the fixtures.
        Snapshots.problems(problems).replace(DIR.resolve("invalid") + "/", ""));
  }

  @Test
  void minimalTheoryIsValidAndBound() {
    List<Problem> problems = new ArrayList<>();
    Optional<ProgrammeTheory> t =
        new TheoryValidator(CATALOGUE)
            .validate(DIR.resolve("valid/programme-theory.yaml"), STUDIES, problems);
    assertEquals(List.of(), problems);
    assertEquals("minimal-theory", t.orElseThrow().id());
    assertEquals(
        List.of("initial", "refined"),
        t.get().versions().stream().map(ProgrammeTheory.Version::id).toList());
    assertEquals(4, t.get().cmocs().size());
    ProgrammeTheory.TheoryCmoc refined = t.get().cmocs().get(1);
    assertEquals("trust-connected", refined.id());
    ProgrammeTheory.Change change = refined.history().get(0);
    assertEquals("refined", change.change());
    assertEquals(List.of("trust"), change.revises());
    assertEquals(
        List.of(
            new ProgrammeTheory.Prompt("/cmocs/1/history/0/prompted_by/0", "minimal", "e1", null)),
        change.promptedBy());
    assertEquals(
        "The minimal study names engagement as what trust makes possible.", change.rationale());
    assertEquals(List.of("hope"), refined.rivalOf());
    assertEquals("10.1000/example", refined.drawsOn().get(0).doi());
    assertEquals("trust and connectedness", refined.mechanism().reasoning());
    assertEquals("conditioning", refined.contexts().get(0).role());
    ProgrammeTheory.Confidence c = refined.confidence();
    assertEquals("moderate", c.adequacy().concern());
    assertEquals("One study.", c.adequacy().explanation());
    assertEquals(
        List.of("added", "dropped"),
        t.get().cmocs().get(2).history().stream().map(ProgrammeTheory.Change::change).toList());
  }

  @Test
  void theBundledTheoryPassesTheFileChecks() {
    List<Problem> problems = new ArrayList<>();
    ConceptCatalogue everything =
        new ConceptCatalogue() {
          @Override
          public Set<String> conceptIds() {
            return Set.of();
          }

          @Override
          public boolean contains(String id) {
            return true; // the real catalogue is checked by TheoryPipelineTest
          }

          @Override
          public Optional<Problem> unknownConcept(
              Path file, Position at, String concept, ConceptCatalogue.Scheme scheme) {
            return Optional.empty();
          }
        };
    new TheoryValidator(everything)
        .validate(Repo.data().resolve("programme-theory.yaml"), null, problems);
    assertEquals(List.of(), problems);
  }
}
