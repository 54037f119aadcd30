package org.cmograph.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.cmograph.extraction.QuoteAnchor;

/**
 * An evidence item's quote as a W3C Web Annotation target on its source text, so any annotation
 * tool can anchor it:
 *
 * <pre>
 * item oa:hasTarget item/target .
 * item/target a oa:SpecificResource ; oa:hasSource study/source ;
 *     oa:hasSelector item/quote-selector , item/position-selector .
 * item/quote-selector a oa:TextQuoteSelector ; oa:prefix "..." ; oa:exact "..." ; oa:suffix "..." .
 * item/position-selector a oa:TextPositionSelector ; oa:start 120 ; oa:end 245 .
 * </pre>
 *
 * <p>{@code oa:exact} is the passage as the registered text has it (which may differ from the typed
 * quote where a PDF copy was matched tolerantly); {@code oa:start} and {@code oa:end} count Unicode
 * code points of that text from 0, end exclusive, as the Web Annotation Data Model defines them.
 * Prefix and suffix are left out where empty (a quote at the start or end of the text). The nodes
 * are IRIs under the item's, so exports stay byte-stable.
 */
final class QuoteSelectors {
  private QuoteSelectors() {}

  static void add(Graph g, Iris iris, String study, String evidence, Node source, QuoteAnchor a) {
    Node item = iris.evidence(study, evidence);
    Node target = iris.quoteTarget(study, evidence);
    Node quote = iris.quoteSelector(study, evidence);
    Node position = iris.positionSelector(study, evidence);
    g.add(Triple.create(item, Vocab.hasTarget, target));
    g.add(Triple.create(target, Vocab.type, Vocab.SpecificResource));
    g.add(Triple.create(target, Vocab.hasSource, source));
    g.add(Triple.create(target, Vocab.hasSelector, quote));
    g.add(Triple.create(target, Vocab.hasSelector, position));
    g.add(Triple.create(quote, Vocab.type, Vocab.TextQuoteSelector));
    text(g, quote, Vocab.prefix, a.prefix());
    text(g, quote, Vocab.exact, a.exact());
    text(g, quote, Vocab.suffix, a.suffix());
    g.add(Triple.create(position, Vocab.type, Vocab.TextPositionSelector));
    g.add(Triple.create(position, Vocab.start, count(a.start())));
    g.add(Triple.create(position, Vocab.end, count(a.end())));
  }

  private static void text(Graph g, Node s, Node p, String value) {
    if (value != null && !value.isEmpty()) {
      g.add(Triple.create(s, p, NodeFactory.createLiteralString(value)));
    }
  }

  private static Node count(int n) {
    return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDnonNegativeInteger);
  }
}
