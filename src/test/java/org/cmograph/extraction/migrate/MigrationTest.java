package org.cmograph.extraction.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.QuotedSpeech;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden pairs {@code migrate/NAME.v1.yaml} → {@code NAME.v2.yaml} (and {@code .json}), compared as
 * text: each rule of the first-format-to-format-2 conversion, comments kept, CHECK marks written.
 * {@code -Dsnapshots.update=true} rewrites the {@code .v2} files from the actual output.
 */
class MigrationTest {
  static final Path DIR = Repo.testResources().resolve("migrate");
  static final Migration MIGRATION = new Migration(DIR.resolve("sources"));

  static Stream<String> goldenInputs() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.contains(".v1."))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("goldenInputs")
  void convertsAsTheGoldenFileShows(String name) throws IOException {
    Migration.Result result = MIGRATION.migrate(DIR.resolve(name));
    assertEquals(List.of(), result.problems());
    assertEquals(Migration.Outcome.MIGRATED, result.outcome());
    Path expected = DIR.resolve(name.replace(".v1.", ".v2."));
    Snapshots.assertMatches(expected, result.text());
    assertEquals(List.of(), SchemaFormat2.problems(result.text(), name), name + " validates");
    if (!result.json()) {
      assertEquals(countMarks(result.text()), result.marks(), "marks counted as written");
    }
  }

  @ParameterizedTest
  @MethodSource("goldenInputs")
  void aMigratedFileIsLeftAsItIs(String name) {
    Path v2 = DIR.resolve(name.replace(".v1.", ".v2."));
    Migration.Result again = MIGRATION.migrate(v2);
    assertEquals(Migration.Outcome.ALREADY_FORMAT_2, again.outcome());
  }

  @Test
  void jsonChecksAreReturnedSinceJsonHasNoComments() {
    Migration.Result result = MIGRATION.migrate(DIR.resolve("json.v1.json"));
    assertTrue(result.json());
    assertEquals(0, result.marks());
    assertEquals(
        List.of(
            "/cmocs/0/contexts/0: " + Checks.ROLE_NOT_STATED,
            "/contexts (services): CHECK cmoc hope also had context services, with other fields;"
                + " this one is kept, theirs were: description: statutory mental health services; type: (none)",
            "/cmocs/1/mechanism: " + Checks.NOT_REPORTED,
            "/evidence/0/speaker: " + Checks.PARTICIPANT_NOT_QUOTED,
            "/evidence/1: CHECK kind: the quote reads like a recommendation statement"
                + " (\"should\"): finding, recommendation?"),
        result.unmarked());
  }

  @Test
  void keepsWindowsLineEndings() throws IOException {
    String v1 = Files.readString(DIR.resolve("evidence.v1.yaml"), StandardCharsets.UTF_8);
    String v2 = Files.readString(DIR.resolve("evidence.v2.yaml"), StandardCharsets.UTF_8);
    Migration.Result result =
        MIGRATION.migrate(DIR.resolve("evidence.yaml"), v1.replace("\n", "\r\n"));
    assertEquals(v2.replace("\n", "\r\n"), result.text());
  }

  @Test
  void formatGoesAfterTheHeaderCommentsAndAnyDocumentStart() {
    String v1 = "# header\n---\n# about the study\nstudy: {id: x, title: X}\nevidence: []\n";
    assertEquals(
        "# header\n---\nformat: 2\n# about the study\nstudy: {id: x, title: X}\nevidence: []\n",
        MIGRATION.migrate(Path.of("x.yaml"), v1).text());
  }

  @Test
  void aFileThatDoesNotParseGetsAPositionedError() {
    Migration.Result result =
        MIGRATION.migrate(
            Path.of("broken.yaml"), "study:\n  id: broken\n  title: \"unclosed\ncmocs: []\n");
    assertEquals(Migration.Outcome.FAILED, result.outcome());
    assertNull(result.text());
    Problem p = result.problems().get(0);
    assertEquals("YAML-SYNTAX", p.code());
    assertTrue(p.line() > 1, p.format());
  }

  @Test
  void anUnknownFormatIsRefusedAtItsPlace() {
    Migration.Result result =
        MIGRATION.migrate(Path.of("x.yaml"), "# a comment\nformat: 3\nstudy: {id: x, title: X}\n");
    assertEquals(Migration.Outcome.FAILED, result.outcome());
    Problem p = result.problems().get(0);
    assertEquals("MIGRATE-UNKNOWN-FORMAT", p.code());
    assertEquals(2, p.line());
    assertEquals(9, p.column());
  }

  @Test
  void anImportCodeMappingIsNotAnExtraction() {
    Migration.Result result =
        MIGRATION.migrate(Repo.root().resolve("examples/gillard-2024.codes.yaml"));
    assertEquals(Migration.Outcome.NOT_AN_EXTRACTION, result.outcome());
  }

  @Test
  void kindCuesNameTheWordsThatTriggeredThem() {
    assertEquals(
        "CHECK kind: the quote reads like a method or background statement (\"were interviewed\","
            + " \"literature\"): finding, method, background?",
        Checks.kindCue("Staff were interviewed about the literature.").orElseThrow());
    assertFalse(Checks.kindCue("Peer workers shoulder a heavy load; unanalysed needs").isPresent());
  }

  @Test
  void quotedSpeechIsToldFromReportedSpeech() {
    String source =
        "One said: \u201CI felt safe there, at last.\u201D Others felt unsafe.\n\n"
            + "She called it 'a place that's mine'. Staff said it's 'different'.";
    assertEquals(java.util.Optional.of(true), QuotedSpeech.isQuoted(source, "I felt safe there"));
    assertEquals(
        java.util.Optional.of(false), QuotedSpeech.isQuoted(source, "Others felt unsafe."));
    assertEquals(java.util.Optional.of(true), QuotedSpeech.isQuoted(source, "a place that's mine"));
    assertEquals(java.util.Optional.of(false), QuotedSpeech.isQuoted(source, "Staff said it's"));
    assertEquals(java.util.Optional.empty(), QuotedSpeech.isQuoted(source, "not in the source"));
  }

  static int countMarks(String text) {
    return (int) text.lines().filter(l -> l.strip().startsWith("# CHECK")).count();
  }
}
