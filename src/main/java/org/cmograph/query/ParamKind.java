package org.cmograph.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.cmograph.rdf.Iris;

/**
 * What a query parameter's value stands for, as its header declares it. Identifier kinds take a
 * slug and mint the IRI the store uses for it, so a value can never carry query syntax; the other
 * kinds become literals.
 */
public enum ParamKind {
  /** A mechanism catalogue concept: slug to {@code https://w3id.org/cmograph/mechanism/{id}}. */
  MECHANISM("mechanism", "a catalogue concept id such as trusting-relationship"),
  /** A study: slug to {@code https://w3id.org/cmograph/id/{id}}. */
  STUDY("study", "a study id such as gillard-2024"),
  /** Free text, bound as a plain string literal. */
  TEXT("text", "any text"),
  /** A whole number, bound as an xsd:integer literal. */
  INTEGER("integer", "a whole number");

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");

  private final String keyword;
  private final String expects;

  ParamKind(String keyword, String expects) {
    this.keyword = keyword;
    this.expects = expects;
  }

  /** The word used for this kind in a query header, e.g. {@code mechanism}. */
  public String keyword() {
    return keyword;
  }

  /** The kind a header word names. */
  public static Optional<ParamKind> byKeyword(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.keyword.equals(w)).findFirst();
  }

  /** The RDF term for {@code value}; refuses a value this kind cannot take. */
  public Node toNode(String param, String value) {
    switch (this) {
      case MECHANISM, STUDY -> {
        if (value.length() > 100 || !SLUG.matcher(value).matches()) {
          throw new QueryUsageException(
              "--param "
                  + param
                  + ": '"
                  + value
                  + "' is not "
                  + expects
                  + " (lower-case letters, digits and single hyphens)");
        }
        return this == MECHANISM ? Iris.concept(value) : new Iris().study(value);
      }
      case INTEGER -> {
        if (!WHOLE.matcher(value).matches()) {
          throw new QueryUsageException("--param " + param + ": '" + value + "' is not " + expects);
        }
        return NodeFactory.createLiteralDT(value, XSDDatatype.XSDinteger);
      }
      default -> {
        return NodeFactory.createLiteralString(value);
      }
    }
  }
}
