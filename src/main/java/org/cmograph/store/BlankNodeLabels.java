package org.cmograph.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Labels for a dataset's blank nodes that depend on the data, not on the store: {@code _:b0},
 * {@code _:b1}, ... in the order of a hash of what each blank node's neighbourhood says.
 *
 * <p>The hash starts as RDF Dataset Canonicalization's first-degree hash (W3C RDFC-1.0 §4.6: the
 * sorted quads that mention the node, the node written {@code _:a}, other blank nodes {@code _:z})
 * and is refined round by round with the hashes of the blank nodes it is linked to, until a round
 * tells no more nodes apart. For the blank nodes RDF files hold (Turtle's {@code [ ]} and {@code (
 * )}: trees of blank nodes under IRIs) this separates every node from every other that is not an
 * identical copy in an identical place; such copies are interchangeable, so which of them gets
 * which label changes no byte of the output. (Full RDFC-1.0 also settles contrived, highly
 * symmetric graphs by trying permutations; cmograph's data has none, and a library implementing it,
 * titanium-rdfc 2.0.0, failed on a single blank-to-blank quad when tried.)
 */
final class BlankNodeLabels {
  private BlankNodeLabels() {}

  /** A label for every blank node in the dataset (empty when there are none). */
  static Map<Node, String> of(DatasetGraph dataset) {
    Map<Node, List<Quad>> mentions = new LinkedHashMap<>();
    dataset
        .find()
        .forEachRemaining(
            q -> {
              Set<Node> blanks = new HashSet<>(3);
              for (Node n : new Node[] {q.getSubject(), q.getObject(), q.getGraph()}) {
                if (n.isBlank()) {
                  blanks.add(n);
                }
              }
              for (Node b : blanks) {
                mentions.computeIfAbsent(b, k -> new ArrayList<>()).add(q);
              }
            });
    if (mentions.isEmpty()) {
      return Map.of();
    }
    Map<Node, String> hash = new HashMap<>();
    for (Node b : mentions.keySet()) {
      hash.put(b, digest(lines(b, mentions.get(b), null)));
    }
    int distinct = distinct(hash);
    for (int round = 0; round < mentions.size() && distinct < mentions.size(); round++) {
      Map<Node, String> next = new HashMap<>();
      for (Node b : mentions.keySet()) {
        next.put(b, digest(hash.get(b) + "\n" + lines(b, mentions.get(b), hash)));
      }
      int now = distinct(next);
      hash = next;
      if (now == distinct) {
        break;
      }
      distinct = now;
    }
    Map<Node, String> finalHash = hash;
    List<Node> order = new ArrayList<>(mentions.keySet());
    order.sort(Comparator.comparing(finalHash::get));
    Map<Node, String> labels = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      labels.put(order.get(i), "_:b" + i);
    }
    return labels;
  }

  /**
   * The quads mentioning {@code self}, one line each, sorted: self as {@code _:a}, other blank
   * nodes as {@code _:z} (first round) or as {@code _:} plus their hash (later rounds).
   */
  private static String lines(Node self, List<Quad> quads, Map<Node, String> hash) {
    List<String> out = new ArrayList<>(quads.size());
    for (Quad q : quads) {
      out.add(
          term(q.getSubject(), self, hash)
              + " "
              + NodeFmtLib.strNT(q.getPredicate())
              + " "
              + term(q.getObject(), self, hash)
              + (q.isDefaultGraph() ? "" : " " + term(q.getGraph(), self, hash))
              + " .");
    }
    out.sort(null);
    return String.join("\n", out);
  }

  private static String term(Node n, Node self, Map<Node, String> hash) {
    if (!n.isBlank()) {
      return NodeFmtLib.strNT(n);
    }
    if (n.equals(self)) {
      return "_:a";
    }
    return hash == null ? "_:z" : "_:" + hash.get(n);
  }

  private static int distinct(Map<Node, String> hash) {
    return new HashSet<>(hash.values()).size();
  }

  private static String digest(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
