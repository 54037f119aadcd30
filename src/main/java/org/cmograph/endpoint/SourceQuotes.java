package org.cmograph.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;

/**
 * What the store says about the quotes on a registered source text: each evidence item's Web
 * Annotation selectors (its passage by code points, and its exact wording), the SHA-256 its study
 * recorded for the text, and for one item the facts the source view's panel shows. Values are bound
 * as RDF terms, never pasted into query text.
 */
final class SourceQuotes {
  private static final String PREFIXES =
      """
      PREFIX cmo: <https://w3id.org/cmograph/ontology#>
      PREFIX prov: <http://www.w3.org/ns/prov#>
      PREFIX oa: <http://www.w3.org/ns/oa#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      """;

  /** One evidence item's quote on the source; start and end count code points of the text. */
  record Quote(
      String study,
      String evidence,
      String item,
      String sha256,
      int start,
      int end,
      String exact) {}

  /** A registered source as the store knows it: how many studies and quotes use it. */
  record Use(String file, List<String> studies, int quotes) {}

  /** The facts about one evidence item the panel beside the highlighted quote shows. */
  record Item(
      String study,
      String studyIri,
      String studyTitle,
      String kind,
      String stance,
      String perspective,
      String page,
      String section,
      Map<String, String> configurations) {}

  private final DatasetGraph dataset;
  private final Context context;

  SourceQuotes(DatasetGraph dataset, Context context) {
    this.dataset = dataset;
    this.context = context;
  }

  /**
   * The quotes on the source file {@code file} (its name under data/sources/), of one study or of
   * all studies (study null), in text order.
   */
  List<Quote> quotes(String file, String study) {
    String query =
        PREFIXES
            + """
            SELECT ?studyId ?eid ?item ?sha ?start ?end ?exact WHERE {
              ?source prov:atLocation ?file .
              ?studyNode cmo:hasSourceText ?source ; dcterms:identifier ?studyId .
              OPTIONAL { ?source cmo:sha256 ?sha }
              ?item prov:wasDerivedFrom ?source ; dcterms:identifier ?eid ; oa:hasTarget ?target .
              ?target oa:hasSelector ?q , ?p .
              ?q a oa:TextQuoteSelector ; oa:exact ?exact .
              ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
            } ORDER BY ?start ?studyId ?eid
            """;
    Map<String, Node> bind = new LinkedHashMap<>();
    bind.put("file", NodeFactory.createLiteralString(file));
    if (study != null) {
      bind.put("studyId", NodeFactory.createLiteralString(study));
    }
    List<Quote> out = new ArrayList<>();
    for (Binding b : select(query, bind)) {
      Integer start = integer(b, "start");
      Integer end = integer(b, "end");
      if (start == null || end == null) {
        continue;
      }
      out.add(
          new Quote(
              study != null ? study : text(b, "studyId"),
              text(b, "eid"),
              b.get("item").getURI(),
              text(b, "sha"),
              start,
              end,
              text(b, "exact")));
    }
    return out;
  }

  /** The SHA-256 each study using {@code file} recorded for it, by study id. */
  Map<String, String> recordedDigests(String file) {
    String query =
        PREFIXES
            + """
            SELECT ?studyId ?sha WHERE {
              ?source prov:atLocation ?file .
              ?studyNode cmo:hasSourceText ?source ; dcterms:identifier ?studyId .
              OPTIONAL { ?source cmo:sha256 ?sha }
            } ORDER BY ?studyId
            """;
    Map<String, String> out = new LinkedHashMap<>();
    for (Binding b : select(query, Map.of("file", NodeFactory.createLiteralString(file)))) {
      out.put(text(b, "studyId"), text(b, "sha"));
    }
    return out;
  }

