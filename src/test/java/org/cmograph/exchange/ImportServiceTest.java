package org.cmograph.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cmograph.extraction.Problem;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImportService} on the bundled examples (the gillard-2024 sheet and coded project, made
 * from the real source), checked by the real study pipeline: the files it writes are the golden
 * files byte for byte, and nothing is written or checked when the input has an error.
 */
class ImportServiceTest {
  static final Path EXAMPLES = Repo.root().resolve("examples");
  static final Path GOLDEN = Repo.testResources().resolve("import/golden");
  static final ReferenceData REFERENCE = ReferenceData.load(Repo.root().resolve("ontology"));

  /** The study pipeline's validation over {@code sources}, as {@code cmograph import} uses it. */
  static ImportService.Check pipeline(Path sources) {
    StudyPipeline pipeline = new StudyPipeline(REFERENCE, sources, Repo.root());
    return files -> {
      StudyPipeline.Result r = pipeline.validate(files);
      Set<Path> valid = new HashSet<>();
      r.valid().forEach(x -> valid.add(x.file()));
      return new ImportService.Checked(r.problems(), valid);
    };
  }

  static StudyFiles.Settings settings(Path out, Path base) {
    return new StudyFiles.Settings(
        out, null, base, null, null, "A. Reviewer", "2026-11-22", false, null, "2026-12-06");
  }

  /** The example project, imported as gillard-2024 with this code mapping. */
  static ImportService.Request project(Path codes, Path sources, StudyFiles.Settings s) {
    return new ImportService.Request(
        EXAMPLES.resolve("gillard-2024.qdpx"),
        Set.of("gillard-2024"),
        Map.of(),
        null,
        codes,
        sources,
        s);
  }

  static ImportReport run(ImportService.Request request, ImportService.Check check)
      throws IOException {
    return new ImportService(SheetImportTest.LABELS, check)
        .run(request, new ImportService.Listener() {});
  }

  @Test
  void theExampleSheetIsSplicedIntoItsBaseAndValidates(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("gillard-2024.yaml");
    ImportReport r =
        run(
            new ImportService.Request(
                EXAMPLES.resolve("gillard-2024.csv"),
                Set.of("gillard-2024"),
                Map.of(),
                null,
                null,
                Repo.data().resolve("sources"),
                settings(out, Repo.testResources().resolve("import/base/gillard-2024.yaml"))),
            pipeline(Repo.data().resolve("sources")));
    assertTrue(r.written(), r.problems().toString());
    assertEquals(1, r.files().size());
    ImportReport.Written w = r.files().get(0);
    assertTrue(w.valid(), r.problems().toString());
    assertEquals(0, w.errors());
    assertEquals(3, w.draft().cmocs().size());
    assertEquals(12, w.draft().evidence().size());
    assertFalse(w.replaced());
    Snapshots.assertMatches(GOLDEN.resolve("gillard-2024.csv.yaml"), Files.readString(out));
  }

  @Test
  void theExampleProjectRegistersItsSourceAndValidates(@TempDir Path tmp) throws IOException {
    Path sources = Files.createDirectories(tmp.resolve("sources"));
    Path out = tmp.resolve("gillard-2024.yaml");
    StudyFiles.Settings s = settings(out, null);
    s =
        new StudyFiles.Settings(
            out,
            null,
            null,
            "Implementing peer support into practice in mental health services",
            null,
            s.extractor(),
            s.date(),
            false,
            null,
            s.today());
    ImportReport r =
        run(project(EXAMPLES.resolve("gillard-2024.codes.yaml"), sources, s), pipeline(sources));
    assertTrue(r.written(), r.problems().toString());
    assertEquals(
        List.of(sources.resolve("gillard-2024-implementation.txt")), r.registeredSources());
    assertEquals(
        Files.readString(Repo.data().resolve("sources/gillard-2024-implementation.txt")),
        Files.readString(r.registeredSources().get(0)));
    assertTrue(r.files().get(0).valid(), r.problems().toString());
    assertEquals(7, r.files().get(0).draft().evidence().size());
    Snapshots.assertMatches(GOLDEN.resolve("gillard-2024.qdpx.yaml"), Files.readString(out));
  }

  @Test
  void aSheetWithAnErrorWritesAndChecksNothing(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("studies"));
    List<List<Path>> checked = new ArrayList<>();
    ImportReport r =
        run(
            new ImportService.Request(
                Repo.testResources().resolve("import/conflict.csv"),
                Set.of(),
                Map.of(),
                null,
                null,
                Repo.data().resolve("sources"),
                new StudyFiles.Settings(
                    null, dir, null, "T", null, "X", "2026-11-22", false, null, "2026-12-06")),
            files -> {
              checked.add(files);
              return new ImportService.Checked(List.of(), Set.of());
            });
    assertFalse(r.written());
    assertTrue(r.hasErrors());
    assertTrue(r.problems().stream().anyMatch(p -> p.code().equals("IMPORT-CONFLICT")));
    assertEquals(List.copyOf(r.problems()), sorted(r.problems()));
    assertEquals(List.of(), r.files());
    assertEquals(List.of(), checked, "nothing written, nothing to check");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aMappingThatGivesOneCmocIdTwiceIsRefusedBeforeWriting(@TempDir Path tmp) throws IOException {
    Path codes = tmp.resolve("codes.yaml");
    Files.writeString(
        codes,
        Files.readString(EXAMPLES.resolve("gillard-2024.codes.yaml"))
            .replace(
                "- id: low-engagement-fidelity-sites", "- id: high-engagement-fidelity-sites"));
    Path out = tmp.resolve("gillard-2024.yaml");
    ImportReport r =
        run(
            project(codes, Files.createDirectories(tmp.resolve("sources")), settings(out, null)),
            files -> {
              throw new AssertionError("nothing is written, so nothing is checked");
            });
    assertFalse(r.written());
    Problem p = r.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
    assertEquals("IMPORT-DUPLICATE-ID", p.code(), r.problems().toString());
    assertEquals(codes, p.file());
    assertEquals(64, p.line(), "the second CMOC's id");
    assertFalse(Files.exists(out));
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems);
    out.sort(Problem.BY_PLACE);
    return out;
  }
}
