package org.cmograph.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in extraction/invalid/ is the valid minimal extraction with one kind of mistake; its
 * NAME.problems.txt holds the exact lines validate must print (file, line, column, code, text).
 * Files in extraction/warnings/ are valid: their NAME.problems.txt holds the exact warnings (none
 * for a negative control). Files in extraction/first-format/ are refused with one FIRST-FORMAT
 * error, whatever else is wrong in them.
 */
class InvalidExtractionTest {
  static final Path DIR = Repo.testResources().resolve("extraction");
  static final ConceptCatalogue CATALOGUE =
      new ConceptCatalogue() {
        @Override
        public Set<String> conceptIds() {
          return Set.of("trusting-relationship", "role-modelling-recovery", "bridging-to-services");
        }

        @Override
        public Set<String> conceptIds(Scheme scheme) {
          return switch (scheme) {
            case MECHANISM -> conceptIds();
            case CONTEXT -> Set.of("statutory-services", "role-clarity");
            case OUTCOME -> Set.of("wellbeing", "service-engagement");
          };
        }
      };

  static ExtractionValidator validator() {
    return new ExtractionValidator(CATALOGUE, new SourceLibrary(DIR.resolve("sources")));
  }

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

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void reportsExactProblems(String name) throws IOException {
    Path file = DIR.resolve("invalid").resolve(name);
    ExtractionValidator.Report report = validator().validate(List.of(file));
    assertTrue(report.hasErrors(), name + " must be rejected");
    assertTrue(report.valid().isEmpty(), name + " must not count as valid");
    Snapshots.assertMatches(
        DIR.resolve("invalid").resolve(name.replace(".yaml", ".problems.txt")),
        Snapshots.problems(report.problems()));
  }

  static Stream<String> warningFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR.resolve("warnings"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("warningFiles")
  void warnsWithoutRejecting(String name) throws IOException {
    Path file = DIR.resolve("warnings").resolve(name);
    ExtractionValidator.Report report = validator().validate(List.of(file));
    assertFalse(report.hasErrors(), name + " must be valid: " + report.problems());
    assertEquals(1, report.valid().size(), name + " must count as valid");
    Snapshots.assertMatches(
        DIR.resolve("warnings").resolve(name.replace(".yaml", ".problems.txt")),
        Snapshots.problems(report.problems()));
  }

  static Stream<Path> firstFormatFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR.resolve("first-format"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  /** One error naming the command that converts the file, not a page of schema errors. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("firstFormatFiles")
  void aFirstFormatFileGetsOneErrorNamingMigrate(Path file) {
    ExtractionValidator.Report report = validator().validate(List.of(file));
    assertEquals(1, report.problems().size(), report.problems().toString());
    Problem p = report.problems().get(0);
    assertEquals("FIRST-FORMAT", p.code());
    assertTrue(p.isError());
    assertEquals(1, p.line());
    assertEquals(1, p.column());
    assertEquals(
        "this extraction is in the first format (not 'format: 2'); convert it with 'cmograph"
            + " migrate "
            + file
            + "' and review the lines it marks '# CHECK'",
        p.message());
    assertTrue(report.valid().isEmpty());
  }

  @Test
  void minimalExtractionIsValid() {
    ExtractionValidator.Report report =
        validator().validate(List.of(DIR.resolve("valid/minimal.yaml")));
    assertEquals(List.of(), report.problems());
    assertEquals(1, report.valid().size());
    Extraction x = report.valid().get(0);
    assertEquals("minimal", x.study().id());
    assertEquals(2, x.evidence().size());
    assertEquals("blocking", x.cmocs().get(0).contexts().get(1).role());
  }

  @Test
  void aQuoteChangedByOneWordIsCaughtAtItsPosition() throws IOException {
    Path file = DIR.resolve("invalid/misquote-one-word.yaml");
    List<Problem> problems = validator().validate(List.of(file)).problems();
    assertEquals(1, problems.size());
    Problem p = problems.get(0);
    assertEquals("QUOTE-NOT-VERBATIM", p.code());
    List<String> lines = Files.readAllLines(file);
    assertTrue(lines.get(p.line() - 1).substring(p.column() - 1).startsWith("\"Key change"));
    assertTrue(
        p.message().contains("'friendships' where the source has 'relationships'"), p.message());
  }

  @Test
  void duplicateStudyIdsAcrossFilesAreReported(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Path a = tmp.resolve("a/minimal.yaml");
    Path b = tmp.resolve("b/minimal.yaml");
    Files.createDirectories(a.getParent());
    Files.createDirectories(b.getParent());
    Files.copy(DIR.resolve("valid/minimal.yaml"), a);
    Files.copy(DIR.resolve("valid/minimal.yaml"), b);
    ExtractionValidator.Report report = validator().validate(List.of(tmp));
    assertEquals(1, report.errorCount());
    Problem p = report.problems().get(0);
    assertEquals("DUPLICATE-STUDY", p.code());
    assertEquals(b, p.file());
    assertEquals(4, p.line());
    assertEquals(7, p.column());
  }

  @Test
  void unavailableSourceIsAWarningNotAnError(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Path file = tmp.resolve("minimal.yaml");
    Files.writeString(
        file,
        Files.readString(DIR.resolve("valid/minimal.yaml"))
            .replace("  file: gillard-2014-change-model.txt", "  unavailable_reason: paywalled"));
    ExtractionValidator.Report report = validator().validate(List.of(file));
    assertFalse(report.hasErrors(), report.problems().toString());
    assertEquals("UNVERIFIED-QUOTES", report.problems().get(0).code());
    assertEquals(1, report.valid().size());
  }

  @Test
  void jsonExtractionsAreReadLikeYaml(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Path json = tmp.resolve("minimal.json");
    com.fasterxml.jackson.databind.JsonNode tree =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(DIR.resolve("valid/minimal.yaml").toFile());
    Files.writeString(
        json,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(tree));
    ExtractionValidator.Report ok = validator().validate(List.of(json));
    assertEquals(List.of(), ok.problems());
    assertEquals(2, ok.valid().get(0).evidence().size());

    Files.writeString(
        json,
        Files.readString(json)
            .replace("\"year\" : 2015", "\"year\" : \"2015\"")
            .replace("\"stance\" : \"supports\"", "\"stance\" : \"supports\",,"));
    List<Problem> problems = validator().validate(List.of(json)).problems();
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("JSON-SYNTAX", problems.get(0).code());
    assertTrue(problems.get(0).line() > 40, problems.toString());
  }

  @Test
  void folderWalkSkipsSourcesAndFindsEveryStudy(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Files.createDirectories(tmp.resolve("studies"));
    Files.createDirectories(tmp.resolve("sources"));
    Files.copy(DIR.resolve("valid/minimal.yaml"), tmp.resolve("studies/minimal.yaml"));
    Files.writeString(tmp.resolve("sources/notes.yaml"), "not: a study\n");
    assertEquals(1, validator().validate(List.of(tmp)).filesRead());
  }
}
