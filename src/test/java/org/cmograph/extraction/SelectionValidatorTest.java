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
 * Search and selection logs are validated like extraction files: each file in selection/invalid/ is
 * the made-up valid log (selection/valid/, the negative control of every rule) with one kind of
 * mistake, and NAME.problems.txt holds the exact positioned lines validation must report.
 */
class SelectionValidatorTest {
  static final Path DIR = Repo.testResources().resolve("selection");
  static final Set<String> STUDIES = Set.of("alpha-2020", "beta-2021", "gamma-2022");

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

  static List<Problem> validate(Path file, Set<String> studies) {
    List<Problem> problems = new ArrayList<>();
    new SelectionValidator().validate(file, studies, DIR.resolve("sources"), problems);
    problems.sort(Problem.BY_PLACE);
    return problems;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void reportsExactPositionedProblems(String name) throws IOException {
    List<Problem> problems = validate(DIR.resolve("invalid").resolve(name), STUDIES);
    assertTrue(problems.stream().anyMatch(Problem::isError), name + " must be rejected");
    Snapshots.assertMatches(
        DIR.resolve("invalid").resolve(name.replace(".yaml", ".problems.txt")),
        Snapshots.problems(problems));
  }

  /** The negative control: the same log without the mistakes passes every rule. */
  @Test
  void theMadeUpLogIsValidAndBound() {
    List<Problem> problems = new ArrayList<>();
    Optional<SelectionLog> log =
        new SelectionValidator()
            .validate(
                DIR.resolve("valid/selection.yaml"), STUDIES, DIR.resolve("sources"), problems);
    assertEquals(List.of(), problems);
    SelectionLog l = log.orElseThrow();
    assertEquals(144, l.identifiedTotal());
    assertEquals(24, l.duplicatesRemoved());
    assertEquals(2, l.screening().size());
    assertEquals(90, l.screening().get(0).excludedTotal());
    assertEquals(2, l.screening().get(1).notRetrieved());
    assertEquals(3, l.includedRecords());
    assertEquals("citation-searching", l.identification().get(2).method());
  }

  @Test
  void aLoadedStudyMissingFromTheLogIsAWarning() {
    Set<String> more = Set.of("alpha-2020", "beta-2021", "gamma-2022", "delta-2023");
    List<Problem> problems = validate(DIR.resolve("valid/selection.yaml"), more);
    assertEquals(
        "selection.yaml:45:1: warning NOT-IN-SELECTION study 'delta-2023' is loaded but not listed"
            + " under included; the flow diagram does not count it\n",
        Snapshots.problems(problems));
  }

  /** An included id is also known by its extraction file in the studies/ folder beside the log. */
  @Test
  void includedIdsAreFoundBesideTheBundledLog() {
    List<Problem> problems = new ArrayList<>();
    Optional<SelectionLog> log =
        new SelectionValidator()
            .validate(Repo.data().resolve("selection.yaml"), Set.of(), null, problems);
    assertEquals(List.of(), problems);
    assertEquals(24, log.orElseThrow().identifiedTotal());
    assertEquals(23, log.get().includedRecords());
    assertEquals(20, log.get().included().size());
  }
}
