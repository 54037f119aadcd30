package org.cmograph.endpoint;

import static org.cmograph.endpoint.Http.basic;
import static org.cmograph.endpoint.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guards of a public endpoint, one test each; every test fails if its guard is removed. Servers
 * listen on a free loopback port and are stopped in {@code finally} (try-with-resources).
 */
class EndpointSecurityIT {
  static final String USER = "reviewer";
  static final String PASSWORD = "correct horse battery staple";
  static final String INSERT =
      "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> \"written\" } }";

  static EndpointServer readOnly;

  @BeforeAll
  static void start() {
    readOnly =
        EndpointServer.start(
            BundledStore.get().dataset(), BundledStore.testSettings(), BundledStore.catalogue());
  }

  @AfterAll
  static void stop() {
    if (readOnly != null) {
      readOnly.close();
    }
  }

  static EndpointServer writable(CmoStore store) {
    return EndpointServer.start(
        store.dataset(),
        BundledStore.testSettings().withUpdateUser(new ServerSettings.Credentials(USER, PASSWORD)),
        List::of);
  }

  static long quads(DatasetGraph dsg) {
    return Txn.calculateRead(dsg, () -> dsg.stream().count());
  }

  static boolean hasWritten(DatasetGraph dsg) {
    return Txn.calculateRead(
        dsg, () -> dsg.containsGraph(NodeFactory.createURI("http://example.org/g")));
  }

  static void assertClientError(HttpResponse<String> r, String what) {
    assertTrue(
        r.statusCode() >= 400 && r.statusCode() < 500,
        what + ": got " + r.statusCode() + " " + r.body());
  }

  // ---- updates and Graph Store writes

  @Test
  void aReadOnlyEndpointRefusesEveryKindOfWrite() {
    DatasetGraph dsg = BundledStore.get().dataset();
    long before = quads(dsg);
    String base = readOnly.baseUrl() + "cmo";
    String turtle = "<http://example.org/s> <http://example.org/p> \"written\" .";
    assertClientError(Http.postForm(base + "/update", form("update", INSERT)), "POST /cmo/update");
    assertClientError(
        Http.post(base + "/update", "application/sparql-update", INSERT), "POST /cmo/update body");
    assertClientError(
        Http.post(base + "/sparql", "application/sparql-update", INSERT), "update to /cmo/sparql");
    assertClientError(
        Http.postForm(base + "/sparql", form("update", INSERT)), "update= to /cmo/sparql");
    assertClientError(Http.post(base, "application/sparql-update", INSERT), "update to /cmo");
    assertClientError(Http.postForm(base, form("update", INSERT)), "update= to /cmo");
    String graph =
        "?graph="
            + java.net.URLEncoder.encode(
                "http://example.org/g", java.nio.charset.StandardCharsets.UTF_8);
    assertClientError(
        Http.method("PUT", base + "/get" + graph, "text/turtle", BodyPublishers.ofString(turtle)),
        "PUT /cmo/get");
    assertClientError(Http.post(base + "/get" + graph, "text/turtle", turtle), "POST /cmo/get");
    assertClientError(
        Http.method("DELETE", base + "/get" + graph, null, BodyPublishers.noBody()),
        "DELETE /cmo/get");
    assertClientError(
        Http.method("PUT", base + "/data" + graph, "text/turtle", BodyPublishers.ofString(turtle)),
        "PUT /cmo/data");
    assertClientError(
        Http.method("PUT", base + graph, "text/turtle", BodyPublishers.ofString(turtle)),
        "PUT /cmo");
    assertClientError(
        Http.post(
            base,
            "application/n-quads",
            "<http://example.org/s> <http://example.org/p> \"x\" <http://example.org/g> ."),
        "POST quads /cmo");
    assertEquals(before, quads(dsg), "the store did not change");
    assertFalse(hasWritten(dsg));
    assertNull(readOnly.updateUrl());
  }

