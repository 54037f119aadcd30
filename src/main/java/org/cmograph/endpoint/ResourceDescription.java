package org.cmograph.endpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.rdf.Vocab;

/**
 * The RDF a resource IRI answers with (its "description"), read from the store:
 *
 * <ul>
 *   <li>a named graph's IRI ({@code /graph/...}): the graph's triples, plus that it is an {@code
 *       sd:Graph} with its {@code void:triples};
 *   <li>the ontology's IRI ({@code /ontology}): the ontology graph (every term is described there);
 *   <li>any other IRI: every statement with it as subject across the union of all graphs (the
 *       studies, what they entail, the theory, the ontology, the catalogues), the statements about
 *       the blank nodes they reach (closure), and the {@code rdfs:label} and {@code skos:prefLabel}
 *       of each IRI they point to.
 * </ul>
 *
 * Statements pointing at the resource from elsewhere are not included (a SPARQL query finds those).
 * Read inside a read transaction, within the endpoint's time limit.
 */
final class ResourceDescription {
  static final String SD = "http://www.w3.org/ns/sparql-service-description#";
  static final String VOID = "http://rdfs.org/ns/void#";

  private ResourceDescription() {}

  static Graph describe(DatasetGraph dataset, LdView v, Node iri) {
    Graph out = GraphFactory.createDefaultGraph();
    out.getPrefixMapping().setNsPrefixes(prefixes());
    if (dataset.containsGraph(iri)) {
      int n = 0;
      java.util.Iterator<Triple> it = dataset.getGraph(iri).find();
      try {
        while (it.hasNext()) {
          out.add(it.next());
          if ((++n & 1023) == 0) {
            v.check();
          }
        }
      } finally {
        org.apache.jena.atlas.iterator.Iter.close(it);
      }
      out.add(Triple.create(iri, Vocab.type, LdView.uri(SD + "Graph")));
      out.add(Triple.create(iri, LdView.uri(VOID + "triples"), LdView.integer(n)));
      return out;
    }
    Deque<Node> todo = new ArrayDeque<>();
    Set<Node> seen = new HashSet<>();
    todo.add(iri);
    seen.add(iri);
    Set<Node> pointed = new HashSet<>();
    while (!todo.isEmpty()) {
      for (Triple t : v.find(todo.poll(), Node.ANY, Node.ANY)) {
        out.add(t);
        Node o = t.getObject();
        if (o.isBlank() && seen.add(o)) {
          todo.add(o);
        } else if (o.isURI()) {
          pointed.add(o);
        }
        pointed.add(t.getPredicate());
      }
    }
    for (Node o : pointed) {
      if (!o.equals(iri)) {
        for (Node p : java.util.List.of(Vocab.label, LdView.PREF_LABEL)) {
          v.find(o, p, Node.ANY).forEach(out::add);
        }
      }
    }
    return out;
  }

  static PrefixMapping prefixes() {
    return PrefixMapping.Factory.create()
        .setNsPrefix("cmo", Vocab.NS)
        .setNsPrefix("cmoid", Vocab.ID)
        .setNsPrefix("mech", Vocab.MECHANISM)
        .setNsPrefix("ctx", Vocab.CONTEXT_CONCEPT)
        .setNsPrefix("out", Vocab.OUTCOME_CONCEPT)
        .setNsPrefix("rdf", Vocab.RDF)
        .setNsPrefix("rdfs", Vocab.RDFS)
        .setNsPrefix("xsd", Vocab.XSD)
        .setNsPrefix("owl", "http://www.w3.org/2002/07/owl#")
        .setNsPrefix("skos", Vocab.SKOS)
        .setNsPrefix("dcterms", Vocab.DCT)
        .setNsPrefix("prov", Vocab.PROV)
        .setNsPrefix("bibo", Vocab.BIBO)
        .setNsPrefix("sd", SD)
        .setNsPrefix("void", VOID);
  }
}
