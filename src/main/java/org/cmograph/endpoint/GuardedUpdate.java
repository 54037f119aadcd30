package org.cmograph.endpoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.modify.UsingList;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * Fuseki's SPARQL Update service for the one update user, made safe to expose. Fuseki parses and
 * runs an update as a stream, so the operations before a syntax error have already run when the
 * error is found; here the whole request is parsed first, as plain SPARQL 1.1 Update, and checked
 * by {@link UpdatePolicy}, and a request that fails either is refused (400) before anything runs.
 * The accepted request then runs in one write transaction under the queries' time limit, with ARQ's
 * own switches for {@code SERVICE} and property functions off as a second line of defence. The
 * request is read whole; its size is already bounded by {@link RequestGuard}.
 */
final class GuardedUpdate extends SPARQL_Update {
  private final Duration timeout;

  GuardedUpdate(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  protected void execute(HttpAction action, InputStream input) {
    UsingList using = usingList(action);
    String text;
    try {
      text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      ServletOps.errorBadRequest("cannot read the update: " + e.getMessage());
      return;
    }
    action.log.info(String.format("[%d] Update = %s", action.id, GuardedQuery.forLog(text)));
    if (QueryPolicy.nestingDepth(text) > QueryPolicy.MAX_NESTING) {
      refuse(action, QueryPolicy.TOO_DEEP + "\nnothing was run");
    }
    UpdateRequest request = null;
    try {
      request =
          UpdateFactory.read(
              using,
              new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
              Fuseki.BaseParserSPARQL,
              Syntax.syntaxSPARQL_11);
    } catch (QueryParseException e) {
      refuse(action, SPARQLProtocol.messageForParseException(e) + "\nnothing was run");
    } catch (QueryException | UpdateException e) {
      refuse(action, "Bad update: " + e.getMessage() + "\nnothing was run");
    }
    UpdatePolicy.refusal(request).ifPresent(why -> refuse(action, why));
    action.beginWrite();
    try {
      // One execution per operation, sharing one deadline: with a time limit, Jena 5.6 ran a
      // request of several WHERE-operations (INSERT ... WHERE ; DELETE WHERE) until the limit.
      long deadline = System.nanoTime() + timeout.toNanos();
      for (Update operation : request) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new QueryCancelledException();
        }
        UpdateExec.dataset(action.getActiveDSG())
            .update(operation)
            .set(ARQ.httpServiceAllowed, false)
            .set(ARQ.enablePropertyFunctions, false)
            .timeout(left, TimeUnit.NANOSECONDS)
            .build()
            .execute();
      }
      action.commit();
    } catch (QueryCancelledException e) {
      action.abortSilent();
      action.log.warn(
          String.format("[%d] update over the time limit; nothing was changed", action.id));
      ServletOps.error(
          503, "Update timed out after " + timeout.toMillis() / 1000.0 + " s; nothing was changed");
    } catch (ActionErrorException e) {
      action.abortSilent();
      throw e;
    } catch (UpdateException | QueryException e) {
      action.abortSilent();
      refuse(action, "Update failed: " + e.getMessage() + "\nnothing was changed");
    } catch (RuntimeException | Error e) {
      action.abortSilent();
      throw e;
    } finally {
      action.endWrite();
    }
  }

  private static void refuse(HttpAction action, String why) {
    action.log.warn(String.format("[%d] update refused: %s", action.id, GuardedQuery.forLog(why)));
    ServletOps.errorBadRequest(why);
  }

  /**
   * The protocol's {@code using-graph-uri} and {@code using-named-graph-uri}: graphs in the store.
   */
  private static UsingList usingList(HttpAction action) {
    UsingList using = new UsingList();
    String[] graphs = action.getRequest().getParameterValues(HttpNames.paramUsingGraphURI);
    String[] named = action.getRequest().getParameterValues(HttpNames.paramUsingNamedGraphURI);
    if (graphs != null) {
      for (String iri : graphs) {
        using.addUsing(NodeFactory.createURI(absolute(iri)));
      }
    }
    if (named != null) {
      for (String iri : named) {
        using.addUsingNamed(NodeFactory.createURI(absolute(iri)));
      }
    }
    return using;
  }

  private static String absolute(String iri) {
    try {
      IRIx x = IRIx.create(iri);
      if (x.isReference()) {
        return x.str();
      }
    } catch (IRIException e) {
      // answered below
    }
    ServletOps.errorBadRequest("SPARQL Update: not an absolute IRI: " + iri);
    return null;
  }
}
