package org.cmograph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cmograph.testing.Repo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Catalogue queries that read ids and notations from IRIs (for speed, see the query's comment) give
 * exactly the terms, in the same order, that following {@code dcterms:identifier} and {@code
 * skos:notation} gives: the long way is kept in {@code src/test/resources/query/by-identifier/},
 * and both run for every mechanism concept on the bundled data.
 */
class IdsFromIrisTest {
  static List<String> concepts() {
    return DigestQueriesTest.concepts(BundledData.store());
  }

  /** Each query with a by-identifier twin, with each concept (and no concept if optional). */
  static List<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (String query :
        List.of("evidence-for-mechanism", "outcomes-by-mechanism", "mechanism-contexts")) {
      CatalogueQuery entry = BundledData.catalogue().require(query);
      if (entry.param("mechanism").orElseThrow().optional()) {
        all.add(Arguments.of(query, "(all)"));
      }
      for (String concept : concepts()) {
        all.add(Arguments.of(query, concept));
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void givesTheRowsOfTheIdentifiers(String query, String concept) throws IOException {
    Map<String, String> param = concept.equals("(all)") ? Map.of() : Map.of("mechanism", concept);
    Query fast = BundledData.catalogue().require(query).bind(param);
    Query longWay =
        CatalogueQuery.parse(
                query,
                Files.readString(
                    Repo.root().resolve("src/test/resources/query/by-identifier/" + query + ".rq")))
            .bind(param);
    DatasetGraph bundled = BundledData.store().dataset();
    assertEquals(terms(longWay, bundled), terms(fast, bundled));
  }

  /** Every term of every row, in order, as QueryRunner answers {@code query} on {@code data}. */
  static List<List<Node>> terms(Query query, DatasetGraph data) {
    QueryResult.Rows result = (QueryResult.Rows) new QueryRunner().run(query, data);
    List<List<Node>> rows = new ArrayList<>();
    for (Binding b : result.rows()) {
      List<Node> row = new ArrayList<>();
      for (Var v : result.vars()) {
        row.add(b.get(v));
      }
      rows.add(row);
    }
    return rows;
  }
}
