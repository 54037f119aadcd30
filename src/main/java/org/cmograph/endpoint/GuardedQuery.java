package org.cmograph.endpoint;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionExecLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.exec.QueryExecResult;
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
 * CONSTRUCT and DESCRIBE use at most the cap's number of solutions. At most {@link QueryGate#size}
 * queries run at once; the others wait their turn (the time limit counts running time only), and
 * one that waits longer than the gate allows is answered 503 with {@code Retry-After}.
 *
 * <p>Each query is logged once, shortened ({@link #forLog}): Fuseki's own processing logs the
 * whole text and then serialises the parsed query once more for its log, which for the catalogue's
 * queries was ~10 KB of log and a second pass over the query per request.
 */
final class GuardedQuery extends SPARQL_QueryDataset {
  private final int maxRows;
  private final QueryGate gate;

  GuardedQuery(int maxRows, QueryGate gate) {
    this.maxRows = maxRows;
    this.gate = gate;
  }

  /** At most this many characters of a query go into the log line. */
  static final int LOGGED_CHARS = 160;

  /**
   * Fuseki's {@code SPARQLQueryProcessor.execute} with a short log line: parse, check, run in a
   * read transaction. Errors answer as Fuseki's do (400 for a parse error or a refused query).
   */
  @Override
  protected void execute(String queryString, HttpAction action) {
    if (queryString.isBlank()) {
      ServletOps.errorBadRequest(
          queryString.isEmpty() ? "Error: Empty query string" : "Error: Blank query string");
    }
    action.log.info(String.format("[%d] Query = %s", action.id, forLog(queryString)));
    Query query = null;
    try {
      query = QueryFactory.create(queryString, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
      validateQuery(action, query);
    } catch (ActionErrorException e) {
      throw e;
    } catch (QueryParseException e) {
      String msg = SPARQLProtocol.messageForParseException(e);
      action.log.warn(String.format("[%d] %s", action.id, msg));
      ServletOps.errorBadRequest(msg);
    } catch (QueryException e) {
      String msg = SPARQLProtocol.messageForException(e);
      action.log.warn(String.format("[%d] %s", action.id, msg));
      ServletOps.errorBadRequest("Error: \n" + queryString + "\n" + msg);
    }
    if (!gate.enter()) {
      action.log.warn(String.format("[%d] busy: no turn within %d s", action.id, gate.maxWait().toSeconds()));
      action.setResponseHeader("Retry-After", "5");
      ServletOps.error(
          503,
          "Busy: "
              + gate.size()
              + " queries are running and this one waited "
              + gate.maxWait().toSeconds()
              + " s for its turn; try again shortly");
    }
    boolean inGate = true;
    try {
      action.beginRead();
      Pair<DatasetGraph, Query> target = decideDataset(action, query, null);
      Query run = target.getRight() == null ? query : target.getRight();
      try (QueryExec exec = createQueryExec(action, run, target.getLeft())) {
        QueryExecResult result = executeQuery(action, exec, query, null);
        if (query.isSelectType()) {
          // The rows are in memory (executeQuery): writing them out is not query work, so the
          // next query may start while this response is written (still in the read transaction:
          // TDB2 decodes a row's nodes as it is written).
          inGate = false;
          gate.leave();
        }
        sendResults(action, result, query.getPrologue());
      }
    } catch (QueryParseException e) {
      action.abortSilent();
      ServletOps.errorBadRequest(
          "Query parse error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(e));
    } catch (QueryCancelledException e) {
      action.abortSilent();
      ActionExecLib.incCounter(action.getEndpoint().getCounters(), CounterName.QueryTimeouts);
      throw e;
    } finally {
      try {
        action.endRead();
      } finally {
        if (inGate) {
          gate.leave();
        }
      }
    }
  }

  /** The query on one line, cut to {@value #LOGGED_CHARS} characters, with its length. */
  static String forLog(String queryString) {
    String flat = queryString.strip().replaceAll("\\s+", " ");
    return flat.length() <= LOGGED_CHARS
        ? flat
        : flat.substring(0, LOGGED_CHARS) + "... (" + queryString.length() + " chars)";
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
