package org.cmograph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.cmograph.report.GeneratedStore;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue's {@code studies} query (ids and notations read from the IRIs, the optional columns
 * joined by hash) gives exactly the terms, in the same order, of the long way kept in {@code
 * src/test/resources/query/by-identifier/studies.rq} (each column followed from the study, study by
 * study): on the bundled data, whose studies lack some years, designs, countries, sample sizes and
 * concerns, and on 200 generated studies.
 */
class StudiesQueryTest {
  @TempDir static Path generatedDir;
  private static CmoStore generated;

  @BeforeAll
  static void generate() throws IOException {
    generated = GeneratedStore.of(generatedDir, 17, 200);
  }

  @AfterAll
  static void close() {
    generated.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bundled", "generated"})
  void givesTheRowsOfTheLongWay(String data) throws IOException {
    CmoStore store = data.equals("bundled") ? BundledData.store() : generated;
    Query fast = BundledData.catalogue().require("studies").bind(Map.of());
    Query longWay =
        CatalogueQuery.parse(
                "studies",
                Files.readString(
                    Repo.root().resolve("src/test/resources/query/by-identifier/studies.rq")))
            .bind(Map.of());
    List<List<Node>> expected = IdsFromIrisTest.terms(longWay, store.dataset());
    assertTrue(expected.size() >= 20, data + ": " + expected.size() + " studies");
    // Some rows leave an optional column empty (the bundled data), so a join that lost or
    // duplicated rows would show.
    if (data.equals("bundled")) {
      assertTrue(expected.stream().anyMatch(row -> row.contains(null)), "an empty column");
    }
    assertEquals(expected, IdsFromIrisTest.terms(fast, store.dataset()));
  }
}
