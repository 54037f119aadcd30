package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cmograph.extraction.Extraction;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.testing.Repo;
import org.cmograph.util.Hashes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real TDB2 store on disk: whole-transaction loads, reloads that change nothing, clean failure.
 */
class StoreIT {
  static StudyPipeline pipeline;
  static List<Extraction> bundled;

  @BeforeAll
  static void validate() {
    pipeline =
        new StudyPipeline(ReferenceData.load(Repo.root().resolve("ontology")), null, Repo.root());
    bundled = pipeline.validate(List.of(Repo.data().resolve("studies"))).valid();
  }

  /** The bundled studies, validated once per JVM (shared by tests in this package). */
  static synchronized List<Extraction> bundledOrValidate() {
    if (bundled == null) {
      validate();
    }
    return bundled;
  }

  static CmoStore.LoadStats load(CmoStore store, List<Extraction> studies) {
    ReferenceData ref = pipeline.reference();
    return store.replace(ref.ontology(), ref.catalogue(), studies, pipeline::convert);
  }

  static byte[] canonical(CmoStore store) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Exporter(store).write(Exporter.Format.NQ, out);
    return out.toByteArray();
  }

  @Test
  void reloadingTheSameFilesGivesTheIdenticalDataset(@TempDir Path dir) {
    try (CmoStore store = CmoStore.open(dir)) {
      load(store, bundled);
      byte[] first = canonical(store);
      CmoStore.LoadStats again = load(store, bundled);
      assertArrayEquals(first, canonical(store));
      assertEquals(again.quadsBefore(), again.quadsAfter());
      assertEquals(bundled.size(), store.studyIds().size());
    }
  }

  @Test
  void reloadingOneStudyReplacesOnlyItsGraph(@TempDir Path dir) {
    try (CmoStore store = CmoStore.open(dir)) {
      load(store, bundled);
      byte[] before = canonical(store);
      assertTrue(store.removeStudy("gillard-2014"));
      assertEquals(bundled.size() - 1, store.studyIds().size());
      Extraction gillard =
          bundled.stream().filter(x -> x.study().id().equals("gillard-2014")).findFirst().get();
      load(store, List.of(gillard));
      assertArrayEquals(before, canonical(store));
    }
  }

  @Test
  void aLoadThatFailsMidTransactionLeavesTheStoreAsItWas(@TempDir Path dir) throws IOException {
    try (CmoStore store = CmoStore.open(dir)) {
      load(store, bundled.subList(0, 3));
      byte[] before = canonical(store);
      ReferenceData ref = pipeline.reference();
      assertThrows(
          IllegalStateException.class,
          () ->
              store.replace(
                  ref.ontology(),
                  ref.catalogue(),
                  bundled,
                  x -> {
                    if (x == bundled.get(5)) {
                      throw new IllegalStateException("simulated failure after 5 studies");
                    }
                    return pipeline.convert(x);
                  }));
      assertArrayEquals(before, canonical(store));
      assertEquals(3, store.studyIds().size());
    }
    try (CmoStore reopened = CmoStore.open(dir)) {
      assertEquals(3, reopened.studyIds().size());
    }
  }

  @Test
  void theStoreSurvivesClosingAndReopening(@TempDir Path dir) {
    byte[] before;
    try (CmoStore store = CmoStore.open(dir)) {
      load(store, bundled);
      before = canonical(store);
    }
    try (CmoStore store = CmoStore.open(dir)) {
      assertArrayEquals(before, canonical(store));
    }
  }

  /** A fingerprint of every file in a store folder, to prove a refused load wrote nothing. */
  static TreeMap<String, String> files(Path dir) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Hashes.sha256(Files.readAllBytes(p)));
      }
    }
    return out;
  }
}
