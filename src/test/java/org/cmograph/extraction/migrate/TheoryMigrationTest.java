package org.cmograph.extraction.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cmograph.extraction.ConceptCatalogue;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.ProgrammeTheory;
import org.cmograph.extraction.TheoryValidator;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cmograph migrate} on first-format programme theories: the text is edited where the format
 * changed, comments stay, each decision is marked {@code # CHECK}, and the result passes the theory
 * file checks (except what only a person can write: an explanation the first format lacked).
 */
class TheoryMigrationTest {
  static final Path DIR = Repo.testResources().resolve("migrate/theory");

  /** Every concept known: the catalogue is not what these tests are about. */
  static final ConceptCatalogue ANY =
      new ConceptCatalogue() {
        @Override
        public Set<String> conceptIds() {
          return Set.of();
        }

        @Override
        public boolean contains(String id) {
          return true;
        }

        @Override
        public Optional<Problem> unknownConcept(
            Path file, Position at, String concept, ConceptCatalogue.Scheme scheme) {
          return Optional.empty();
        }
      };

  static List<Problem> validate(
      Path file, List<Problem> problems, Optional<ProgrammeTheory>[] theory) {
    theory[0] = new TheoryValidator(ANY).validate(file, null, problems);
    return problems;
  }

  @Test
  void theFirstFormatBundledTheoryBecomesAValidFormat2Theory(@TempDir Path tmp) throws IOException {
    Migration.Result r = new Migration().migrate(DIR.resolve("programme-theory.yaml"));
    assertEquals(Migration.Outcome.MIGRATED, r.outcome(), r.problems().toString());
    Snapshots.assertMatches(DIR.resolve("programme-theory.migrated.yaml"), r.text());
    // The comments of the original are all still there.
    for (String line : Files.readAllLines(DIR.resolve("programme-theory.yaml"))) {
      if (line.strip().startsWith("#")) {
        assertTrue(r.text().contains(line), "comment kept: " + line);
      }
    }
    // 1 for the versions + 1 for the assumed initial version; per configuration, the history and
    // derived_from.
    assertEquals(
        2 + 9 * 2 + 4, r.marks(), "marks: versions, histories, derived_from, response renames");
    Path migrated = tmp.resolve("programme-theory.yaml");
    Files.writeString(migrated, r.text());
    List<Problem> problems = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Optional<ProgrammeTheory>[] theory = new Optional[1];
    validate(migrated, problems, theory);
    assertEquals(List.of(), problems);
    ProgrammeTheory t = theory[0].orElseThrow();
    assertEquals(
        List.of("initial", "refined"),
        t.versions().stream().map(ProgrammeTheory.Version::id).toList());
    assertEquals(
        "the person supported trusts the peer and feels connected to them",
        t.cmocs().get(0).mechanism().reasoning());
    assertEquals("initial", t.cmocs().get(0).history().get(0).version());
    assertEquals("refined", t.cmocs().get(3).history().get(0).version());
  }

  @Test
  void anOverrideIsRemovedWithItsValuesKeptInTheCheck(@TempDir Path tmp) throws IOException {
    Migration.Result r = new Migration().migrate(DIR.resolve("override.yaml"));
    assertEquals(Migration.Outcome.MIGRATED, r.outcome(), r.problems().toString());
    Snapshots.assertMatches(DIR.resolve("override.migrated.yaml"), r.text());
    assertTrue(
        r.text()
            .contains(
                "      # CHECK override removed (GRADE-CERQual has no override): it was overall low, justification: We trust it less than the components say. Record the disagreement in the component it is about and judge 'overall' from the components\n"),
        r.text());
    assertTrue(r.text().contains("      # the resource is the peer's experience\n"));
    Path migrated = tmp.resolve("programme-theory.yaml");
    Files.writeString(migrated, r.text());
    List<Problem> problems = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Optional<ProgrammeTheory>[] theory = new Optional[1];
    validate(migrated, problems, theory);
    // What only a person can write: the explanation the first format did not require.
    assertEquals(
        List.of(
            "MISSING-FIELD cmocs[0].confidence.methodological_limitations: missing required field 'explanation'"),
        problems.stream().map(p -> p.code() + " " + p.message()).toList());
  }

  @Test
  void aFormat2TheoryIsLeftAsItIs() {
    Migration.Result r = new Migration().migrate(Repo.data().resolve("programme-theory.yaml"));
    assertEquals(Migration.Outcome.ALREADY_FORMAT_2, r.outcome());
  }
}
