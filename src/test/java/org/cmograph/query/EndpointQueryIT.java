package org.cmograph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link EndpointQuery} reads what servers send, against a loopback server answering as
 * Virtuoso does (its headers and spellings, as measured in VirtuosoEndpointIT).
 */
class EndpointQueryIT {
  static final String ROWS =
      """
      { "head": { "link": [], "vars": ["o"] },
        "results": { "distinct": false, "ordered": true, "bindings": [
          { "o": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "1" }},
          { "o": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "0" }} ] } }
      """;

  HttpServer server;
  Map<String, String> headers = Map.of();
  final List<String> requests = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/sparql",
        exchange -> {
          String type = exchange.getRequestHeaders().getFirst("Content-Type");
          requests.add(exchange.getRequestMethod() + " " + (type == null ? "" : type));
          exchange.getRequestBody().readAllBytes();
          headers.forEach(exchange.getResponseHeaders()::add);
          exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
          byte[] body = ROWS.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  QueryResult run(String query) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sparql";
    return new EndpointQuery(url, null, Duration.ofSeconds(10)).run(QueryFactory.create(query));
  }

  @Test
  void booleansWrittenAsDigitsComeBackAsTrueAndFalse() {
    QueryResult.Rows rows = (QueryResult.Rows) run("SELECT ?o { ?s ?p ?o }");
    assertEquals(
        List.of("true", "false"),
        rows.rows().stream().map(b -> b.get(rows.vars().get(0)).getLiteralLexicalForm()).toList());
  }

  @Test
  void shortQueriesGoAsGetAndLongOnesAsAForm() {
    run("SELECT ?o { ?s ?p ?o }");
    run("SELECT ?o { ?s ?p ?o FILTER(?o != \"" + "x".repeat(3000) + "\") }");
    assertEquals(List.of("GET ", "POST application/x-www-form-urlencoded"), requests);
  }

  @Test
  void anAnswerMarkedPartialIsRefused() {
    headers =
        Map.of("X-SQL-State", "S1TAT", "X-SQL-Message", "RC...: Returning incomplete results");
    QueryFailure e = assertThrows(QueryFailure.class, () -> run("SELECT ?o { ?s ?p ?o }"));
    assertTrue(
        e.getMessage().contains("sent only part of the answer (S1TAT: RC..."), e.getMessage());
  }

  @Test
  void anAnswerAtTheServersRowLimitIsRefusedOneBelowItIsNot() {
    headers = Map.of("X-SPARQL-MaxRows", "2");
    QueryFailure e = assertThrows(QueryFailure.class, () -> run("SELECT ?o { ?s ?p ?o }"));
    assertTrue(e.getMessage().contains("cut the answer at its limit of 2 rows"), e.getMessage());
    headers = Map.of("X-SPARQL-MaxRows", "3");
    assertEquals(2, ((QueryResult.Rows) run("SELECT ?o { ?s ?p ?o }")).rows().size());
  }
}
