package org.cmograph.endpoint;

import static org.cmograph.endpoint.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.cmograph.query.CatalogueQuery;
import org.cmograph.query.QueryCatalogue;
import org.cmograph.testing.Repo;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The endpoint as reviewers and their tools use it: the SPARQL 1.1 Protocol (GET, POST, every
 * result format), the union default graph with named graphs still addressable, the inferences made
 * at load, the landing page, and an independent client (RDF4J) that gets the same rows as Jena
 * running the query locally.
 */
class EndpointIT {
  static final String CMO = "PREFIX cmo: <https://w3id.org/cmograph/ontology#>\n";
  static EndpointServer server;

  @BeforeAll
  static void start() {
    server =
        EndpointServer.start(
            BundledStore.get().dataset(), BundledStore.testSettings(), BundledStore.catalogue());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String csv(String query) {
    HttpResponse<String> r = Http.query(server, query, "text/csv");
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @Test
  void getAndPostAnswerAlike() {
    String q = CMO + "SELECT ?s { ?s a cmo:Study } ORDER BY ?s";
    String get = csv(q);
    HttpResponse<String> form =
        Http.postForm(server.queryUrl(), form("query", q), "Accept", "text/csv");
    HttpResponse<String> body =
        Http.post(server.queryUrl(), "application/sparql-query", q, "Accept", "text/csv");
    assertEquals(get, form.body());
    assertEquals(get, body.body());
    assertEquals(21, get.split("\r\n").length, "header and 20 studies");
    // The dataset URL and the /query alias answer queries too.
    assertEquals(
        get, Http.get(server.baseUrl() + "cmo?" + form("query", q), "Accept", "text/csv").body());
    assertEquals(
        get,
        Http.get(server.baseUrl() + "cmo/query?" + form("query", q), "Accept", "text/csv").body());
  }

  @Test
  void aQueryThatDoesNotParseOrIsBlankIsABadRequest() {
    HttpResponse<String> broken = Http.query(server, "SELECT ?s { ?s ?p ", "text/csv");
    assertEquals(400, broken.statusCode(), broken.body());
    assertTrue(broken.body().startsWith("Parse error"), broken.body());
    HttpResponse<String> blank =
        Http.post(server.queryUrl(), "application/sparql-query", " \n ", "Accept", "text/csv");
    assertEquals(400, blank.statusCode(), blank.body());
    // The service still answers afterwards.
    assertEquals(21, csv(CMO + "SELECT ?s { ?s a cmo:Study }").split("\r\n").length);
  }

  @Test
  void selectResultsComeInEveryFormatByContentNegotiation() {
    String q = CMO + "SELECT ?s { ?s a cmo:Study } ORDER BY ?s LIMIT 2";
    assertFormat(
        q, "application/sparql-results+json", "application/sparql-results+json", "\"bindings\"");
    assertFormat(q, "application/sparql-results+xml", "application/sparql-results+xml", "<sparql");
    assertFormat(q, "text/csv", "text/csv", "s\r\n");
    assertFormat(q, "text/tab-separated-values", "text/tab-separated-values", "?s\n");
    // ?format= for clients that cannot set Accept (a plain link).
    HttpResponse<String> json =
        Http.get(server.queryUrl() + "?" + form("query", q) + "&format=json");
    assertTrue(
        json.headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/sparql-results+json"));
  }

  static void assertFormat(String query, String accept, String contentType, String marker) {
    HttpResponse<String> r = Http.query(server, query, accept);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith(contentType),
        accept + " gave " + r.headers().firstValue("Content-Type"));
    assertTrue(r.body().contains(marker), accept + ":\n" + r.body());
  }

  @Test
  void graphResultsComeAsTurtleJsonLdAndNTriplesAndAgree() {
    String q =
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/cmograph/graph/study/gillard-2014> { ?s ?p ?o } }";
    Graph turtle = graph(Http.query(server, q, "text/turtle"), "text/turtle", Lang.TURTLE);
    Graph jsonld =
        graph(Http.query(server, q, "application/ld+json"), "application/ld+json", Lang.JSONLD);
    Graph ntriples =
        graph(
            Http.query(server, q, "application/n-triples"), "application/n-triples", Lang.NTRIPLES);
    assertTrue(turtle.size() > 100, "the study graph: " + turtle.size());
    assertTrue(turtle.isIsomorphicWith(jsonld), "JSON-LD differs from Turtle");
    assertTrue(turtle.isIsomorphicWith(ntriples), "N-Triples differs from Turtle");
    // RDF4J reads the same Turtle to the same number of statements.
    HttpResponse<String> r = Http.query(server, q, "text/turtle");
    try {
      Model model = Rio.parse(new StringReader(r.body()), "", RDFFormat.TURTLE);
      assertEquals(turtle.size(), model.size());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    HttpResponse<String> describe =
        Http.query(server, "DESCRIBE <https://w3id.org/cmograph/id/gillard-2014>", "text/turtle");
    assertEquals(200, describe.statusCode());
    assertTrue(describe.body().contains("gillard-2014"), describe.body());
  }

  static Graph graph(HttpResponse<String> r, String contentType, Lang lang) {
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith(contentType),
        "asked " + contentType + ", got " + r.headers().firstValue("Content-Type"));
    Graph g = GraphFactory.createGraphMem();
    RDFParser.fromString(r.body(), lang).parse(g);
    return g;
  }

  @Test
  void theDefaultGraphIsTheUnionAndNamedGraphsStayAddressable() {
    assertEquals("n\r\n20\r\n", csv(CMO + "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a cmo:Study }"));
    assertEquals(
        "n\r\n1\r\n",
        csv(
            CMO
                + "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH <https://w3id.org/cmograph/graph/study/gillard-2014> { ?s a cmo:Study } }"));
    // The ontology and the catalogue are in the union too.
    assertEquals(
        "n\r\n25\r\n",
        csv(CMO + "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c a cmo:MechanismConcept }"));
    String graphs = csv("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g");
    assertTrue(graphs.contains("https://w3id.org/cmograph/graph/ontology"));
    assertTrue(graphs.contains("https://w3id.org/cmograph/graph/catalogue"));
    assertTrue(graphs.contains("https://w3id.org/cmograph/graph/study/peer-2024"));
    assertTrue(graphs.contains("https://w3id.org/cmograph/graph/inferred/peer-2024"));
    HttpResponse<String> one =
        Http.get(
            server.graphStoreReadUrl()
                + "?graph=https%3A%2F%2Fw3id.org%2Fcmograph%2Fgraph%2Fstudy%2Fgillard-2014",
            "Accept",
            "application/n-triples");
    assertEquals(200, one.statusCode());
    Graph g = GraphFactory.createGraphMem();
    RDFParser.fromString(one.body(), Lang.NTRIPLES).parse(g);
    DatasetGraph dsg = BundledStore.get().dataset();
    long stored =
        Txn.calculateRead(
            dsg,
            () ->
                dsg.getGraph(
                        org.apache.jena.graph.NodeFactory.createURI(
                            "https://w3id.org/cmograph/graph/study/gillard-2014"))
                    .size());
    assertEquals(stored, g.size());
  }

  @Test
  void queriesSeeTheInferencesMadeAtLoad() {
    // rdfs:subClassOf: every cmo:Publication is a bibo:Document, every cmo:Extraction a
    // prov:Activity.
    assertEquals(
        "n\r\n20\r\n",
        csv("SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a <http://purl.org/ontology/bibo/Document> }"));
    assertEquals(
        "n\r\n20\r\n",
        csv("SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a <http://www.w3.org/ns/prov#Activity> }"));
    // skos:broader roll-up: evidence about narrower concepts counts for the broader one.
    String direct =
        csv(
            CMO
                + "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e cmo:evidenceKind cmo:evidence-kind-finding ; cmo:aboutMechanism <https://w3id.org/cmograph/mechanism/shared-lived-experience> }");
    String rolledUp =
        csv(
            CMO
                + "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e cmo:countsForMechanism <https://w3id.org/cmograph/mechanism/shared-lived-experience> }");
    String byPath =
        csv(
            CMO
                + "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e cmo:evidenceKind cmo:evidence-kind-finding ; cmo:aboutMechanism/<http://www.w3.org/2004/02/skos/core#broader>* <https://w3id.org/cmograph/mechanism/shared-lived-experience> }");
    assertEquals(byPath, rolledUp, "the materialised roll-up equals the property-path query");
    assertTrue(count(rolledUp) > count(direct), direct + " vs " + rolledUp);
  }

  static int count(String csv) {
    return Integer.parseInt(csv.split("\r\n")[1]);
  }

  /** Every catalogue query, bound with its first example. */
  static Stream<CatalogueQuery> catalogueQueries() {
    return QueryCatalogue.load(Repo.root().resolve("queries")).queries().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogueQueries")
  void rdf4jOverHttpGetsTheSameRowsAsJenaLocally(CatalogueQuery cq) {
    Query query = cq.examples().isEmpty() ? cq.query() : cq.bind(cq.examples().get(0).params());
    if (!query.isSelectType()) {
      return;
    }
    DatasetGraph dsg = BundledStore.get().dataset();
    List<String> local =
        Txn.calculateRead(
            dsg,
            () -> {
              List<String> rows = new ArrayList<>();
              try (QueryExec exec =
                  QueryExec.newBuilder()
                      .dataset(dsg)
                      .query(query)
                      .context(EndpointServer.queryContext(server.settings()))
                      .build()) {
                var rs = exec.select();
                List<String> vars = rs.getResultVars().stream().map(v -> v.getVarName()).toList();
                rs.forEachRemaining(
                    b -> {
                      StringBuilder row = new StringBuilder();
                      for (String v : vars) {
                        row.append(v).append('=').append(jena(b.get(v))).append(' ');
                      }
                      rows.add(row.toString());
                    });
              }
              return rows;
            });
    List<String> remote = new ArrayList<>();
    SPARQLRepository repository = new SPARQLRepository(server.queryUrl());
    try (RepositoryConnection connection = repository.getConnection();
        TupleQueryResult result = connection.prepareTupleQuery(query.serialize()).evaluate()) {
      List<String> vars = result.getBindingNames();
      for (BindingSet b : result) {
        StringBuilder row = new StringBuilder();
        for (String v : vars) {
          row.append(v).append('=').append(rdf4j(b.getValue(v))).append(' ');
        }
        remote.add(row.toString());
      }
    } finally {
      repository.shutDown();
    }
    // No two findings of the bundled data disagree about a mechanism (FindingsOnlyTest covers it).
    if (!cq.name().equals("conflicting-evidence")) {
      assertFalse(local.isEmpty(), cq.name() + " returns rows on the bundled data");
    }
    assertEquals(sorted(local), sorted(remote), cq.name());
  }

  /**
   * A text sent again is not parsed again (ParsedQueries): the second answer, from a copy of the
   * kept parse, is byte for byte the first, from the parser. The comment makes each text new to the
   * server, so the first request is the one that parses.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogueQueries")
  void aQuerySentAgainIsAnsweredAsTheFirstTime(CatalogueQuery cq) {
    Query query = cq.examples().isEmpty() ? cq.query() : cq.bind(cq.examples().get(0).params());
    String text = query.serialize() + "\n# sent twice: " + cq.name() + " " + System.nanoTime();
    String accept =
        query.isSelectType() || query.isAskType()
            ? "application/sparql-results+json"
            : "text/turtle";
    HttpResponse<String> first = Http.query(server, text, accept);
    HttpResponse<String> second = Http.query(server, text, accept);
    assertEquals(200, first.statusCode(), first.body());
    assertEquals(200, second.statusCode(), second.body());
    assertEquals(first.body(), second.body(), cq.name());
  }

  static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    copy.sort(null);
    return copy;
  }

  static String jena(Node n) {
    if (n == null) {
      return "-";
    }
    if (n.isURI()) {
      return "<" + n.getURI() + ">";
    }
    if (n.isBlank()) {
      return "_";
    }
    String lang = n.getLiteralLanguage();
    return "\""
        + n.getLiteralLexicalForm()
        + "\""
        + (lang.isEmpty() ? "^^" + n.getLiteralDatatypeURI() : "@" + lang);
  }

  static String rdf4j(Value v) {
    if (v == null) {
      return "-";
    }
    if (v instanceof IRI iri) {
      return "<" + iri.stringValue() + ">";
    }
    if (v instanceof BNode) {
      return "_";
    }
    Literal l = (Literal) v;
    Optional<String> lang = l.getLanguage();
    return "\""
        + l.getLabel()
        + "\""
        + (lang.isPresent() ? "@" + lang.get() : "^^" + l.getDatatype().stringValue());
  }

  @Test
  void theHomePageShowsTheHoldingsAndAFormPerCatalogueQuery() {
    HttpResponse<String> page = Http.get(server.baseUrl());
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertEquals(
        Optional.of(LandingPage.CONTENT_SECURITY_POLICY),
        page.headers().firstValue("Content-Security-Policy"));
    String html = page.body();
    assertTrue(html.contains("id=\"count-studies\">20<"), "study count");
    assertTrue(
        html.contains("id=\"count-cmocs\">52<"),
        "CMOC count (configurations and outcome patterns)");
    assertTrue(html.contains("id=\"count-evidence\">57<"), "findings count");
    assertTrue(
        html.contains("<a href=\"/id/gillard-2014\"><code>gillard-2014</code></a>"),
        "studies link to their pages");
    for (CatalogueQuery q : QueryCatalogue.load(Repo.root().resolve("queries")).queries()) {
      assertTrue(html.contains("id=\"query-" + q.name() + "\""), q.name() + " listed");
      assertTrue(
          html.contains("<input type=\"hidden\" name=\"name\" value=\"" + q.name() + "\">"),
          q.name() + " has a form that runs it on the query page");
      assertTrue(html.contains(SitePage.esc(q.title())), q.name() + " title");
      HttpResponse<String> file = Http.get(server.baseUrl() + "queries/" + q.name() + ".rq");
      assertEquals(200, file.statusCode());
      assertEquals(q.text(), file.body());
    }
    // The mechanism field offers the catalogue's concepts by label, the example preselected.
    assertTrue(
        html.contains(
            "<option value=\"trusting-relationship\" selected>Trusting relationship based on shared"
                + " lived experience (trusting-relationship)</option>"),
        "the mechanism field offers labelled concepts");
    assertTrue(
        html.contains("<option value=\"gillard-2024\""), "the study field offers the studies");
    assertFalse(html.contains("<script"), "the home page needs no script");
    // Nothing is loaded from another server.
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?:src|href|action)=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      assertTrue(
          m.group(1).startsWith("/") || m.group(1).startsWith("#"), "page loads " + m.group(1));
    }
    for (String asset : List.of("query.js", "style.css", "favicon.svg", "yasgui-LICENSE.txt")) {
      assertEquals(200, Http.get(server.baseUrl() + "assets/" + asset).statusCode(), asset);
    }
    assertEquals(200, Http.get(server.baseUrl() + "index.html").statusCode());
  }

  @Test
  void theQueryPageServesYasguiFromThisServerWithItsLicence() {
    HttpResponse<String> page = Http.get(server.baseUrl() + "query");
    assertEquals(200, page.statusCode());
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertEquals(QueryPage.CONTENT_SECURITY_POLICY, csp);
    assertTrue(csp.contains("script-src 'self';") && csp.contains("connect-src 'self';"), csp);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?:src|href|action)=\"([^\"]*)\"").matcher(page.body());
    while (m.find()) {
      assertTrue(
          m.group(1).startsWith("/") || m.group(1).startsWith("#"), "page loads " + m.group(1));
    }
    HttpResponse<String> js = Http.get(server.baseUrl() + "webjars/yasgui/yasgui.min.js");
    assertEquals(200, js.statusCode());
    assertTrue(js.body().length() > 500_000, "the YASGUI bundle");
    assertEquals(200, Http.get(server.baseUrl() + "webjars/yasgui/yasgui.min.css").statusCode());
    assertTrue(
        Http.get(server.baseUrl() + "webjars/yasgui/package.json")
            .body()
            .contains("\"license\": \"MIT\""));
    assertTrue(
        Http.get(server.baseUrl() + "webjars/yasgui/THIRD-PARTY-LICENSES.txt")
            .body()
            .contains("DataTables"));
    assertTrue(Http.get(server.baseUrl() + "assets/yasgui-LICENSE.txt").body().contains("MIT"));
    assertTrue(
        page.body().contains("href=\"/assets/yasgui-LICENSE.txt\""), "the page links the licence");
    assertEquals(
        404, Http.get(server.baseUrl() + "webjars/yasgui/build/yasgui.min.js.map").statusCode());
    String vocabulary = Http.get(server.baseUrl() + "query/vocabulary.json").body();
    assertTrue(vocabulary.contains("\"cmo\":\"https://w3id.org/cmograph/ontology#\""), vocabulary);
    assertTrue(
        vocabulary.contains("\"https://w3id.org/cmograph/ontology#Study\""),
        "classes from the store");
    assertTrue(
        vocabulary.contains("\"https://w3id.org/cmograph/ontology#reportsCMOC\""),
        "properties from the store");
  }

  @Test
  void aCatalogueQueryRunsFromItsAddressAndAnUnknownIdIsNamed() {
    String ok =
        Http.get(
                server.baseUrl()
                    + "query?name=evidence-for-mechanism&mechanism=trusting-relationship&format=table")
            .body();
    assertTrue(ok.contains("data-autorun=\"true\""), "runs");
    assertTrue(
        ok.contains("mechanism/trusting-relationship&gt;"),
        "the value is bound in the editor's text");
    assertTrue(
        ok.contains("# mechanism: set by the &quot;mechanism&quot; field of this query&#39;s form"),
        "the comment speaks of the form, not the command line");
    assertFalse(ok.contains("--param"), "no command-line syntax");

    HttpResponse<String> typo =
        Http.get(
            server.baseUrl()
                + "query?name=evidence-for-mechanism&mechanism=trusting-relationshp&format=table");
    assertEquals(200, typo.statusCode());
    assertTrue(typo.body().contains("data-autorun=\"false\""), "nothing runs with an unknown id");
    assertTrue(
        typo.body()
            .contains(
                "Unknown id for the parameter &quot;mechanism&quot;: &quot;trusting-relationshp&quot; is not a"
                    + " mechanism in the catalogue. Nearest valid ids: trusting-relationship,"),
        typo.body());
    String study =
        Http.get(server.baseUrl() + "query?name=study-cmo-table&study=gillard-2025").body();
    assertTrue(
        study.contains("is not a study in this dataset. Nearest valid ids: gillard-202"),
        "studies too");
    assertTrue(
        Http.get(server.baseUrl() + "query?name=study-cmo-table")
            .body()
            .contains("Choose a value for the parameter &quot;study&quot;"));
    assertEquals(404, Http.get(server.baseUrl() + "query?name=no-such-query").statusCode());
  }

  @Test
  void anUpdateSentToTheQueryServiceIsToldTheEndpointIsReadOnly() throws Exception {
    String update = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }";
    var client = java.net.http.HttpClient.newHttpClient();
    List<java.net.http.HttpRequest> requests =
        List.of(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        server.baseUrl()
                            + "cmo/sparql?query="
                            + java.net.URLEncoder.encode(
                                update, java.nio.charset.StandardCharsets.UTF_8)))
                .build(),
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.baseUrl() + "cmo/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "update="
                            + java.net.URLEncoder.encode(
                                update, java.nio.charset.StandardCharsets.UTF_8)))
                .build(),
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.baseUrl() + "cmo/sparql"))
                .header("Content-Type", "application/sparql-update")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(update))
                .build());
    for (var request : requests) {
      var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(400, response.statusCode(), request.toString());
      assertTrue(
          response.body().startsWith("This endpoint is read-only"),
          request + ": " + response.body());
    }
    // A query that does not parse is still a parse error.
    assertTrue(
        Http.get(server.baseUrl() + "cmo/sparql?query=SELECT%20*%20%7B%20%3Fs")
            .body()
            .contains("line 1, column"));
  }
}
