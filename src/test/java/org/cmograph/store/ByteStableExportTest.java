package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.cmograph.extraction.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Same data, same bytes": the N-Quads export of two TDB2 stores loaded from the same files is
 * byte-identical, blank nodes included (the ontology graph holds hundreds), and so is a backup.
 */
class ByteStableExportTest {
  private static final Pattern BLANK = Pattern.compile("(?m)(^| )_:(\\S+) ");

  @Test
  void twoStoresLoadedFromTheSameFilesExportTheSameBytes(@TempDir Path a, @TempDir Path b)
      throws Exception {
    List<Extraction> bundled = StoreIT.bundledOrValidate();
    byte[] first;
    byte[] second;
    byte[] backupFirst;
    byte[] backupSecond;
    try (CmoStore one = CmoStore.open(a.resolve("store"))) {
      StoreIT.load(one, bundled);
      first = export(one);
      backupFirst = backupContent(one);
    }
    try (CmoStore two = CmoStore.open(b.resolve("store"))) {
      StoreIT.load(two, bundled);
      second = export(two);
      backupSecond = backupContent(two);
    }
    String text = new String(first, StandardCharsets.UTF_8);
    Matcher blanks = BLANK.matcher(text);
    assertTrue(blanks.find(), "the export holds blank nodes, so the test compares their labels");
    assertTrue(
        blanks.group(2).matches("b\\d+"),
        "a label from the data, not the store's: " + blanks.group());
    assertArrayEquals(first, second, "two stores, same files, different bytes");
    assertArrayEquals(backupFirst, backupSecond, "two stores, same files, different backups");
  }

  @Test
  void labelsFollowTheContentNotTheOrderOfInsertion() throws Exception {
    // The same two blank-node structures inserted in opposite orders, with fresh blank nodes.
    Node g = NodeFactory.createURI("https://example.org/g");
    Node p = NodeFactory.createURI("https://example.org/p");
    Node q = NodeFactory.createURI("https://example.org/q");
    DatasetGraph x = DatasetGraphFactory.createTxnMem();
    DatasetGraph y = DatasetGraphFactory.createTxnMem();
    Node[] xs = {NodeFactory.createBlankNode(), NodeFactory.createBlankNode()};
    Node[] ys = {NodeFactory.createBlankNode(), NodeFactory.createBlankNode()};
    Txn.executeWrite(
        x,
        () -> {
          x.add(new Quad(g, xs[0], p, NodeFactory.createLiteralString("one")));
          x.add(new Quad(g, xs[1], p, NodeFactory.createLiteralString("two")));
          x.add(new Quad(g, xs[0], q, xs[1]));
        });
    Txn.executeWrite(
        y,
        () -> {
          y.add(new Quad(g, ys[1], p, NodeFactory.createLiteralString("two")));
          y.add(new Quad(g, ys[0], q, ys[1]));
          y.add(new Quad(g, ys[0], p, NodeFactory.createLiteralString("one")));
        });
    String outX = canonical(x);
    assertEquals(outX, canonical(y));
    assertEquals(3, outX.lines().count());
    // Relabelling changed names only: the written quads are the same RDF as the dataset.
    var parsed = GraphFactory.createGraphMem();
    org.apache.jena.riot.RDFParser.fromString(outX, org.apache.jena.riot.Lang.NQUADS)
        .toDatasetGraph()
        .getGraph(g)
        .find()
        .forEachRemaining(parsed::add);
    assertTrue(
        IsoMatcher.isomorphic(
            parsed,
            Txn.calculateRead(
                x,
                () -> {
                  var copy = GraphFactory.createGraphMem();
                  x.getGraph(g).find().forEachRemaining(copy::add);
                  return copy;
                })));
  }

  private static String canonical(DatasetGraph d) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Txn.executeRead(
        d,
        () -> {
          try {
            CanonicalNQuads.of(d).write(out);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] export(CmoStore store) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Exporter(store).write(Exporter.Format.NQ, out);
    return out.toByteArray();
  }

  /** The backup's uncompressed content (gzip headers may carry a time stamp). */
  private static byte[] backupContent(CmoStore store) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Backup.write(store, out);
    try (var in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
      return in.readAllBytes();
    }
  }
}
