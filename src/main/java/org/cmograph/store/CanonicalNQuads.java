package org.cmograph.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The canonical N-Quads of a dataset: the default graph first (when it holds anything), then the
 * named graphs in name order, lines sorted within each graph, and every blank node labelled from
 * what the data says about it ({@link BlankNodeLabels}) instead of the label the store happened to
 * give it. The same content therefore gives the same bytes from any store and any load history.
 * Call inside a read transaction.
 */
final class CanonicalNQuads {
  private final DatasetGraph dataset;
  private final Map<Node, String> labels;

  private CanonicalNQuads(DatasetGraph dataset, Map<Node, String> labels) {
    this.dataset = dataset;
    this.labels = labels;
  }

  /** Reads the dataset once to label its blank nodes. */
  static CanonicalNQuads of(DatasetGraph dataset) {
    return new CanonicalNQuads(dataset, canonicalLabels(dataset));
  }

  /** What was written. */
  record Written(long quads, int graphs) {}

  /** Writes every graph, as the class comment says. */
  Written write(OutputStream out) throws IOException {
    long quads = 0;
    int graphs = 0;
    if (!dataset.getDefaultGraph().isEmpty()) {
      quads += writeGraph(dataset.getDefaultGraph().find(), null, out);
      graphs++;
    }
    for (Node g : graphNames(dataset)) {
      quads += writeGraph(dataset.getGraph(g).find(), g, out);
      graphs++;
    }
    return new Written(quads, graphs);
  }

  static List<Node> graphNames(DatasetGraph dataset) {
    List<Node> names = new ArrayList<>();
    dataset.listGraphNodes().forEachRemaining(names::add);
    names.sort(Comparator.comparing(n -> n.isURI() ? n.getURI() : NodeFmtLib.strNT(n)));
    return names;
  }

  private long writeGraph(Iterator<Triple> triples, Node graph, OutputStream out)
      throws IOException {
    String suffix = graph == null ? " .\n" : " " + NodeFmtLib.strNT(graph) + " .\n";
    List<String> lines = new ArrayList<>();
    triples.forEachRemaining(
        t ->
            lines.add(
                term(t.getSubject())
                    + " "
                    + term(t.getPredicate())
                    + " "
                    + term(t.getObject())
                    + suffix));
    lines.sort(null);
    for (String line : lines) {
      out.write(line.getBytes(StandardCharsets.UTF_8));
    }
    return lines.size();
  }

  private String term(Node node) {
    if (node.isBlank()) {
      String label = labels.get(node);
      if (label == null) {
        throw new IllegalStateException("a blank node appeared after the labels were computed");
      }
      return label;
    }
    return NodeFmtLib.strNT(node);
  }

  /** Stable labels for every blank node of the dataset: see {@link BlankNodeLabels}. */
  private static Map<Node, String> canonicalLabels(DatasetGraph dataset) {
    return BlankNodeLabels.of(dataset);
  }
}
