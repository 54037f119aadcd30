package org.cmograph.endpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.cmograph.rdf.Vocab;

/**
 * What the linked-data pages read: the store's union graph (every study graph with what it entails,
 * the theory, the ontology and the catalogue), looked up by pattern, with the time limit every
 * endpoint query has. Used inside a read transaction only.
 */
final class LdView {
  /** Thrown when a page has read for longer than the endpoint's query time limit. */
  static final class TooSlow extends RuntimeException {
    TooSlow() {
      super("the page took longer than the endpoint's time limit", null, false, false);
    }
  }

  static final Node PREF_LABEL = NodeFactory.createURI(Vocab.SKOS + "prefLabel");

  final Graph graph;
  private final long deadline;

  LdView(Graph graph, long timeLimitMillis) {
    this.graph = graph;
    this.deadline = System.nanoTime() + timeLimitMillis * 1_000_000L;
  }

  void check() {
    if (System.nanoTime() > deadline) {
      throw new TooSlow();
    }
  }

  /** An xsd:integer literal (Turtle writes it bare). */
  static Node integer(long n) {
    return NodeFactory.createLiteralDT(
        Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
  }

  static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  /** The matching triples, distinct. */
  List<Triple> find(Node s, Node p, Node o) {
    Set<Triple> out = new LinkedHashSet<>();
    Iterator<Triple> it = graph.find(s, p, o);
    try {
      while (it.hasNext()) {
        out.add(it.next());
        if ((out.size() & 255) == 0) {
          check();
        }
      }
    } finally {
      org.apache.jena.atlas.iterator.Iter.close(it);
    }
    check();
    return new ArrayList<>(out);
  }

  List<Node> objects(Node s, Node p) {
    Set<Node> out = new LinkedHashSet<>();
    find(s, p, Node.ANY).forEach(t -> out.add(t.getObject()));
    return new ArrayList<>(out);
  }

  List<Node> subjects(Node p, Node o) {
    Set<Node> out = new LinkedHashSet<>();
    find(Node.ANY, p, o).forEach(t -> out.add(t.getSubject()));
    return new ArrayList<>(out);
  }

  Node object(Node s, Node p) {
    List<Node> all = objects(s, p);
    return all.isEmpty() ? null : all.get(0);
  }

  /** The lexical form of the first value, or "" when there is none. */
  String text(Node s, Node p) {
    Node o = object(s, p);
    return o == null ? "" : o.isLiteral() ? o.getLiteralLexicalForm() : o.isURI() ? label(o) : "";
  }

  boolean hasType(Node s, Node type) {
    return graph.contains(s, Vocab.type, type);
  }

  /** True when the IRI is the subject or the object of some statement. */
  boolean mentioned(Node n) {
    return graph.contains(n, Node.ANY, Node.ANY) || graph.contains(Node.ANY, Node.ANY, n);
  }

  /** rdfs:label, skos:prefLabel, dcterms:title or dcterms:identifier, else the IRI's last part. */
  String label(Node n) {
    if (n.isLiteral()) {
      return n.getLiteralLexicalForm();
    }
    for (Node p : List.of(Vocab.label, PREF_LABEL, Vocab.title, Vocab.identifier)) {
      Node o = object(n, p);
      if (o != null && o.isLiteral()) {
        return o.getLiteralLexicalForm();
      }
    }
    return localName(n);
  }

  static String localName(Node n) {
    if (!n.isURI()) {
      return n.isBlank() ? "(unnamed)" : n.toString();
    }
    String iri = n.getURI();
    int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
  }

  /** The nodes sorted by their labels (then IRIs), for stable pages. */
  List<Node> byLabel(List<Node> nodes) {
    java.util.Map<Node, String> keys = new java.util.HashMap<>();
    for (Node n : nodes) {
      keys.put(n, label(n).toLowerCase(java.util.Locale.ROOT)); // once each, not per comparison
    }
    List<Node> out = new ArrayList<>(nodes);
    out.sort(Comparator.comparing((Node n) -> keys.get(n)).thenComparing((Node n) -> n.toString()));
    return out;
  }
}
