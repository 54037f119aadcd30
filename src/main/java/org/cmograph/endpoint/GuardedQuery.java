package org.cmograph.endpoint;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * Fuseki's SPARQL query service with the endpoint's limits: the {@link QueryPolicy} check before
 * anything runs, and a cap on result size. A SELECT result is read up to the cap before the
 * response starts, so a query that hits the time limit gets a clean error status instead of a
 * truncated document, and a cut result says so in {@value EndpointServer#TRUNCATED_HEADER}.
 * CONSTRUCT and DESCRIBE use at most the cap's number of solutions.
 */
final class GuardedQuery extends SPARQL_QueryDataset {
  private final int maxRows;

  GuardedQuery(int maxRows) {
    this.maxRows = maxRows;
  }

  @Override
  protected void validateQuery(HttpAction action, Query query) {
    QueryPolicy.refusal(query).ifPresent(ServletOps::errorBadRequest);
  }

  @Override
  protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
    action.setResponseHeader(EndpointServer.MAX_ROWS_HEADER, Integer.toString(maxRows));
    Query capped = query;
    if (!query.isSelectType() && !query.isAskType()
        && (!query.hasLimit() || query.getLimit() > maxRows)) {
      capped = query.cloneQuery();
      capped.setLimit(maxRows);
    }
    return super.createQueryExec(action, capped, dataset);
  }

  @Override
  protected QueryExecResult executeQuery(
      HttpAction action, QueryExec exec, Query requestQuery, String queryStringLog) {
    if (!requestQuery.isSelectType()) {
      return super.executeQuery(action, exec, requestQuery, queryStringLog);
    }
    RowSet rows = exec.select();
    List<Binding> kept = new ArrayList<>();
    while (kept.size() <= maxRows && rows.hasNext()) {
      kept.add(rows.next());
    }
    if (kept.size() > maxRows) {
      kept.remove(kept.size() - 1);
      action.setResponseHeader(EndpointServer.TRUNCATED_HEADER, "true");
      action.log.warn(
          String.format("[%d] result cut at %d rows (--max-rows)", action.id, maxRows));
    }
    return new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
  }
}
