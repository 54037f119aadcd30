package org.cmograph.endpoint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.cmograph.rdf.Vocab;

/**
 * HTML pieces the linked-data pages share: a linked node (its label, linked by {@link Links#link}),
 * facts as a definition list, and the generic table of a resource's statements.
 */
final class LdHtml {
  private LdHtml() {}

  static String esc(String s) {
    return LandingPage.esc(s);
  }

  /** A query-parameter value, its slashes kept (legal there, and easier to read). */
  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2F", "/");
  }

  /** A link to {@code n} showing its label; a literal as text; a blank node as "(unnamed)". */
  static String a(LdView v, Node n) {
    return n.isURI() ? a(n.getURI(), v.label(n)) : esc(v.label(n));
  }

  static String a(String iri, String text) {
    return "<a href=\"" + esc(Links.link(iri)) + "\">" + esc(text) + "</a>";
  }

  /** Links to every value of {@code p} on {@code s}, joined by ", " (labels sorted). */
  static String all(LdView v, Node s, Node p) {
    List<String> out = new ArrayList<>();
    for (Node o : v.byLabel(v.objects(s, p))) {
      out.add(a(v, o));
    }
    return String.join(", ", out);
  }

  /** A definition list of the non-empty facts, in the given order. */
  static String facts(Map<String, String> facts) {
    StringBuilder b = new StringBuilder("<dl class=\"ld-facts\">\n");
    facts.forEach(
        (k, html) -> {
          if (html != null && !html.isBlank()) {
            b.append("<dt>").append(esc(k)).append("</dt><dd>").append(html).append("</dd>\n");
          }
        });
    return b.append("</dl>\n").toString();
  }

  static Map<String, String> facts() {
    return new LinkedHashMap<>();
  }

  /** The page's heading and IRI line, with the links to its RDF. */
  static String heading(String kind, String title, String iri) {
    String path = esc(Links.link(iri).replaceFirst("#.*", ""));
    return "<p class=\"ld-kind\">"
        + esc(kind)
        + "</p>\n<h1>"
        + esc(title)
        + "</h1>\n<p class=\"ld-iri\"><span>IRI</span> <code>"
        + esc(iri)
        + "</code> · as <a href=\""
        + path
        + "?format=ttl\">Turtle</a>, <a href=\""
        + path
        + "?format=jsonld\">JSON-LD</a>, <a href=\""
        + path
        + "?format=nt\">N-Triples</a></p>\n";
  }

  /** A literal value, a DOI linked to doi.org. */
  static String value(LdView v, Triple t) {
    Node o = t.getObject();
    if (o.isLiteral() && t.getPredicate().equals(Vocab.doi)) {
      String doi = o.getLiteralLexicalForm();
      return "<a href=\"" + esc(Links.doi(doi)) + "\">" + esc(doi) + "</a>";
    }
    return a(v, o);
  }

  /**
   * Every statement about {@code s} as a table of property and value (blank nodes' statements
   * nested), the fallback for a resource with no page of its own and the "all statements" part of
   * every other page.
   */
  static String statements(LdView v, Node s) {
    StringBuilder b =
        new StringBuilder(
            "<div class=\"ld-scroll\"><table class=\"ld-table\">\n<thead><tr><th scope=\"col\">Property</th>"
                + "<th scope=\"col\">Value</th></tr></thead>\n<tbody>\n");
    rows(v, s, b, 0);
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  private static void rows(LdView v, Node s, StringBuilder b, int depth) {
    List<Triple> triples = new ArrayList<>(v.find(s, Node.ANY, Node.ANY));
    triples.sort(
        java.util.Comparator.comparing((Triple t) -> v.label(t.getPredicate()))
            .thenComparing(t -> v.label(t.getObject())));
    for (Triple t : triples) {
      b.append("<tr><td>").append(a(v, t.getPredicate())).append("</td><td>");
      if (t.getObject().isBlank() && depth < 3) {
        b.append("<table class=\"ld-table\"><tbody>\n");
        rows(v, t.getObject(), b, depth + 1);
        b.append("</tbody></table>");
      } else {
        b.append(value(v, t));
      }
      b.append("</td></tr>\n");
    }
  }

  /** The generic statements table, folded away under the page's own content. */
  static String allStatements(LdView v, Node s) {
    return "<details class=\"ld-all\"><summary>All statements about this resource</summary>\n"
        + statements(v, s)
        + "</details>\n";
  }

  /** A section with a heading and content, or "" when the content is empty. */
  static String section(String title, String id, String content) {
    if (content == null || content.isBlank()) {
      return "";
    }
    return "<section aria-labelledby=\""
        + id
        + "\">\n<h2 id=\""
        + id
        + "\">"
        + esc(title)
        + "</h2>\n"
        + content
        + "</section>\n";
  }
}
