package org.cmograph.endpoint;

import java.util.Optional;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.UpdateAdd;
import org.apache.jena.sparql.modify.request.UpdateClear;
import org.apache.jena.sparql.modify.request.UpdateCopy;
import org.apache.jena.sparql.modify.request.UpdateCreate;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateMove;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * What the update path accepts: a request parsed whole as plain SPARQL 1.1 Update (by {@link
 * GuardedUpdate}, before anything runs), made only of operations that stay inside the dataset —
 * {@code INSERT DATA}, {@code DELETE DATA}, {@code DELETE WHERE}, {@code DELETE/INSERT ... WHERE},
 * {@code CLEAR}, {@code DROP}, {@code CREATE}, {@code ADD}, {@code COPY}, {@code MOVE}. Refused:
 * {@code LOAD} (reads a file or URL of the client's choosing; loads go through {@code cmograph
 * load}), and, checked in each {@code WHERE} by {@link SparqlPolicy}'s walker (the query path's),
 * {@code SERVICE} anywhere and every function named by an IRI except SPARQL 1.1's XSD casts, so no
 * extension function, {@code java:} class, script or custom aggregate can run or reach outside. The
 * allow-list gives updates less than queries on purpose: a curator's writes need SPARQL's keyword
 * built-ins only. Refusals are messages for the client.
 */
final class UpdatePolicy {
  private UpdatePolicy() {}

  /** Why {@code request} may not run here, or empty if it may. */
  static Optional<String> refusal(UpdateRequest request) {
    for (Update update : request.getOperations()) {
      Optional<String> why = refusal(update);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> refusal(Update update) {
    if (update instanceof UpdateLoad load) {
      return Optional.of(
          "LOAD <"
              + load.getSource()
              + "> refused: this endpoint never reads files or fetches"
              + " documents; load data with 'cmograph load' or send it with the Graph Store"
              + " Protocol");
    }
    if (update instanceof UpdateModify modify) {
      return modify.getWherePattern() == null
          ? Optional.empty()
          : SparqlPolicy.refusal(
              Algebra.compile(modify.getWherePattern()), SparqlPolicy.Path.UPDATE);
    }
    if (update instanceof UpdateDeleteWhere deleteWhere) {
      return SparqlPolicy.predicateRefusal(
          deleteWhere.getQuads().stream().map(Quad::getPredicate), SparqlPolicy.Path.UPDATE);
    }
    if (update instanceof UpdateDataInsert
        || update instanceof UpdateDataDelete
        || update instanceof UpdateClear
        || update instanceof UpdateDrop
        || update instanceof UpdateCreate
        || update instanceof UpdateAdd
        || update instanceof UpdateCopy
        || update instanceof UpdateMove) {
      return Optional.empty();
    }
    return Optional.of(
        update.getClass().getSimpleName() + " refused: not a SPARQL 1.1 update operation");
  }
}
