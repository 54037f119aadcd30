package org.cmograph.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * Reads the role a context plays for one configuration. The role is not a property of the context:
 * it sits on the configuration's qualified link to it ({@code cmo:hasContextLink}), so the same
 * condition can enable one mechanism and block another.
 */
public final class ContextLinks {
  private ContextLinks() {}

  /** The role value node (e.g. {@code cmo:context-role-blocking}), or null when none is stated. */
  public static Node roleOf(Graph g, Node configuration, Node context) {
    ExtendedIterator<Triple> links = g.find(configuration, Vocab.hasContextLink, Node.ANY);
    try {
      while (links.hasNext()) {
        Node link = links.next().getObject();
        if (g.contains(link, Vocab.linkedContext, context)) {
          ExtendedIterator<Triple> role = g.find(link, Vocab.contextRole, Node.ANY);
          try {
            return role.hasNext() ? role.next().getObject() : null;
          } finally {
            role.close();
          }
        }
      }
      return null;
    } finally {
      links.close();
    }
  }
}
