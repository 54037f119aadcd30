package org.cmograph.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.cmograph.store.RemoteGraphStore;

/**
 * Runs a query against the store or a remote SPARQL endpoint, the same way the endpoint does: the
 * default graph is the union of all named graphs (so queries need no GRAPH clauses), every run has
 * a time limit, and nothing is ever written. Locally the query runs in one read transaction and may
 * not call out with SERVICE.
 *
 * <pre>
 * QueryRunner runner = new QueryRunner(Duration.ofSeconds(30));
 * QueryResult r = runner.run(catalogue.require("mechanisms").bind(Map.of()), store.dataset());
 * r.write(ResultFormat.CSV, System.out);
 * </pre>
 */
public final class QueryRunner {
  /** The time limit when none is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final Duration timeout;

  public QueryRunner(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new QueryUsageException("the time limit must be positive, not " + timeout);
    }
    this.timeout = timeout;
  }

  public QueryRunner() {
    this(DEFAULT_TIMEOUT);
  }

  public Duration timeout() {
    return timeout;
  }

  /** Runs {@code query} over {@code dataset} in a read transaction, default graph = union. */
  public QueryResult run(Query query, DatasetGraph dataset) {
    boolean tdb2 = DatabaseMgr.isTDB2(dataset);
    try {
      return Txn.calculateRead(
          dataset,
          () -> {
            DatasetGraph target = tdb2 ? dataset : unionDefaultGraph(dataset);
            QueryExecBuilder builder =
                QueryExec.dataset(target)
                    .query(query)
                    .set(ARQ.httpServiceAllowed, false)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (tdb2) {
              builder = builder.set(TDB2.symUnionDefaultGraph, true);
            }
            try (QueryExec exec = builder.build()) {
              return collect(exec, query);
            }
          });
    } catch (QueryCancelledException e) {
      throw timedOut(e);
    } catch (QueryException e) {
      throw new QueryFailure("the query failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code query} at a SPARQL 1.1 Protocol endpoint ({@link EndpointQuery}). */
  public QueryResult run(Query query, String endpoint) {
    return run(query, endpoint, null);
  }

  /**
   * Runs {@code query} at a SPARQL 1.1 Protocol endpoint that may want credentials.
   *
   * @param credentials null to send none
   */
  public QueryResult run(Query query, String endpoint, RemoteGraphStore.Credentials credentials) {
    return new EndpointQuery(endpoint, credentials, timeout).run(query);
  }

  private QueryFailure timedOut(QueryCancelledException e) {
    return new QueryFailure(
        "the query was stopped at its time limit of "
            + timeout.toSeconds()
            + " s; narrow it, or allow more with --timeout",
        e);
  }

  private static QueryResult collect(QueryExec exec, Query query) {
    if (query.isSelectType()) {
      RowSet rows = exec.select();
      List<Binding> all = new ArrayList<>();
      // TDB2 rows read their terms lazily: copy them while the transaction is open.
      rows.forEachRemaining(row -> all.add(BindingFactory.copy(row)));
      PrefixMapping prefixes = PrefixMapping.Factory.create();
      prefixes.setNsPrefixes(query.getPrefixMapping());
      return new QueryResult.Rows(rows.getResultVars(), all, prefixes);
    }
    if (query.isAskType()) {
      return new QueryResult.Answer(exec.ask());
    }
    if (query.isConstructType() || query.isDescribeType()) {
      Graph copy = GraphFactory.createGraphMem();
      Graph result = query.isConstructType() ? exec.construct() : exec.describe();
      result.find().forEachRemaining(copy::add);
      copy.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
      return new QueryResult.Triples(copy);
    }
    throw new QueryUsageException("only SELECT, ASK, CONSTRUCT and DESCRIBE queries can be run");
  }

  /**
   * A view of {@code dataset} whose default graph is the union of its named graphs, which stay
   * addressable, for datasets other than TDB2 (which is told through its context instead). Call
   * inside a transaction on {@code dataset}.
   */
  static DatasetGraph unionDefaultGraph(DatasetGraph dataset) {
    DatasetGraph view = DatasetGraphFactory.create(dataset.getUnionGraph());
    dataset.listGraphNodes().forEachRemaining(name -> view.addGraph(name, dataset.getGraph(name)));
    return view;
  }
}
