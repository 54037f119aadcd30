package org.cmograph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.cmograph.report.GeneratedStore;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Catalogue queries that add up digests ({@code cmo:MechanismDigest}, made at load with a study's
 * inferred triples) give exactly the rows of the plain scan over every finding, kept in {@code
 * src/test/resources/query/plain-scan/}: without a parameter and for every mechanism concept, on
 * the bundled data and on 200 generated studies.
 */
class DigestQueriesTest {
  static final List<String> QUERIES = List.of("confidence-profiles", "evidence-gaps");

  @TempDir static Path generatedDir;
  private static CmoStore generated;

  @BeforeAll
  static void generate() throws IOException {
    generated = GeneratedStore.of(generatedDir, 11, 200);
  }

  @AfterAll
  static void close() {
    generated.close();
  }

  static List<String> concepts(CmoStore store) {
    QueryResult.Rows rows =
        (QueryResult.Rows)
            new QueryRunner()
                .run(
                    QueryFactory.create(
                        "PREFIX cmo: <https://w3id.org/cmograph/ontology#>\n"
                            + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                            + "SELECT ?id WHERE { ?c a cmo:MechanismConcept ; skos:notation ?id }"
                            + " ORDER BY ?id"),
                    store.dataset());
    return rows.rows().stream().map(b -> b.get(Var.alloc("id")).getLiteralLexicalForm()).toList();
  }

  /** Each query without a parameter, and with each concept if it takes one. */
  static List<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (String data : List.of("bundled", "generated")) {
      for (String query : QUERIES) {
        all.add(Arguments.of(data, query, "(all)"));
        if (BundledData.catalogue().require(query).param("mechanism").isPresent()) {
          for (String concept : concepts(BundledData.store())) {
            all.add(Arguments.of(data, query, concept));
          }
        }
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void givesTheRowsOfThePlainScan(String data, String query, String concept) {
    CmoStore store = data.equals("bundled") ? BundledData.store() : generated;
    Map<String, String> param = concept.equals("(all)") ? Map.of() : Map.of("mechanism", concept);
    List<List<String>> digests = rows(BundledData.catalogue().require(query).bind(param), store);
    List<List<String>> plain = rows(plainScan(query).bind(param), store);
    if (concept.equals("(all)")) {
      assertTrue(plain.size() > 2, query + " finds something in the " + data + " data");
    }
    assertEquals(plain, digests);
  }

  private static CatalogueQuery plainScan(String query) {
    try {
      return CatalogueQuery.parse(
          query,
          Files.readString(
              Repo.root().resolve("src/test/resources/query/plain-scan/" + query + ".rq")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<List<String>> rows(Query query, CmoStore store) {
    return ResultTable.cells((QueryResult.Rows) new QueryRunner().run(query, store.dataset()));
  }
}
