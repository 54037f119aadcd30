package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.cmograph.endpoint.Conneg.Format;
import org.junit.jupiter.api.Test;

class ConnegTest {
  static Format choose(String accept) {
    return Conneg.choose(accept, null, Conneg.RESOURCE);
  }

  @Test
  void browsersGetHtmlAndRdfClientsTheirFormat() {
    assertEquals(
        Format.HTML,
        choose("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"));
    assertEquals(Format.TURTLE, choose("text/turtle"));
    assertEquals(Format.JSONLD, choose("application/ld+json"));
    assertEquals(Format.JSONLD, choose("application/json"));
    assertEquals(Format.NTRIPLES, choose("application/n-triples"));
    assertEquals(Format.RDFXML, choose("application/rdf+xml"));
    // RDF4J's and Jena's usual Accept headers: many types, Turtle rated highest
    assertEquals(
        Format.TURTLE,
        choose(
            "text/turtle, application/n-triples;q=0.9, application/ld+json;q=0.8, application/rdf+xml;q=0.7, */*;q=0.1"));
  }

  @Test
  void qValuesAndSpecificityDecide() {
    assertEquals(
        Format.JSONLD, choose("text/turtle;q=0.5, application/ld+json;q=0.9, text/html;q=0.1"));
    assertEquals(
        Format.TURTLE, choose("text/*;q=0.2, text/turtle"), "the exact range beats text/*");
    assertEquals(
        Format.TURTLE,
        choose("text/html;q=0, */*"),
        "q=0 refuses HTML; the tie goes to the next offered");
    assertEquals(Format.HTML, choose(null));
    assertEquals(Format.HTML, choose("*/*"));
    assertEquals(Format.HTML, choose("TEXT/HTML"));
  }

  @Test
  void nothingAcceptableIsNull() {
    assertNull(choose("image/png"));
    assertNull(choose("text/html;q=0, text/turtle;q=0"));
    assertNull(choose("text/turtle;q=x"), "an unreadable q counts as 0");
  }

  @Test
  void theFormatParameterOverridesTheHeader() {
    assertEquals(Format.NTRIPLES, Conneg.choose("text/html", "nt", Conneg.RESOURCE));
    assertEquals(Format.TURTLE, Conneg.choose(null, "TTL", Conneg.RESOURCE));
    assertNull(Conneg.choose("text/html", "docx", Conneg.RESOURCE));
  }
}
