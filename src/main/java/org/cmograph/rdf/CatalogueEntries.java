package org.cmograph.rdf;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The concepts of one shared catalogue (mechanisms, contexts or outcomes) as a researcher choosing
 * a concept needs them: id, label, definition, broader concept, the studies' own wordings and the
 * scope note, read from the catalogue's SKOS.
 */
public final class CatalogueEntries {
  private CatalogueEntries() {}

  /**
   * One of the shared catalogues: its concept class and the namespace of its concept IRIs. The
   * class is held as an IRI, not a Jena node: picocli reads this enum's constants whenever it
   * builds the command line ({@code catalogue list}'s parameter), even for {@code --help}, and a
   * {@link Vocab} node would initialise Jena there (~0.9 s; CliStartupIT).
   */
  public enum Catalogue {
    MECHANISMS(Vocab.NS + "MechanismConcept", Vocab.MECHANISM, "mechanism-catalogue.ttl"),
    CONTEXTS(Vocab.NS + "ContextConcept", Vocab.CONTEXT_CONCEPT, "context-catalogue.ttl"),
    OUTCOMES(Vocab.NS + "OutcomeConcept", Vocab.OUTCOME_CONCEPT, "outcome-catalogue.ttl");

    private final String typeIri;
    final String namespace;
    private final String file;

    Catalogue(String typeIri, String namespace, String file) {
      this.typeIri = typeIri;
      this.namespace = namespace;
      this.file = file;
    }

    /** The class of the catalogue's concepts. */
    Node type() {
      return NodeFactory.createURI(typeIri);
    }

    /** The catalogue's file under {@code ontology/}. */
    public String file() {
      return file;
    }
  }

  /** One concept; absent facts are null or empty. */
  public record Entry(
      String id,
      String label,
      String definition,
      String broader,
      List<String> wordings,
      String scopeNote) {}

  private static final Node PREF_LABEL = NodeFactory.createURI(Vocab.SKOS + "prefLabel");
  private static final Node ALT_LABEL = NodeFactory.createURI(Vocab.SKOS + "altLabel");
  private static final Node DEFINITION = NodeFactory.createURI(Vocab.SKOS + "definition");
  private static final Node BROADER = NodeFactory.createURI(Vocab.SKOS + "broader");
  private static final Node SCOPE_NOTE = NodeFactory.createURI(Vocab.SKOS + "scopeNote");

  /** The catalogue's concepts in id order. */
  public static List<Entry> of(Graph catalogues, Catalogue which) {
    List<Entry> out = new ArrayList<>();
    for (Triple t : catalogues.find(Node.ANY, Vocab.type, which.type()).toList()) {
      Node concept = t.getSubject();
      if (!concept.isURI() || !concept.getURI().startsWith(which.namespace)) {
        continue;
      }
      Node broader = first(catalogues, concept, BROADER);
      out.add(
          new Entry(
              concept.getURI().substring(which.namespace.length()),
              text(first(catalogues, concept, PREF_LABEL)),
              text(first(catalogues, concept, DEFINITION)),
              broader != null && broader.isURI() && broader.getURI().startsWith(which.namespace)
                  ? broader.getURI().substring(which.namespace.length())
                  : null,
              texts(catalogues, concept, ALT_LABEL),
              text(first(catalogues, concept, SCOPE_NOTE))));
    }
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return out;
  }

  private static Node first(Graph g, Node s, Node p) {
    List<Triple> found = g.find(s, p, Node.ANY).toList();
    return found.isEmpty() ? null : found.get(0).getObject();
  }

  private static String text(Node n) {
    return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : null;
  }

  private static List<String> texts(Graph g, Node s, Node p) {
    List<String> out = new ArrayList<>();
    for (Triple t : g.find(s, p, Node.ANY).toList()) {
      if (t.getObject().isLiteral()) {
        out.add(t.getObject().getLiteralLexicalForm());
      }
    }
    out.sort(null);
    return out;
  }
}
