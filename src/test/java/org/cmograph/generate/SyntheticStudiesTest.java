package org.cmograph.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SourceText;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Synthetic studies: shaped like the bundled ones, quotes verbatim, skewed mechanisms, repeatable.
 */
class SyntheticStudiesTest {
  static ExtractionProfile profile;
  static Set<String> concepts;

  @BeforeAll
  static void measureBundledData() throws Exception {
    concepts = new TreeSet<>();
    Matcher m =
        Pattern.compile("(?m)^mech:([a-z0-9-]+)\\s*\\n\\s*a cmo:MechanismConcept")
            .matcher(
                java.nio.file.Files.readString(
                    Repo.root().resolve("ontology/mechanism-catalogue.ttl")));
    while (m.find()) {
      concepts.add(m.group(1));
    }
    assertTrue(concepts.size() > 10, "catalogue concepts: " + concepts);
    profile =
        ExtractionProfile.of(
            Repo.data().resolve("studies"),
            org.cmograph.rdf.ReferenceData.load(Repo.root().resolve("ontology")).concepts());
  }

  @Test
  void theProfileMeasuresEveryBundledStudy() {
    try (Stream<Path> files = java.nio.file.Files.list(Repo.data().resolve("studies"))) {
      long studies =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .filter(f -> !f.getFileName().toString().startsWith("programme-theory"))
              .count();
      assertEquals(studies, profile.studies());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theSameSeedGivesTheSameStudyAndAnotherSeedAnotherOne() {
    SyntheticStudies a = new SyntheticStudies(profile, concepts, 42);
    SyntheticStudies b = new SyntheticStudies(profile, concepts, 42);
    SyntheticStudies c = new SyntheticStudies(profile, concepts, 43);
    assertEquals(a.study(5), b.study(5));
    assertNotEquals(a.study(5).yaml(), c.study(5).yaml());
  }

  @Test
  void everyQuoteStandsVerbatimInItsSourceText() {
    SyntheticStudies gen = new SyntheticStudies(profile, concepts, 7);
    for (int i = 1; i <= 50; i++) {
      SyntheticStudies.Study s = gen.study(i);
      SourceText text = new SourceText(s.sourceFile(), s.sourceText());
      int quotes = 0;
      for (JsonNode item : read(s).path("evidence")) {
        String q = item.path("quote").asText();
        assertTrue(text.contains(q), s.id() + ": quote not verbatim: " + q);
        quotes++;
      }
      assertEquals(s.evidence(), quotes, s.id());
    }
  }

  /** The study's extraction file as the validator reads it, with no problem. */
  static JsonNode read(SyntheticStudies.Study s) {
    List<Problem> problems = new ArrayList<>();
    Optional<PositionedDocument> doc =
        new DocumentReader().parse(Path.of(s.id() + ".yaml"), s.yaml(), problems);
    assertEquals(List.of(), problems, s.yaml());
    return doc.orElseThrow().root();
  }

  @Test
  void popularityOfMechanismsIsSkewed() {
    SyntheticStudies gen = new SyntheticStudies(profile, concepts, 3);
    Map<String, Integer> cmocs = new TreeMap<>();
    for (int i = 1; i <= 400; i++) {
      for (JsonNode cmoc : read(gen.study(i)).path("cmocs")) {
        cmocs.merge(cmoc.path("mechanism").path("concept").asText(), 1, Integer::sum);
      }
    }
    List<Integer> counts = new ArrayList<>(cmocs.values());
    counts.sort(null);
    int top = counts.get(counts.size() - 1);
    int median = counts.get(counts.size() / 2);
    String first = gen.conceptsByPopularity().get(0);
    assertEquals(
        Optional.of(top),
        Optional.ofNullable(cmocs.get(first)),
        "the first concept is the most named: " + cmocs);
    assertTrue(top >= 5 * median, "Zipf-like: top " + top + ", median " + median + " in " + cmocs);
  }
}
