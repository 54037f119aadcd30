package org.cmograph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.SourceText;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled data/: every study valid, SHACL-conformant, and every quote verbatim. */
class BundledDataTest {
  static StudyPipeline pipeline;
  static StudyPipeline.Result result;

  @BeforeAll
  static void validateAll() {
    pipeline =
        new StudyPipeline(ReferenceData.load(Repo.root().resolve("ontology")), null, Repo.root());
    result = pipeline.validate(List.of(Repo.data().resolve("studies")));
  }

  @Test
  void everyBundledStudyValidatesWithoutErrorsOrWarnings() {
    assertEquals(List.of(), result.problems());
    assertTrue(result.filesRead() >= 16, "one study per source plus 8+ related abstracts");
    assertEquals(result.filesRead(), result.valid().size());
  }

  @Test
  void everyStudyGraphConformsToTheShapes() {
    for (Extraction x : result.valid()) {
      assertEquals(List.of(), pipeline.conform(x, pipeline.convert(x)), x.study().id());
    }
  }

  /** Checked here independently of the validator, straight against data/sources. */
  @Test
  void everyQuoteIsVerbatimInItsRegisteredSource() throws IOException {
    int quotes = 0;
    for (Extraction x : result.valid()) {
      assertTrue(x.source().file() != null, x.study().id() + " registers its source text");
      Path source = Repo.data().resolve("sources").resolve(x.source().file());
      SourceText text = new SourceText(source.toString(), Files.readString(source));
      for (Extraction.EvidenceItem e : x.evidence()) {
        assertTrue(text.contains(e.quote()), x.study().id() + "/" + e.id() + " is not verbatim");
        assertTrue(e.location() != null && !e.location().isBlank());
        quotes++;
      }
    }
    assertTrue(quotes >= 50, "bundled evidence items: " + quotes);
  }

  @Test
  void sourcesAreTheSharedTextsUnchanged() throws IOException {
    Path shared = Repo.root().resolveSibling("shared").resolve("sources");
    if (!Files.isDirectory(shared)) {
      return; // outside the development layout there is nothing to compare against
    }
    try (Stream<Path> files = Files.list(shared)) {
      for (Path f : files.toList()) {
        Path copy = Repo.data().resolve("sources").resolve(f.getFileName());
        assertTrue(Files.exists(copy), "missing copy of " + f.getFileName());
        assertEquals(-1L, Files.mismatch(f, copy), f.getFileName() + " differs from its source");
      }
    }
  }

  @Test
  void everySourceTextIsUsedByAStudy() throws IOException {
    Set<String> used = new HashSet<>();
    result.valid().forEach(x -> used.add(x.source().file()));
    try (Stream<Path> files = Files.list(Repo.data().resolve("sources"))) {
      for (Path f : files.toList()) {
        assertTrue(used.contains(f.getFileName().toString()), f + " is not extracted");
      }
    }
  }
}
