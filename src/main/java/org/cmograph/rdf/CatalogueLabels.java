package org.cmograph.rdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.cmograph.extraction.ConceptLabels;

/**
 * Reads the mechanism catalogue's concepts and their SKOS labels ({@code skos:prefLabel} first,
 * then {@code skos:altLabel}s), for the importers' and the catalogue curator's label matching.
 */
public final class CatalogueLabels {
  private CatalogueLabels() {}

  static final Node PREF_LABEL = NodeFactory.createURI(Vocab.SKOS + "prefLabel");
  static final Node ALT_LABEL = NodeFactory.createURI(Vocab.SKOS + "altLabel");

  public static ConceptLabels of(ReferenceData reference) {
    return of(reference.catalogue());
  }

  public static ConceptLabels of(Graph catalogue) {
    Map<String, List<String>> labels = new LinkedHashMap<>();
    for (Triple t : catalogue.find(Node.ANY, Vocab.type, Vocab.MechanismConcept).toList()) {
      Node concept = t.getSubject();
      if (!concept.isURI() || !concept.getURI().startsWith(Vocab.MECHANISM)) {
        continue;
      }
      List<String> own = new ArrayList<>(texts(catalogue, concept, PREF_LABEL));
      own.addAll(texts(catalogue, concept, ALT_LABEL));
      labels.put(concept.getURI().substring(Vocab.MECHANISM.length()), own);
    }
    return new ConceptLabels(labels);
  }

  private static List<String> texts(Graph g, Node s, Node p) {
    List<String> out = new ArrayList<>();
    g.find(s, p, Node.ANY)
        .forEachRemaining(
            t -> {
              if (t.getObject().isLiteral()) {
                out.add(t.getObject().getLiteralLexicalForm());
              }
            });
    out.sort(null);
    return out;
  }
}
