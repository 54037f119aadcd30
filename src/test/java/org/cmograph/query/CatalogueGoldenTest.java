package org.cmograph.query;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of every catalogue query, run on the bundled data, gives the rows of its golden
 * file ({@code src/test/resources/query/NAME.csv}). After an intended change to a query or to the
 * data, rewrite them with {@code -Dsnapshots.update=true} and review the diff.
 */
class CatalogueGoldenTest {
  static List<BundledData.GoldenCase> cases() {
    return BundledData.goldenCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesItsGoldenRows(BundledData.GoldenCase c) {
    QueryResult result = new QueryRunner().run(c.query(), BundledData.store().dataset());
    assertTrue(result instanceof QueryResult.Rows, c + " is a SELECT query");
    List<List<String>> table = ResultTable.cells((QueryResult.Rows) result);
    // No two findings of the bundled data disagree about one mechanism (their refutations are of
    // theory CMOCs' outcome claims, by outcome patterns): FindingsOnlyTest runs
    // conflicting-evidence
    // on a fixture that has a conflict, and a refuting background passage that must not count.
    if (!c.toString().startsWith("conflicting-evidence")) {
      assertTrue(table.size() > 1, c + " finds something in the bundled data");
    }
    ResultTable.assertMatchesGolden(c, table);
  }
}
