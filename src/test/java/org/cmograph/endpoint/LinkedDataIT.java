package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.cmograph.query.BundledData;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of cmograph IRI, dereferenced on a real endpoint over the bundled studies and
 * programme theory: a browser gets a page (or, for evidence and source texts, a 303 to the source
 * view), a client gets Turtle, JSON-LD or N-Triples that RDF4J parses and that types the resource;
 * VoID and the service description parse; unknown IRIs answer 404, unacceptable requests 406.
 */
class LinkedDataIT {
  static final String BASE = "https://w3id.org/cmograph/";
  static final String CMO = BASE + "ontology#";
  static final ValueFactory VF = SimpleValueFactory.getInstance();
  static EndpointServer server;

  /** A resource IRI (its path) and the type its description must state. */
  record Kind(String path, String type) {
    @Override
    public String toString() {
      return path;
    }
  }

  static List<Kind> kinds() {
    return List.of(
        new Kind("id/peer-2024", CMO + "Study"),
        new Kind("id/peer-2024/cmoc/connectedness", CMO + "CMOConfiguration"),
        new Kind("id/peer-2024/evidence/theme-2-hope", CMO + "EvidenceItem"),
        new Kind("id/peer-2024/source", CMO + "SourceText"),
        new Kind("id/peer-2024/actor/recipients", CMO + "Actor"),
        new Kind("mechanism/trusting-relationship", CMO + "MechanismConcept"),
        new Kind("context/civil-society-setting", CMO + "ContextConcept"),
        new Kind("outcome/personal-recovery", CMO + "OutcomeConcept"),
        new Kind("id/theory/trust-through-shared-experience", CMO + "TheoryCMOC"),
        new Kind("id/programme-theory/peer-support-change-model", CMO + "ProgrammeTheory"),
        new Kind("ontology", "http://www.w3.org/2002/07/owl#Ontology"),
        new Kind("graph/study/peer-2024", "http://www.w3.org/ns/sparql-service-description#Graph"));
  }

