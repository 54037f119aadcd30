package org.cmograph.endpoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.Syntax;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * Fuseki's SPARQL Update service, for the one update user, with the {@link QueryPolicy} check: no
 * {@code LOAD} (the server would fetch a URL of the client's choosing), no {@code SERVICE}, no
 * script functions. The request is read whole to be checked; its size is already bounded by
 * {@link RequestGuard}.
 */
final class GuardedUpdate extends SPARQL_Update {
  @Override
  protected void execute(HttpAction action, InputStream input) {
    byte[] body;
    try {
      body = input.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    UpdateRequest request = null;
    try {
      request =
          UpdateFactory.create(
              new String(body, StandardCharsets.UTF_8), "http://localhost/", Syntax.syntaxARQ);
    } catch (QueryException e) {
      // Fuseki reports the syntax error itself, with its usual message.
    }
    if (request != null) {
      QueryPolicy.refusal(request).ifPresent(ServletOps::errorBadRequest);
    }
    super.execute(action, new ByteArrayInputStream(body));
  }
}
