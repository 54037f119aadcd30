package org.cmograph.endpoint;

import static org.cmograph.endpoint.LdHtml.all;
import static org.cmograph.endpoint.LdHtml.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.cmograph.rdf.Vocab;

/**
 * {@code /ontology}: every term the ontology declares, grouped as classes, properties, concept
 * schemes and controlled values, each with its label, definition or comment, and its place in the
 * hierarchy (super-classes, domain, range, scheme). Each term's entry has the term's local name as
 * its id, so {@code /ontology#Study} (the link of {@code cmo:Study}) lands on it.
 */
final class OntologyPage {
  private static final String OWL = "http://www.w3.org/2002/07/owl#";
  private static final Node COMMENT = LdView.uri(Vocab.RDFS + "comment");
  private static final Node SUB_CLASS_OF = LdView.uri(Vocab.RDFS + "subClassOf");
  private static final Node SUB_PROPERTY_OF = LdView.uri(Vocab.RDFS + "subPropertyOf");
  private static final Node DOMAIN = LdView.uri(Vocab.RDFS + "domain");
  private static final Node RANGE = LdView.uri(Vocab.RDFS + "range");

  private OntologyPage() {}

  /**
   * @param v the union graph (labels of everything)
   * @param ontology the ontology's own graph (which terms it declares)
   */
  static String body(LdView v, LdView ontology) {
    Map<String, Node> groups = new LinkedHashMap<>();
    groups.put("Classes", LdView.uri(OWL + "Class"));
    groups.put("Object properties", LdView.uri(OWL + "ObjectProperty"));
    groups.put("Datatype properties", LdView.uri(OWL + "DatatypeProperty"));
    groups.put("Annotation properties", LdView.uri(OWL + "AnnotationProperty"));
    groups.put("Concept schemes", LdView.uri(Vocab.SKOS + "ConceptScheme"));
    Set<Node> listed = new LinkedHashSet<>();
    Map<String, List<Node>> terms = new LinkedHashMap<>();
    for (Map.Entry<String, Node> g : groups.entrySet()) {
      List<Node> ts = new ArrayList<>();
      for (Node n : ontology.subjects(Vocab.type, g.getValue())) {
        if (n.isURI() && n.getURI().startsWith(Vocab.NS) && listed.add(n)) {
          ts.add(n);
        }
      }
      terms.put(g.getKey(), sortByName(ts));
    }
    List<Node> values = new ArrayList<>();
    for (Node n :
        ontology.subjects(Node.ANY, Node.ANY)) { // every other term: the controlled values
      if (n.isURI() && n.getURI().startsWith(Vocab.NS) && listed.add(n)) {
        values.add(n);
      }
    }
    terms.put("Controlled values", sortByName(values));
    terms.values().removeIf(List::isEmpty);

    Node onto = LdView.uri(Vocab.ONTOLOGY);
    StringBuilder b = new StringBuilder(LdHtml.heading("Ontology", v.label(onto), Vocab.ONTOLOGY));
    String about = v.text(onto, Vocab.description);
    if (about.isEmpty()) {
      about = v.text(onto, COMMENT);
    }
    b.append("<p>").append(esc(about)).append("</p>\n");
    b.append("<p>Namespace <code>")
        .append(esc(Vocab.NS))
        .append("</code> (prefix <code>cmo:</code>).</p>\n");
    b.append("<nav aria-label=\"Ontology contents\"><ul class=\"ld-toc\">\n");
    int i = 0;
    for (Map.Entry<String, List<Node>> g : terms.entrySet()) {
      b.append("<li><a href=\"#group-")
          .append(i++)
          .append("\">")
          .append(esc(g.getKey()))
          .append("</a> (")
          .append(g.getValue().size())
          .append(")</li>\n");
    }
    b.append("</ul></nav>\n");
    i = 0;
    for (Map.Entry<String, List<Node>> g : terms.entrySet()) {
      StringBuilder s = new StringBuilder();
      for (Node t : g.getValue()) {
        s.append(term(v, t));
      }
      b.append(LdHtml.section(g.getKey(), "group-" + i++, s.toString()));
    }
    return b.toString();
  }

  private static List<Node> sortByName(List<Node> nodes) {
    List<Node> out = new ArrayList<>(nodes);
    out.sort(java.util.Comparator.comparing(n -> n.getURI().toLowerCase(java.util.Locale.ROOT)));
    return out;
  }

  private static String term(LdView v, Node t) {
    String local = t.getURI().substring(Vocab.NS.length());
    StringBuilder b =
        new StringBuilder("<div class=\"ld-term\" id=\"").append(esc(local)).append("\">\n");
    b.append("<h3><code>cmo:")
        .append(esc(local))
        .append("</code> <span>")
        .append(esc(v.label(t)))
        .append("</span></h3>\n");
    String def = v.text(t, ConceptPage.DEFINITION);
    String comment = v.text(t, COMMENT);
    if (!def.isEmpty()) {
      b.append("<p>").append(esc(def)).append("</p>\n");
    }
    if (!comment.isEmpty() && !comment.equals(def)) {
      b.append("<p>").append(esc(comment)).append("</p>\n");
    }
    Map<String, String> f = LdHtml.facts();
    f.put("Subclass of", named(v, t, SUB_CLASS_OF));
    f.put("Subproperty of", named(v, t, SUB_PROPERTY_OF));
    f.put("Domain", named(v, t, DOMAIN));
    f.put("Range", named(v, t, RANGE));
    List<Node> types = new ArrayList<>();
    for (Node ty : v.objects(t, Vocab.type)) {
      if (ty.isURI() && ty.getURI().startsWith(Vocab.NS)) {
        types.add(ty);
      }
    }
    f.put("A value of", String.join(", ", types.stream().map(n -> LdHtml.a(v, n)).toList()));
    f.put("In scheme", all(v, t, Vocab.skosInScheme));
    return b.append(LdHtml.facts(f)).append("</div>\n").toString();
  }

  /** The IRI values only (OWL restrictions and unions are blank nodes, left to the RDF). */
  private static String named(LdView v, Node s, Node p) {
    List<String> out = new ArrayList<>();
    for (Node o : v.objects(s, p)) {
      if (o.isURI()) {
        out.add(LdHtml.a(v, o));
      }
    }
    return String.join(", ", out);
  }
}
