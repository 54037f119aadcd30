package org.cmograph.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.FmtUtils;
import org.cmograph.util.Suggest;

/**
 * The values a catalogue query's parameters can take, read from the store: the mechanism
 * catalogue's concepts and the studies, each with its label. The endpoint's forms offer them; a
 * value that is not among them (in a form, or {@code cmograph query --param}) is answered with a
 * message naming the parameter and the nearest valid ids instead of a query that silently finds
 * nothing.
 *
 * <pre>
 * ParamValues valid = ParamValues.read(text -&gt; rowsOf(text));   // any way to run a SELECT
 * valid.problem(param, "trusting-relationshp").ifPresent(...);
 * </pre>
 */
public final class ParamValues {
  /** One valid value: the id a form sends and the label shown beside it. */
  public record Value(String id, String label) {}

  // Sorted outside the group: Virtuoso refuses an ORDER BY over an aggregate's alias (SP031).
  private static final String MECHANISMS =
      """
      PREFIX cmo:  <https://w3id.org/cmograph/ontology#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      SELECT ?id ?label WHERE {
        {
          SELECT ?id (SAMPLE(?l) AS ?label) WHERE {
            ?c a cmo:MechanismConcept ; skos:notation ?id .
            OPTIONAL { ?c skos:prefLabel ?l }
            #ONE
          } GROUP BY ?id
        }
      } ORDER BY LCASE(STR(?label)) ?id
      """;

  private static final String STUDIES =
      """
      PREFIX cmo:     <https://w3id.org/cmograph/ontology#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
      SELECT ?id (SAMPLE(?l) AS ?label) WHERE {
        ?s a cmo:Study ; dcterms:identifier ?id .
        OPTIONAL { ?s rdfs:label ?l }
        #ONE
      } GROUP BY ?id ORDER BY ?id
      """;

  /** How many near ids a message suggests. */
  public static final int SUGGESTED = 3;

  private final Map<ParamKind, List<Value>> values;

  private ParamValues(Map<ParamKind, List<Value>> values) {
    this.values = values;
  }

  /**
   * Reads the mechanisms and studies of a dataset.
   *
   * @param select runs a SELECT (its text) where the query will run and returns its rows
   */
  public static ParamValues read(Function<String, List<Binding>> select) {
    return new ParamValues(
        Map.of(
            ParamKind.MECHANISM, values(select.apply(MECHANISMS)),
            ParamKind.STUDY, values(select.apply(STUDIES))));
  }

  /**
   * {@link #problem} for one value, reading no more than it needs: the id's own row, and every id
   * of its kind (for the nearest) only when it names nothing. For {@code cmograph query --param}.
   *
   * @param select runs a SELECT (its text) where the query will run and returns its rows
   */
  public static Optional<String> problem(
      QueryParam param, String value, Function<String, List<Binding>> select) {
    String all =
        switch (param.kind()) {
          case MECHANISM -> MECHANISMS;
          case STUDY -> STUDIES;
          default -> null;
        };
    if (all == null) {
      return new ParamValues(Map.of()).problem(param, value);
    }
    String literal = FmtUtils.stringForNode(NodeFactory.createLiteralString(value));
    if (!select.apply(all.replace("#ONE", "VALUES ?id { " + literal + " }")).isEmpty()) {
      return Optional.empty();
    }
    return new ParamValues(Map.of(param.kind(), values(select.apply(all)))).problem(param, value);
  }

  /** The valid values of a kind; empty for kinds that take any text or number. */
  public List<Value> of(ParamKind kind) {
    return values.getOrDefault(kind, List.of());
  }

  /**
   * What is wrong with {@code value} for {@code param}, or empty when the query can run with it: an
   * id that names nothing in the store (with the nearest valid ids), or text that is not a whole
   * number for an integer parameter.
   */
  public Optional<String> problem(QueryParam param, String value) {
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
            + ".");
  }

  private static List<Value> values(List<Binding> rows) {
    List<Value> out = new ArrayList<>();
    for (Binding b : rows) {
      String id = b.get("id").getLiteralLexicalForm();
      var label = b.get("label");
      out.add(new Value(id, label == null ? id : label.getLiteralLexicalForm()));
    }
    return out;
  }
}