  @Test
  void writesNeedTheUpdateUsersCredentials() {
    try (CmoStore store = CmoStore.inMemory();
        EndpointServer server = writable(store)) {
      String update = server.updateUrl();
      assertEquals(401, Http.postForm(update, form("update", INSERT)).statusCode());
      assertEquals(
          401,
          Http.postForm(update, form("update", INSERT), "Authorization", basic(USER, "wrong"))
              .statusCode());
      assertEquals(
          401,
          Http.postForm(
                  update, form("update", INSERT), "Authorization", basic("someone-else", PASSWORD))
              .statusCode());
      String graph = server.graphStoreWriteUrl() + "?graph=http%3A%2F%2Fexample.org%2Fg";
      String turtle = "<http://example.org/s> <http://example.org/p> \"written\" .";
      assertEquals(
          401,
          Http.method("PUT", graph, "text/turtle", BodyPublishers.ofString(turtle)).statusCode());
      assertFalse(hasWritten(store.dataset()), "nothing written without credentials");

      HttpResponse<String> ok =
          Http.postForm(update, form("update", INSERT), "Authorization", basic(USER, PASSWORD));
      assertEquals(200, ok.statusCode(), ok.body());
      assertTrue(hasWritten(store.dataset()));
      HttpResponse<String> put =
          Http.method(
              "PUT",
              graph,
              "text/turtle",
              BodyPublishers.ofString(turtle),
              "Authorization",
              basic(USER, PASSWORD));
      assertTrue(
          put.statusCode() == 200 || put.statusCode() == 201 || put.statusCode() == 204,
          put.body());
      HttpResponse<String> read =
          Http.get(
              server.graphStoreReadUrl() + "?graph=http%3A%2F%2Fexample.org%2Fg",
              "Accept",
              "application/n-triples");
      assertEquals(200, read.statusCode());
      assertTrue(read.body().contains("\"written\""), read.body());
    }
  }

  // ---- no requests to other servers, no code from the request