  @BeforeAll
  static void start() {
    server =
        EndpointServer.start(
            BundledData.store().dataset(), BundledStore.testSettings(), BundledStore.catalogue());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String url(String path) {
    return server.baseUrl() + path;
  }

  static Model parse(HttpResponse<String> r, RDFFormat format) throws Exception {
    return Rio.parse(new StringReader(r.body()), "", format);
  }

  static void assertTyped(Model m, Kind k) {
    IRI s = VF.createIRI(BASE + k.path());
    assertTrue(
        m.contains(s, RDF.TYPE, VF.createIRI(k.type())),
        k.path() + " is not typed " + k.type() + " in " + m.size() + " statements");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void turtleJsonLdAndNTriplesTypeTheResource(Kind k) throws Exception {
    HttpResponse<String> ttl = Http.get(url(k.path()), "Accept", "text/turtle");
    assertEquals(200, ttl.statusCode(), k.path());
    assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    assertEquals("Accept", ttl.headers().firstValue("Vary").orElse(""));
    assertTyped(parse(ttl, RDFFormat.TURTLE), k);

    // q-values: the client prefers JSON-LD to Turtle and will take HTML last.
    HttpResponse<String> json =
        Http.get(
            url(k.path()),
            "Accept",
            "text/turtle;q=0.5, application/ld+json;q=0.9, text/html;q=0.1");
    assertEquals(200, json.statusCode(), k.path());
    assertTrue(
        json.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
    assertTyped(parse(json, RDFFormat.JSONLD), k);

    HttpResponse<String> nt = Http.get(url(k.path()) + "?format=nt");
    assertEquals("application/n-triples", nt.headers().firstValue("Content-Type").orElse(""));
    assertTyped(parse(nt, RDFFormat.TURTLE), k); // N-Triples is Turtle's subset
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aBrowserGetsAPageOrIsSentToTheSourceView(Kind k) {
    HttpResponse<String> r =
        Http.get(
            url(k.path()),
            "Accept",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
    if (k.path().contains("/evidence/")) {
      assertEquals(303, r.statusCode());
      assertEquals(
          "/sources/peer-2024-recipients?quote=peer-2024/theme-2-hope",
          r.headers().firstValue("Location").orElseThrow());
    } else if (k.path().endsWith("/source")) {
      assertEquals(303, r.statusCode());
      assertEquals(
          "/sources/peer-2024-recipients?study=peer-2024",
          r.headers().firstValue("Location").orElseThrow());
    } else {
      assertEquals(200, r.statusCode(), k.path());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      assertTrue(r.body().contains("<main id=\"main\""), "in the site frame");
      assertTrue(r.body().contains("<code>" + BASE + k.path() + "</code>"), "names its IRI");
    }
  }

  @Test
  void pagesShowWhatTheGraphSays() {
    String study = Http.get(url("id/peer-2024"), "Accept", "text/html").body();
    assertTrue(study.contains("href=\"https://doi.org/10.1186/s12888-024-05992-w\""), "DOI linked");
    assertTrue(study.contains("Denmark"));
    assertTrue(
        study.contains("href=\"/id/peer-2024/cmoc/connectedness\""), "configurations linked");
    assertTrue(
        study.contains("2) A sense of hope by working out new paths to recovery;"),
        "quotes verbatim");
    assertTrue(
        study.contains("href=\"/id/peer-2024/evidence/theme-2-hope\""),
        "quotes linked to the source view");
    assertTrue(study.contains("href=\"/mechanism/hope\""), "the mechanism's concept linked");

    String concept = Http.get(url("mechanism/trusting-relationship"), "Accept", "text/html").body();
    assertTrue(
        concept.contains("href=\"/mechanism/shared-lived-experience\""), "broader concept linked");
    // The same rule the graph counts by: cmo:countsForMechanism (findings about it or narrower).
    var dataset = BundledData.store().dataset();
    long counted =
        org.apache.jena.system.Txn.calculateRead(
            dataset,
            () ->
                dataset.stream()
                    .filter(
                        q ->
                            q.getPredicate().getURI().equals(CMO + "countsForMechanism")
                                && q.getObject()
                                    .getURI()
                                    .equals(BASE + "mechanism/trusting-relationship"))
                    .map(q -> q.getSubject())
                    .distinct()
                    .count());
    assertTrue(counted > 0);
    assertTrue(concept.contains(counted + " findings from "), "counts " + counted);

    String ontology = Http.get(url("ontology"), "Accept", "text/html").body();
    assertTrue(ontology.contains("id=\"Study\""), "/ontology#Study is an anchor");
    assertTrue(ontology.contains("id=\"stance-supports\""), "controlled values are anchors");

    String studies = Http.get(url("studies")).body();
    assertTrue(studies.contains("href=\"/id/peer-2024\""));
    assertEquals(20, studies.split("<tr><td>", -1).length - 1, "one row per bundled study");
  }

  @Test
  void unknownIrisAnswer404AndUnacceptableRequests406() {
    HttpResponse<String> page = Http.get(url("id/no-such-study"), "Accept", "text/html");
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("<main id=\"main\"") && page.body().contains("Not found"));
    assertEquals(
        404, Http.get(url("mechanism/no-such-mechanism"), "Accept", "text/turtle").statusCode());
    HttpResponse<String> png = Http.get(url("id/peer-2024"), "Accept", "image/png");
    assertEquals(406, png.statusCode());
    assertEquals("Accept", png.headers().firstValue("Vary").orElse(""));
    assertEquals(
        406,
        Http.get(url("id/peer-2024"), "Accept", "text/html;q=0, text/turtle;q=0").statusCode());
    assertEquals(406, Http.get(url("id/peer-2024?format=docx")).statusCode());
  }

  @Test
  void voidDescribesTheDataset() throws Exception {
    HttpResponse<String> r = Http.get(url(".well-known/void"), "Accept", "text/turtle");
    assertEquals(200, r.statusCode());
    Model m = parse(r, RDFFormat.TURTLE);
    String v = "http://rdfs.org/ns/void#";
    IRI ds = VF.createIRI(BASE + ".well-known/void#cmograph");
    assertTrue(m.contains(ds, RDF.TYPE, VF.createIRI(v + "Dataset")));
    assertTrue(m.contains(ds, VF.createIRI(v + "sparqlEndpoint"), VF.createIRI(server.queryUrl())));
    assertTrue(m.contains(ds, VF.createIRI(v + "uriSpace"), VF.createLiteral(BASE)));
    long triples =
        ((Literal) m.filter(ds, VF.createIRI(v + "triples"), null).objects().iterator().next())
            .longValue();
    assertTrue(triples > 5000, "triples: " + triples);
    assertTrue(
        m.contains(ds, VF.createIRI(v + "subset"), VF.createIRI(BASE + "graph/study/peer-2024")));
    assertTrue(m.contains(ds, VF.createIRI(v + "vocabulary"), VF.createIRI(CMO)));
    assertTyped(
        parse(Http.get(url(".well-known/void"), "Accept", "application/ld+json"), RDFFormat.JSONLD),
        new Kind(".well-known/void#cmograph", v + "Dataset"));
  }

  @Test
  void theQueryEndpointDescribesItselfWhenAskedNothing() throws Exception {
    String sd = "http://www.w3.org/ns/sparql-service-description#";
    for (String[] f :
        new String[][] {{"text/turtle", "TURTLE"}, {"application/ld+json", "JSONLD"}}) {
      HttpResponse<String> r = Http.get(server.queryUrl(), "Accept", f[0]);
      assertEquals(200, r.statusCode(), f[0]);
      Model m = parse(r, f[1].equals("TURTLE") ? RDFFormat.TURTLE : RDFFormat.JSONLD);
      IRI service = VF.createIRI(server.queryUrl());
      assertTrue(m.contains(service, RDF.TYPE, VF.createIRI(sd + "Service")));
      assertTrue(m.contains(service, VF.createIRI(sd + "endpoint"), service));
      assertTrue(
          m.contains(
              service, VF.createIRI(sd + "supportedLanguage"), VF.createIRI(sd + "SPARQL11Query")));
      assertTrue(
          m.contains(
              service, VF.createIRI(sd + "feature"), VF.createIRI(sd + "UnionDefaultGraph")));
      assertFalse(
          m.filter(null, VF.createIRI(sd + "name"), VF.createIRI(BASE + "graph/theory")).isEmpty());
    }
    // Queries are answered as before.
    HttpResponse<String> ask =
        Http.get(
            server.queryUrl() + "?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D",
            "Accept",
            "application/sparql-results+json");
    assertEquals(200, ask.statusCode());
    assertTrue(ask.body().contains("true"));
  }
}
