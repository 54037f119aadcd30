package org.cmograph.endpoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionExecLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateFactory;

/**
 * Fuseki's SPARQL query service with the endpoint's limits: the {@link QueryPolicy} check before
 * anything runs, and a cap on result size. A SELECT result is read up to the cap before the
 * response starts, so a query that hits the time limit gets a clean error status instead of a
 * truncated document, and a cut result says so in {@value EndpointServer#TRUNCATED_HEADER}.
 * CONSTRUCT and DESCRIBE use at most the cap's number of solutions. At most {@link QueryGate#size}
 * queries run at once; the others wait their turn (the time limit counts running time only), and
 * one that waits longer than the gate allows is answered 503 with {@code Retry-After}.
 *
 * <p>Each query is logged once, shortened ({@link #forLog}): Fuseki's own processing logs the whole
 * text and then serialises the parsed query once more for its log, which for the catalogue's
 * queries was ~10 KB of log and a second pass over the query per request.
 */
final class GuardedQuery extends SPARQL_QueryDataset {
  private final int maxRows;
  private final long maxWorkBytes;
  private final QueryGate gate;
  private final ParsedQueries parsed;

  GuardedQuery(int maxRows, long maxWorkBytes, QueryGate gate, ParsedQueries parsed) {
    this.maxRows = maxRows;
    this.maxWorkBytes = maxWorkBytes;
    this.gate = gate;
    this.parsed = parsed;
  }

  /**
   * Fuseki's reading of a query sent as the request body, with a failure to read it answered as the
   * client's doing: a body over the size limit (RequestGuard makes the status 413) or a connection
   * closed mid-body is one log line, not a 500 with a stack trace.
   */
  @Override
  protected void executeBody(HttpAction action) {
    String queryString;
    try {
      queryString = IO.readWholeFileAsUTF8(action.getRequestInputStream());
    } catch (IOException | RuntimeIOException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      action.log.warn(
          String.format("[%d] request body not read: %s", action.id, root.getMessage()));
      ServletOps.errorBadRequest("the request body could not be read");
      return;
    }
    execute(queryString, action);
  }

  /** The answer to a SPARQL Update sent to the query service. */
  static final String READ_ONLY =
      "This endpoint is read-only: it answers queries (SELECT, ASK, CONSTRUCT, DESCRIBE) and"
          + " refuses updates (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE ...)";

