package org.cmograph.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;

/**
 * {@code /query/vocabulary.json}: what the query editor completes, from this server alone (the
 * editor's own completion asks prefix.cc and the Linked Open Vocabularies service, which the page's
 * policy forbids): the prefixes the data uses, and the classes and properties in the store (the
 * ontology's and the vocabularies it reuses), as {@code {"prefixes": {"cmo": "https://..."},
 * "classes": [IRI...], "properties": [IRI...]}}.
 */
final class Vocabulary extends HttpServlet {
  /** The prefixes of the data and ontology, as the documentation writes them. */
  static final Map<String, String> PREFIXES = new LinkedHashMap<>();

  static {
    PREFIXES.put("cmo", "https://w3id.org/cmograph/ontology#");
    PREFIXES.put("cmoid", "https://w3id.org/cmograph/id/");
    PREFIXES.put("mech", "https://w3id.org/cmograph/mechanism/");
    PREFIXES.put("cmog", "https://w3id.org/cmograph/graph/");
    PREFIXES.put("skos", "http://www.w3.org/2004/02/skos/core#");
    PREFIXES.put("dcterms", "http://purl.org/dc/terms/");
    PREFIXES.put("prov", "http://www.w3.org/ns/prov#");
    PREFIXES.put("bibo", "http://purl.org/ontology/bibo/");
    PREFIXES.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
    PREFIXES.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    PREFIXES.put("xsd", "http://www.w3.org/2001/XMLSchema#");
    PREFIXES.put("owl", "http://www.w3.org/2002/07/owl#");
    PREFIXES.put("sh", "http://www.w3.org/ns/shacl#");
  }

  private static final int MAX_TERMS = 5000;

  private static final String CLASSES =
      """
      PREFIX owl:  <http://www.w3.org/2002/07/owl#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      SELECT DISTINCT ?t WHERE { { ?s a ?t } UNION { ?t a owl:Class } UNION { ?t a rdfs:Class } }
      ORDER BY ?t LIMIT %d
      """
          .formatted(MAX_TERMS);

  private static final String PROPERTIES =
      """
      PREFIX owl: <http://www.w3.org/2002/07/owl#>
      PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
      SELECT DISTINCT ?t WHERE {
        { ?s ?t ?o } UNION { ?t a owl:ObjectProperty } UNION { ?t a owl:DatatypeProperty }
        UNION { ?t a rdf:Property }
      }
      ORDER BY ?t LIMIT %d
      """
          .formatted(MAX_TERMS);

  private final DatasetGraph dataset;
  private final Context context;

  Vocabulary(DatasetGraph dataset, Context context) {
    this.dataset = dataset;
    this.context = context;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    ObjectNode prefixes = out.putObject("prefixes");
    PREFIXES.forEach(prefixes::put);
    terms(CLASSES, out.putArray("classes"));
    terms(PROPERTIES, out.putArray("properties"));
    byte[] body = json.writeValueAsBytes(out);
    res.setContentType("application/json");
    res.setHeader("Cache-Control", "no-cache");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  private void terms(String query, ArrayNode into) {
    for (var b : LandingPage.select(dataset, context, query)) {
      var t = b.get("t");
      if (t != null && t.isURI()) {
        into.add(t.getURI());
      }
    }
  }
}