  @Test
  void serviceIsRefusedAndNoRequestLeavesTheServer() throws IOException {
    try (Witness witness = new Witness()) {
      String q = "SELECT * { SERVICE <" + witness.url("/sparql") + "> { ?s ?p ?o } }";
      // Sent twice: a refused text is checked again, never kept as parsed (ParsedQueries).
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> r = Http.query(readOnly, q, "application/sparql-results+json");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("SERVICE"), r.body());
      }
      String nested =
          "SELECT * { ?a ?b ?c FILTER EXISTS { SERVICE <"
              + witness.url("/sparql")
              + "> { ?s ?p ?o } } } LIMIT 1";
      assertEquals(
          400, Http.query(readOnly, nested, "application/sparql-results+json").statusCode());
      assertEquals(List.of(), witness.heard());
    }
  }

  @Test
  void theQueryContextItselfForbidsService() throws IOException {
    // Second line of defence, below the syntactic check: ARQ's own switch in every query's context.
    try (Witness witness = new Witness()) {
      DatasetGraph dsg = BundledStore.get().dataset();
      String q = "SELECT * { SERVICE <" + witness.url("/sparql") + "> { ?s ?p ?o } }";
      assertThrows(
          QueryDeniedException.class,
          () ->
              Txn.executeRead(
                  dsg,
                  () -> {
                    try (QueryExec exec =
                        QueryExec.newBuilder()
                            .dataset(dsg)
                            .query(QueryFactory.create(q))
                            .context(EndpointServer.queryContext(readOnly.settings()))
                            .build()) {
                      exec.select().materialize();
                    }
                  }));
      assertEquals(List.of(), witness.heard());
    }
  }

  @Test
  void fromClausesNameGraphsInTheStoreAndFetchNothing() throws IOException {
    try (Witness witness = new Witness()) {
      String q = "SELECT * FROM <" + witness.url("/data.ttl") + "> { ?s ?p ?o }";
      HttpResponse<String> r = Http.query(readOnly, q, "application/sparql-results+json");
      assertEquals(200, r.statusCode(), r.body());
      assertFalse(r.body().contains("fetched"));
      assertEquals(List.of(), witness.heard());
    }
  }

  @Test
  void scriptFunctionsAreRefused() {
    HttpResponse<String> r =
        Http.query(
            readOnly,
            "SELECT (<http://jena.apache.org/ARQ/jsFunction#toUpperCase>('a') AS ?x) {}",
            "application/sparql-results+json");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("script functions are disabled"), r.body());
    HttpResponse<String> call =
        Http.query(
            readOnly,
            "SELECT (CALL(<http://jena.apache.org/ARQ/jsFunction#f>, 1) AS ?x) {}",
            "application/sparql-results+json");
    assertEquals(400, call.statusCode(), call.body());
  }

  @Test
  void theServerWillNotStartWithScriptingSwitchedOn() {
    String before = System.getProperty(ARQ.systemPropertyScripting);
    System.setProperty(ARQ.systemPropertyScripting, "true");
    try {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  EndpointServer.start(
                          BundledStore.get().dataset(), BundledStore.testSettings(), List::of)
                      .close());
      assertTrue(e.getMessage().contains(ARQ.systemPropertyScripting));
    } finally {
      if (before == null) {
        System.clearProperty(ARQ.systemPropertyScripting);
      } else {
        System.setProperty(ARQ.systemPropertyScripting, before);
      }
    }
  }

  @Test
  void loadIsRefusedEvenForTheUpdateUser() throws IOException {
    try (Witness witness = new Witness();
        CmoStore store = CmoStore.inMemory();
        EndpointServer server = writable(store)) {
      HttpResponse<String> r =
          Http.postForm(
              server.updateUrl(),
              form(
                  "update",
                  "LOAD <" + witness.url("/data.ttl") + "> INTO GRAPH <http://example.org/g>"),
              "Authorization",
              basic(USER, PASSWORD));
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(r.body().contains("LOAD"), r.body());
      assertEquals(List.of(), witness.heard());
      assertFalse(hasWritten(store.dataset()));
    }
  }

  @Test
  void aRemoteJsonLdContextIsNeverFetched() throws IOException {
    try (Witness witness = new Witness();
        CmoStore store = CmoStore.inMemory();
        EndpointServer server = writable(store)) {
      String jsonld =
          "{\"@context\": \""
              + witness.url("/context.jsonld")
              + "\", \"@id\": \"http://example.org/s\", \"name\": \"x\"}";
      HttpResponse<String> r =
          Http.method(
              "PUT",
              server.graphStoreWriteUrl() + "?graph=http%3A%2F%2Fexample.org%2Fg",
              "application/ld+json",
              BodyPublishers.ofString(jsonld),
              "Authorization",
              basic(USER, PASSWORD));
      assertClientError(r, "JSON-LD with a remote context");
      assertEquals(List.of(), witness.heard());
    }
  }

  @Test
  void anRdfXmlExternalEntityIsNeverFetched() throws IOException {
    try (Witness witness = new Witness();
        CmoStore store = CmoStore.inMemory();
        EndpointServer server = writable(store)) {
      String xml =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY ext SYSTEM \""
              + witness.url("/entity.txt")
              + "\"> ]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
              + " xmlns:ex=\"http://example.org/\">\n<rdf:Description rdf:about=\"http://example.org/s\">"
              + "<ex:p>&ext;</ex:p></rdf:Description>\n</rdf:RDF>\n";
      Http.method(
          "PUT",
          server.graphStoreWriteUrl() + "?graph=http%3A%2F%2Fexample.org%2Fg",
          "application/rdf+xml",
          BodyPublishers.ofString(xml),
          "Authorization",
          basic(USER, PASSWORD));
      assertEquals(List.of(), witness.heard());
    }
  }

  // ---- limits

  @Test
  void anExplosiveQueryTimesOutAndTheNextQueryAnswers() {
    try (EndpointServer server =
        EndpointServer.start(
            BundledStore.get().dataset(),
            BundledStore.testSettings().withTimeout(Duration.ofSeconds(1)),
            List::of)) {
      String explosive = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
      HttpResponse<String> r =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> Http.query(server, explosive, "application/sparql-results+json"),
              "the time limit did not stop the query");
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.body().contains("timed out"), r.body());
      long start = System.nanoTime();
      HttpResponse<String> next =
          Http.query(
              server,
              "PREFIX cmo: <https://w3id.org/cmograph/ontology#> SELECT (COUNT(*) AS ?n) { ?s a cmo:Study }",
              "text/csv");
      assertEquals(200, next.statusCode(), next.body());
      assertEquals("n\r\n20\r\n", next.body());
      assertTrue(
          (System.nanoTime() - start) / 1_000_000 < 5_000, "the next query answered at once");
    }
  }

  static final String EXPLOSIVE =
      "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
  static final String COUNT_STUDIES =
      "PREFIX cmo: <https://w3id.org/cmograph/ontology#> SELECT (COUNT(*) AS ?n) { ?s a cmo:Study }";

  /** Sends the explosive query in the background and returns once it is running. */
  static java.util.concurrent.CompletableFuture<HttpResponse<String>> runningExplosive(
      EndpointServer server) throws InterruptedException {
    var slow =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> Http.query(server, EXPLOSIVE, "application/sparql-results+json"));
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (server.runningQueries() == 0 && System.nanoTime() < deadline && !slow.isDone()) {
      Thread.sleep(10);
    }
    assertEquals(1, server.runningQueries(), "the explosive query is running");
    return slow;
  }

  @Test
  void aQueryBeyondTheConcurrencyLimitWaitsItsTurn() throws Exception {
    try (EndpointServer server =
        EndpointServer.start(
            BundledStore.get().dataset(),
            BundledStore.testSettings()
                .withTimeout(Duration.ofSeconds(2))
                .withConcurrentQueries(1, Duration.ofSeconds(60)),
            List::of)) {
      var slow = runningExplosive(server);
      long start = System.nanoTime();
      HttpResponse<String> waited = Http.query(server, COUNT_STUDIES, "text/csv");
      long waitedMs = (System.nanoTime() - start) / 1_000_000;
      // The first holds the only place until its 2 s limit; a query that did not wait answers in
      // ms.
      assertTrue(
          waitedMs >= 1_000, "the second query waited for the first to end: " + waitedMs + " ms");
      assertEquals(503, slow.get().statusCode(), "the first hit its own time limit");
      assertEquals(200, waited.statusCode(), waited.body());
      assertEquals("n\r\n20\r\n", waited.body(), "waiting did not count against its time limit");
    }
  }

  /**
   * Each query takes its place once and gives it back once, however it ends: a SELECT gives it back
   * before its response is written (its rows are in memory), everything else after. With one place,
   * a place given back twice would let two queries run at once, and one never given back would
   * leave every later query waiting.
   */
  @Test
  void everyQueryGivesItsPlaceBackExactlyOnce() throws Exception {
    try (EndpointServer server =
        EndpointServer.start(
            BundledStore.get().dataset(),
            BundledStore.testSettings()
                .withTimeout(Duration.ofSeconds(1))
                .withConcurrentQueries(1, Duration.ofMillis(500)),
            List::of)) {
      List<String> queries =
          List.of(
              COUNT_STUDIES,
              "PREFIX cmo: <https://w3id.org/cmograph/ontology#> ASK { ?s a cmo:Study }",
              "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3",
              "DESCRIBE <https://w3id.org/cmograph/ontology#Study>",
              "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
              "SELECT * WHERE { ?s ?p",
              EXPLOSIVE);
      for (int round = 0; round < 3; round++) {
        for (String q : queries) {
          Http.query(server, q, "application/sparql-results+json");
          assertEquals(0, server.runningQueries(), "after " + q);
        }
      }
      // Two at once: the second waits (one place) and is refused, never run alongside.
      var slow = runningExplosive(server);
      HttpResponse<String> busy = Http.query(server, COUNT_STUDIES, "text/csv");
      assertEquals(503, busy.statusCode(), busy.body());
      assertTrue(busy.body().contains("Busy"), busy.body());
      slow.get();
      assertEquals(0, server.runningQueries());
      assertEquals(200, Http.query(server, COUNT_STUDIES, "text/csv").statusCode());
    }
  }

  @Test
  void aQueryThatWaitsTooLongForItsTurnIsToldTheServerIsBusy() throws Exception {
    try (EndpointServer server =
        EndpointServer.start(
            BundledStore.get().dataset(),
            BundledStore.testSettings()
                .withTimeout(Duration.ofSeconds(3))
                .withConcurrentQueries(1, Duration.ofMillis(200)),
            List::of)) {
      var slow = runningExplosive(server);
      HttpResponse<String> busy = Http.query(server, COUNT_STUDIES, "text/csv");
      assertEquals(503, busy.statusCode(), busy.body());
      assertTrue(busy.body().contains("Busy"), busy.body());
      assertEquals(Optional.of("5"), busy.headers().firstValue("Retry-After"));
      assertFalse(slow.isDone(), "refused while the first still ran");
      assertEquals(503, slow.get().statusCode());
      HttpResponse<String> next = Http.query(server, COUNT_STUDIES, "text/csv");
      assertEquals(200, next.statusCode(), "the place is free again: " + next.body());
      assertEquals(0, server.runningQueries());
    }
  }

  @Test
  void resultsAreCappedAndTheCutIsSaid() {
    try (EndpointServer server =
        EndpointServer.start(
            BundledStore.get().dataset(), BundledStore.testSettings().withMaxRows(5), List::of)) {
      HttpResponse<String> all = Http.query(server, "SELECT * { ?s ?p ?o }", "text/csv");
      assertEquals(200, all.statusCode());
      assertEquals(1 + 5, all.body().split("\r\n").length, all.body());
      assertEquals(Optional.of("true"), all.headers().firstValue(EndpointServer.TRUNCATED_HEADER));
      assertEquals(Optional.of("5"), all.headers().firstValue(EndpointServer.MAX_ROWS_HEADER));

      HttpResponse<String> few = Http.query(server, "SELECT * { ?s ?p ?o } LIMIT 3", "text/csv");
      assertEquals(1 + 3, few.body().split("\r\n").length);
      assertEquals(Optional.empty(), few.headers().firstValue(EndpointServer.TRUNCATED_HEADER));

      HttpResponse<String> graph =
          Http.query(server, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples");
      assertEquals(200, graph.statusCode());
      assertTrue(graph.body().lines().count() <= 5, graph.body());
    }
  }

  @Test
  void oversizedRequestBodiesAreRefused() {
    try (EndpointServer server =
        EndpointServer.start(
            BundledStore.get().dataset(),
            BundledStore.testSettings().withMaxRequestBytes(64 * 1024),
            List::of)) {
      String padding = "#" + "x".repeat(100 * 1024) + "\n";
      String big = padding + "SELECT * { ?s ?p ?o } LIMIT 1";
      String small = "SELECT * { ?s ?p ?o } LIMIT 1";
      assertEquals(
          200, Http.post(server.queryUrl(), "application/sparql-query", small).statusCode());
      assertEquals(
          413,
          Http.post(server.queryUrl(), "application/sparql-query", big).statusCode(),
          "with Content-Length");
      assertEquals(
          413,
          Http.method(
                  "POST",
                  server.queryUrl(),
                  "application/sparql-query",
                  BodyPublishers.ofInputStream(
                      () ->
                          new ByteArrayInputStream(
                              big.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
              .statusCode(),
          "streamed in chunks");
      assertEquals(
          413, Http.postForm(server.queryUrl(), form("query", big)).statusCode(), "as a form");
      assertEquals(
          200, Http.query(server, small, "text/csv").statusCode(), "the server still answers");
    }
  }

  // ---- what clients see

  @Test
  void errorsNeverCarryStackTraces() {
    List<HttpResponse<String>> responses =
        List.of(
            Http.query(readOnly, "SELECT * WHERE { ?s ?p", "application/sparql-results+json"),
            Http.query(
                readOnly,
                "SELECT (<http://jena.apache.org/ARQ/jsFunction#f>(1) AS ?x) {}",
                "text/csv"),
            Http.get(readOnly.baseUrl() + "no/such/page"),
            Http.get(readOnly.baseUrl() + "queries/no-such-query.rq"),
            Http.get(readOnly.baseUrl() + "cmo/get?graph=not%20an%20iri"),
            Http.post(readOnly.queryUrl(), "application/x-unknown", "x"));
    for (HttpResponse<String> r : responses) {
      assertTrue(r.statusCode() >= 400, r.uri() + " " + r.statusCode());
      assertNoStackTrace(r);
    }
  }

  @Test
  void anUnexpectedFailureGivesAShortMessageAndAReference() {
    // A dataset that breaks on every read, as a damaged store would.
    DatasetGraph failing =
        new DatasetGraphWrapper(org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem()) {
          @Override
          public java.util.Iterator<org.apache.jena.sparql.core.Quad> find(
              org.apache.jena.graph.Node g,
              org.apache.jena.graph.Node s,
              org.apache.jena.graph.Node p,
              org.apache.jena.graph.Node o) {
            throw new IllegalStateException("secret internal detail");
          }

          @Override
          public java.util.Iterator<org.apache.jena.sparql.core.Quad> findNG(
              org.apache.jena.graph.Node g,
              org.apache.jena.graph.Node s,
              org.apache.jena.graph.Node p,
              org.apache.jena.graph.Node o) {
            throw new IllegalStateException("secret internal detail");
          }
        };
    try (EndpointServer server =
        EndpointServer.start(
            failing,
            BundledStore.testSettings(),
            () -> {
              throw new IllegalStateException("secret internal detail");
            })) {
      HttpResponse<String> file = Http.get(server.baseUrl() + "queries/studies.rq");
      assertEquals(500, file.statusCode());
      assertTrue(file.body().contains("ref "), file.body());
      assertFalse(file.body().contains("secret internal detail"), file.body());
      assertNoStackTrace(file);
      HttpResponse<String> page = Http.get(server.baseUrl());
      assertEquals(200, page.statusCode(), "the landing page degrades, it does not fail");
      assertFalse(page.body().contains("secret internal detail"));
    }
  }

  static void assertNoStackTrace(HttpResponse<String> r) {
    String body = r.body();
    assertFalse(
        body.contains("\tat ") || body.contains("at org.") || body.contains("at java."),
        r.uri() + " shows a stack trace:\n" + body);
    assertFalse(body.contains("Caused by"), r.uri() + ":\n" + body);
  }

  @Test
  void corsLetsOtherOriginsQueryButNotWrite() {
    try (CmoStore store = CmoStore.inMemory();
        EndpointServer server = writable(store)) {
      String elsewhere = "https://reviewers.example.org";
      HttpResponse<String> preflight =
          Http.method(
              "OPTIONS",
              server.queryUrl(),
              null,
              BodyPublishers.noBody(),
              "Origin",
              elsewhere,
              "Access-Control-Request-Method",
              "POST",
              "Access-Control-Request-Headers",
              "content-type");
      assertTrue(preflight.statusCode() < 300, "preflight for a query: " + preflight.statusCode());
      assertEquals(Optional.of("*"), preflight.headers().firstValue("Access-Control-Allow-Origin"));
      assertTrue(
          preflight
              .headers()
              .firstValue("Access-Control-Allow-Methods")
              .orElse("")
              .contains("POST"));

      HttpResponse<String> get =
          Http.get(
              server.queryUrl() + "?" + form("query", "ASK {}"),
              "Origin",
              elsewhere,
              "Accept",
              "application/sparql-results+json");
      assertEquals(200, get.statusCode());
      assertEquals(Optional.of("*"), get.headers().firstValue("Access-Control-Allow-Origin"));
      HttpResponse<String> post =
          Http.postForm(server.queryUrl(), form("query", "ASK {}"), "Origin", elsewhere);
      assertEquals(200, post.statusCode());
      assertEquals(Optional.of("*"), post.headers().firstValue("Access-Control-Allow-Origin"));

      HttpResponse<String> updatePreflight =
          Http.method(
              "OPTIONS",
              server.updateUrl(),
              null,
              BodyPublishers.noBody(),
              "Origin",
              elsewhere,
              "Access-Control-Request-Method",
              "POST",
              "Access-Control-Request-Headers",
              "authorization");
      assertEquals(
          Optional.empty(), updatePreflight.headers().firstValue("Access-Control-Allow-Origin"));
      HttpResponse<String> putPreflight =
          Http.method(
              "OPTIONS",
              server.graphStoreReadUrl(),
              null,
              BodyPublishers.noBody(),
              "Origin",
              elsewhere,
              "Access-Control-Request-Method",
              "PUT");
      assertEquals(
          Optional.empty(), putPreflight.headers().firstValue("Access-Control-Allow-Origin"));

      // A page elsewhere riding on a reviewer's stored login is refused; the same page here is not.
      HttpResponse<String> forged =
          Http.postForm(
              server.updateUrl(),
              form("update", INSERT),
              "Origin",
              elsewhere,
              "Authorization",
              basic(USER, PASSWORD));
      assertEquals(403, forged.statusCode());
      assertEquals(Optional.empty(), forged.headers().firstValue("Access-Control-Allow-Origin"));
      HttpResponse<String> forgedPut =
          Http.method(
              "PUT",
              server.graphStoreWriteUrl() + "?graph=http%3A%2F%2Fexample.org%2Fg",
              "text/turtle",
              BodyPublishers.ofString("<http://example.org/s> <http://example.org/p> 1 ."),
              "Origin",
              "null",
              "Authorization",
              basic(USER, PASSWORD));
      assertEquals(403, forgedPut.statusCode());
      assertFalse(hasWritten(store.dataset()));
      String sameOrigin = server.baseUrl().substring(0, server.baseUrl().length() - 1);
      HttpResponse<String> own =
          Http.postForm(
              server.updateUrl(),
              form("update", INSERT),
              "Origin",
              sameOrigin,
              "Authorization",
              basic(USER, PASSWORD));
      assertEquals(200, own.statusCode(), own.body());
    }
  }

  @Test
  void noAdminApiIsServed() {
    for (String path :
        List.of(
            "$/server",
            "$/datasets",
            "$/ping",
            "$/stats",
            "$/metrics",
            "$/compact/cmo",
            "$/tasks",
            "$/backup/cmo")) {
      HttpResponse<String> r = Http.get(readOnly.baseUrl() + path);
      assertEquals(404, r.statusCode(), path);
    }
    assertEquals(
        404,
        Http.postForm(readOnly.baseUrl() + "$/datasets", form("dbName", "x") + "&dbType=mem")
            .statusCode());
  }

  @Test
  void theServerListensOnLoopbackOnly() throws IOException {
    Optional<InetAddress> external =
        Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
            .filter(
                a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
            .findFirst();
    try (Socket local = new Socket()) {
      local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), readOnly.port()), 2000);
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(
        external.isPresent(), "no non-loopback address to try");
    try (Socket outside = new Socket()) {
      assertThrows(
          IOException.class,
          () -> outside.connect(new InetSocketAddress(external.get(), readOnly.port()), 2000),
          "reachable on " + external.get());
    }
  }
}