  /** Every source file the store's studies name, with the studies and the count of their quotes. */
  Map<String, Use> uses() {
    String query =
        PREFIXES
            + """
            SELECT ?file ?studyId (COUNT(DISTINCT ?item) AS ?quotes) WHERE {
              ?studyNode cmo:hasSourceText ?source ; dcterms:identifier ?studyId .
              ?source prov:atLocation ?file .
              OPTIONAL { ?item prov:wasDerivedFrom ?source }
            } GROUP BY ?file ?studyId ORDER BY ?file ?studyId
            """;
    Map<String, List<String>> studies = new LinkedHashMap<>();
    Map<String, Integer> quotes = new LinkedHashMap<>();
    for (Binding b : select(query, Map.of())) {
      String file = text(b, "file");
      studies.computeIfAbsent(file, f -> new ArrayList<>()).add(text(b, "studyId"));
      Integer n = integer(b, "quotes");
      quotes.merge(file, n == null ? 0 : n, Integer::sum);
    }
    Map<String, Use> out = new LinkedHashMap<>();
    studies.forEach(
        (file, ids) -> out.put(file, new Use(file, List.copyOf(ids), quotes.get(file))));
    return out;
  }

  /** The panel's facts about one evidence item, by its IRI. */
  Item item(String itemIri) {
    String query =
        PREFIXES
            + """
            SELECT ?studyId ?studyNode ?title ?kind ?stance ?perspective ?page ?section ?cmoc ?label WHERE {
              ?item cmo:fromStudy ?studyNode .
              ?studyNode dcterms:identifier ?studyId .
              OPTIONAL { ?studyNode rdfs:label ?title }
              OPTIONAL { ?item cmo:evidenceKind ?kind }
              OPTIONAL { ?item cmo:stance ?stance }
              OPTIONAL { ?item cmo:perspective ?perspective }
              OPTIONAL { ?item cmo:page ?page }
              OPTIONAL { ?item cmo:section ?section }
              OPTIONAL { ?item cmo:evidenceFor ?cmoc . OPTIONAL { ?cmoc rdfs:label ?label } }
            } ORDER BY ?cmoc
            """;
    List<Binding> rows = select(query, Map.of("item", NodeFactory.createURI(itemIri)));
    if (rows.isEmpty()) {
      return null;
    }
    Binding first = rows.get(0);
    Map<String, String> configurations = new LinkedHashMap<>();
    for (Binding b : rows) {
      if (b.get("cmoc") != null) {
        configurations.putIfAbsent(b.get("cmoc").getURI(), text(b, "label"));
      }
    }
    return new Item(
        text(first, "studyId"),
        first.get("studyNode").getURI(),
        text(first, "title"),
        iri(first, "kind"),
        iri(first, "stance"),
        iri(first, "perspective"),
        text(first, "page"),
        text(first, "section"),
        configurations);
  }

  private List<Binding> select(String query, Map<String, Node> bind) {
    return Txn.calculateRead(
        dataset,
        () -> {
          QueryExecBuilder builder =
              QueryExec.newBuilder()
                  .dataset(dataset)
                  .query(QueryFactory.create(query))
                  .context(context);
          bind.forEach(builder::substitution);
          try (QueryExec exec = builder.build()) {
            // Resolved inside the read transaction: TDB2 decodes a binding's nodes lazily.
            List<Binding> out = new ArrayList<>();
            exec.select()
                .forEachRemaining(
                    b -> {
                      BindingBuilder copy = Binding.builder();
                      b.forEach(copy::add);
                      out.add(copy.build());
                    });
            return out;
          }
        });
  }

  private static String text(Binding b, String var) {
    Node n = b.get(var);
    return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
  }

  private static String iri(Binding b, String var) {
    Node n = b.get(var);
    return n != null && n.isURI() ? n.getURI() : null;
  }

  private static Integer integer(Binding b, String var) {
    Node n = b.get(var);
    if (n == null || !n.isLiteral()) {
      return null;
    }
    try {
      return Integer.valueOf(n.getLiteralLexicalForm());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