  /** Whether text that is not a query parses as a SPARQL Update (checked only after a failure). */
  static boolean isUpdate(String text) {
    try {
      UpdateFactory.create(text, Syntax.syntaxARQ);
      return true;
    } catch (RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  /**
   * Fuseki's checks, after one of its own: an update sent the SPARQL Update way (an {@code update=}
   * parameter or an {@code application/sparql-update} body) is told the endpoint is read-only, not
   * that a query is missing or the content type unsupported.
   */
  @Override
  public void validate(HttpAction action) {
    String type = action.getRequestContentType();
    if (action.getRequestParameter("update") != null
        || (type != null
            && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/sparql-update"))) {
      action.log.warn(
          String.format("[%d] refused: an update sent to the query service", action.id));
      ServletOps.errorBadRequest(READ_ONLY);
    }
    super.validate(action);
  }

  /** At most this many characters of a query go into the log line. */
  static final int LOGGED_CHARS = 160;

  /**
   * Fuseki's {@code SPARQLQueryProcessor.execute} with a short log line: parse, check (or take a
   * copy of the same text's earlier parse, {@link ParsedQueries}), run in a read transaction.
   * Errors answer as Fuseki's do (400 for a parse error or a refused query).
   */
  @Override
  protected void execute(String queryString, HttpAction action) {
    if (queryString.isBlank()) {
      ServletOps.errorBadRequest(
          queryString.isEmpty() ? "Error: Empty query string" : "Error: Blank query string");
    }
    action.log.info(String.format("[%d] Query = %s", action.id, forLog(queryString)));
    // A text that passed every check before is not parsed or checked again (ParsedQueries).
    Query query = parsed.copyOf(queryString);
    if (query == null) {
      query = parseAndCheck(queryString, action);
      parsed.keep(queryString, query);
    }
    if (!gate.enter()) {
      action.log.warn(
          String.format("[%d] busy: no turn within %d s", action.id, gate.maxWait().toSeconds()));
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
        if (query.isSelectType() || query.isConstructType() || query.isDescribeType()) {
          // The rows or triples are in memory (executeQuery): writing them out is not query
          // work, so the next query may start while this response is written, and a slow reader
          // holds no place (still in the read transaction: TDB2 decodes a row's nodes as it is
          // written).
          inGate = false;
          gate.leave();
        }
        sendResults(action, result, query.getPrologue());
      }
    } catch (QueryParseException e) {
      action.abortSilent();
      ServletOps.errorBadRequest(
          "Query parse error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(e));
    } catch (BoundedEvaluation.ValueTooLarge e) {
      action.abortSilent();
      action.log.warn(String.format("[%d] refused: %s", action.id, e.getMessage()));
      ServletOps.errorBadRequest(e.getMessage());
    } catch (StackOverflowError e) {
      action.abortSilent();
      action.log.warn(String.format("[%d] refused: nested too deeply", action.id));
      ServletOps.errorBadRequest(QueryPolicy.TOO_DEEP);
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

  /**
   * The query parsed, after the nesting limit and {@link #validateQuery}: answers 400 (and does not
   * return) for a text that is too deep, does not parse, is an update or is refused.
   */
  private Query parseAndCheck(String queryString, HttpAction action) {
    if (QueryPolicy.nestingDepth(queryString) > QueryPolicy.MAX_NESTING) {
      action.log.warn(String.format("[%d] refused: nested too deeply", action.id));
      ServletOps.errorBadRequest(QueryPolicy.TOO_DEEP);
    }
    Query query = null;
    try {
      query = QueryFactory.create(queryString, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
      validateQuery(action, query);
    } catch (ActionErrorException e) {
      throw e;
    } catch (QueryParseException e) {
      if (isUpdate(queryString)) {
        action.log.warn(String.format("[%d] refused: an update sent as a query", action.id));
        ServletOps.errorBadRequest(READ_ONLY);
      }
      String msg = SPARQLProtocol.messageForParseException(e);
      action.log.warn(String.format("[%d] %s", action.id, msg));
      ServletOps.errorBadRequest(msg);
    } catch (QueryException e) {
      String msg = SPARQLProtocol.messageForException(e);
      action.log.warn(String.format("[%d] %s", action.id, msg));
      ServletOps.errorBadRequest("Error: \n" + queryString + "\n" + msg);
    } catch (StackOverflowError e) {
      action.log.warn(String.format("[%d] refused: nested too deeply", action.id));
      ServletOps.errorBadRequest(QueryPolicy.TOO_DEEP);
    }
    return query;
  }

  /**
   * The query on one line, cut to {@value #LOGGED_CHARS} characters, with its length: each run of
   * white space (as regex {@code \s}) becomes one space. Reads only as far as the line needs (this
   * runs on every request; a regular expression over the whole text cost as much as the check of
   * the query's nesting).
   */
  static String forLog(String queryString) {
    String text = queryString.strip();
    StringBuilder flat = new StringBuilder(LOGGED_CHARS + 1);
    boolean space = false;
    for (int i = 0; i < text.length() && flat.length() <= LOGGED_CHARS; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        space = true;
      } else {
        if (space) {
          flat.append(' ');
          space = false;
        }
        flat.append(c);
      }
    }
    return flat.length() <= LOGGED_CHARS
        ? flat.toString()
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
    // CONSTRUCT is cut by its triples as they stream (executeQuery), which says so in the header.
    if (query.isDescribeType() && (!query.hasLimit() || query.getLimit() > maxRows)) {
      capped = query.cloneQuery();
      capped.setLimit(maxRows);
    }
    QueryExec exec = super.createQueryExec(action, capped, dataset);
    BoundedEvaluation.startClock(exec.getContext());
    BoundedWork.startBudget(exec.getContext(), maxWorkBytes);
    return exec;
  }

  @Override
  protected QueryExecResult executeQuery(
      HttpAction action, QueryExec exec, Query requestQuery, String queryStringLog) {
    if (requestQuery.isConstructQuad()) {
      DatasetGraph quads = DatasetGraphFactory.create();
      Output cap = new Output();
      Iterator<Quad> it = exec.constructQuads();
      long count = 0;
      while (it.hasNext() && cap.fits(action, count)) {
        Quad q = it.next();
        count++;
        cap.add(
            bytes(q.getGraph())
                + bytes(q.getSubject())
                + bytes(q.getPredicate())
                + bytes(q.getObject()));
        quads.add(q);
      }
      return new QueryExecResult(quads);
    }
    if (requestQuery.isConstructType() || requestQuery.isDescribeType()) {
      Graph graph = GraphFactory.createDefaultGraph();
      Output cap = new Output();
      Iterator<Triple> it =
          requestQuery.isConstructType() ? exec.constructTriples() : exec.describeTriples();
      while (it.hasNext() && cap.fits(action, graph.size())) {
        Triple t = it.next();
        cap.add(bytes(t.getSubject()) + bytes(t.getPredicate()) + bytes(t.getObject()));
        graph.add(t);
      }
      return new QueryExecResult(graph);
    }
    if (!requestQuery.isSelectType()) {
      return super.executeQuery(action, exec, requestQuery, queryStringLog);
    }
    RowSet rows = exec.select();
    List<Var> vars = rows.getResultVars();
    List<Binding> kept = new ArrayList<>();
    Output cap = new Output();
    while (rows.hasNext() && cap.fits(action, kept.size())) {
      kept.add(flat(rows.next(), vars, cap));
    }
    return new QueryExecResult(RowSetStream.create(vars, kept.iterator()));
  }

  /**
   * The row's terms of the result's variables, in a binding of one level, with their size added to
   * {@code cap}. A row from ARQ is a chain of levels (one per {@code BIND}, over the store's row of
   * node ids) that is walked for every variable looked up; the kept row is written from one map,
   * and its terms are read from the store here, once.
   */
  private static Binding flat(Binding row, List<Var> vars, Output cap) {
    BindingBuilder out = BindingFactory.builder();
    long size = 0;
    for (Var v : vars) {
      Node n = row.get(v);
      if (n != null) {
        size += bytes(n);
        out.add(v, n);
      }
    }
    cap.add(size);
    return out.build();
  }

  /** Most bytes (estimated from the terms' text) a result may hold in memory and send. */
  static final long MAX_RESULT_BYTES = 32L * 1024 * 1024;

  /** The rough size of a term once written: its text plus a little syntax. */
  static long bytes(Node n) {
    if (n == null) {
      return 0;
    }
    if (n.isURI()) {
      return n.getURI().length() + 2L;
    }
    if (n.isLiteral()) {
      return n.getLiteralLexicalForm().length()
          + n.getLiteralDatatypeURI().length()
          + n.getLiteralLanguage().length()
          + 6L;
    }
    return 24;
  }

  /**
   * The cap on one result: {@code maxRows} rows or triples and {@link #MAX_RESULT_BYTES} bytes.
   * When an item beyond the cap exists, the response says it was cut.
   */
  private final class Output {
    private long bytes;
    private boolean cut;

    void add(long itemBytes) {
      bytes += itemBytes;
    }

    /** Whether one more item may be added to {@code count} items; notes the cut when not. */
    boolean fits(HttpAction action, long count) {
      if (count < maxRows && bytes < MAX_RESULT_BYTES) {
        return true;
      }
      if (!cut) {
        cut = true;
        action.setResponseHeader(EndpointServer.TRUNCATED_HEADER, "true");
        action.log.warn(
            String.format(
                "[%d] result cut at %d items / %d bytes (--max-rows, %d byte cap)",
                action.id, count, bytes, MAX_RESULT_BYTES));
      }
      return false;
    }
  }
}
