package org.cmograph.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cmograph.query.CatalogueQuery;
import org.cmograph.query.ParamValues;
import org.cmograph.query.QueryParam;
import org.cmograph.query.QueryResult;
import org.cmograph.query.QueryRunner;
import org.cmograph.query.QueryUsageException;
import org.cmograph.store.CmoStore;
import org.cmograph.store.RemoteGraphStore;

/**
 * A query of {@code cmograph query} with its parameter values bound, and where it runs. Jena's
 * query types live here, not in {@link QueryCommand}: picocli reflects on every command's methods
 * when it builds the command line, even for {@code --help}, and a Jena type in their signatures
 * loads Jena's classes there (CliStartupTest).
 */
record BoundQuery(CatalogueQuery declared, Map<String, String> values, Query query) {
  static BoundQuery of(CatalogueQuery declared, Map<String, String> values) {
    return new BoundQuery(declared, values, declared.bind(values));
  }

  /** True for CONSTRUCT and DESCRIBE, which give RDF rather than rows. */
  boolean givesRdf() {
    return query.isConstructType() || query.isDescribeType();
  }

  QueryResult runOn(QueryRunner runner, CmoStore store) {
    return checkedRun(q -> runner.run(q, store.dataset()));
  }

  QueryResult runAt(QueryRunner runner, String endpoint, RemoteGraphStore.Credentials credentials) {
    return checkedRun(q -> runner.run(q, endpoint, credentials));
  }

  /**
   * Runs the query with {@code run}, after refusing a mechanism or study id that names nothing
   * where it runs (with the nearest ids, as the endpoint's forms answer): such a query would find
   * nothing, silently.
   */
  private QueryResult checkedRun(Function<Query, QueryResult> run) {
    for (QueryParam p : declared.params()) {
      String value = values.get(p.name());
      if (value != null) {
        ParamValues.problem(p, value, text -> rows(run.apply(QueryFactory.create(text))))
            .ifPresent(
                message -> {
                  throw new QueryUsageException(message);
                });
      }
    }
    return run.apply(query);
  }

  private static List<Binding> rows(QueryResult result) {
    return result instanceof QueryResult.Rows rows ? rows.rows() : List.of();
  }
}
