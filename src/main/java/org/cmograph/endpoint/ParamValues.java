package org.cmograph.endpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.Context;
import org.cmograph.query.ParamKind;
import org.cmograph.query.QueryParam;
import org.cmograph.util.Suggest;

/**
 * The values a catalogue query's parameters can take, read from the store: the mechanism
 * catalogue's concepts and the studies, each with its label. The forms offer them, and a value that
 * is not among them is answered with a message naming the parameter and the nearest valid ids
 * instead of a query that silently finds nothing.
 */
final class ParamValues {
  /** One valid value: the id the form sends and the label shown beside it. */
  record Value(String id, String label) {}

  private static final String MECHANISMS =
      """
      PREFIX cmo:  <https://w3id.org/cmograph/ontology#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      SELECT ?id (SAMPLE(?l) AS ?label) WHERE {
        ?c a cmo:MechanismConcept ; skos:notation ?id .
        OPTIONAL { ?c skos:prefLabel ?l }
      } GROUP BY ?id ORDER BY LCASE(STR(?label)) ?id
      """;

  private static final String STUDIES =
      """
      PREFIX cmo:     <https://w3id.org/cmograph/ontology#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
      SELECT ?id (SAMPLE(?l) AS ?label) WHERE {
        ?s a cmo:Study ; dcterms:identifier ?id .
        OPTIONAL { ?s rdfs:label ?l }
      } GROUP BY ?id ORDER BY ?id
      """;

  /** How many near ids a message suggests. */
  static final int SUGGESTED = 3;

  private final Map<ParamKind, List<Value>> values;

  private ParamValues(Map<ParamKind, List<Value>> values) {
    this.values = values;
  }

  /** Reads the mechanisms and studies in the store. */
  static ParamValues read(DatasetGraph dataset, Context context) {
    return new ParamValues(
        Map.of(
            ParamKind.MECHANISM, select(dataset, context, MECHANISMS),
            ParamKind.STUDY, select(dataset, context, STUDIES)));
  }

  /** The valid values of a kind; empty for kinds that take any text or number. */
  List<Value> of(ParamKind kind) {
    return values.getOrDefault(kind, List.of());
  }

  /**
   * What is wrong with {@code value} for {@code param}, or empty when the query can run with it: an
   * id that names nothing in the store (with the nearest valid ids), or text that is not a whole
   * number for an integer parameter.
   */
  Optional<String> problem(QueryParam param, String value) {
    if (param.kind() == ParamKind.INTEGER && !value.matches("-?[0-9]{1,18}")) {
      return Optional.of(
          "The parameter \""
              + param.name()
              + "\" takes a whole number; \""
              + value
              + "\" is not one.");
    }
    List<Value> valid = of(param.kind());
    if (valid.isEmpty() || valid.stream().anyMatch(v -> v.id().equals(value))) {
      return Optional.empty();
    }
    String what =
        param.kind() == ParamKind.MECHANISM
            ? "mechanism in the catalogue"
            : "study in this dataset";
    String nearest =
        valid.stream()
            .map(Value::id)
            .sorted(
                Comparator.comparingInt((String id) -> Suggest.distance(value, id))
                    .thenComparing(id -> id))
            .limit(SUGGESTED)
            .collect(Collectors.joining(", "));
    return Optional.of(
        "Unknown id for the parameter \""
            + param.name()
            + "\": \""
            + value
            + "\" is not a "
            + what
            + ". Nearest valid ids: "
            + nearest
            + ". Pick one from the form's list.");
  }

  private static List<Value> select(DatasetGraph dataset, Context context, String query) {
    List<Value> out = new ArrayList<>();
    for (Binding b : LandingPage.select(dataset, context, query)) {
      String id = b.get("id").getLiteralLexicalForm();
      var label = b.get("label");
      out.add(new Value(id, label == null ? id : label.getLiteralLexicalForm()));
    }
    return out;
  }
}
