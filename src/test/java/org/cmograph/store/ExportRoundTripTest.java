package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.cmograph.extraction.Extraction;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two independent RDF stacks must agree: every export is parsed by RDF4J Rio and compared, as a
 * dataset up to blank-node renaming, with what Jena holds.
 */
class ExportRoundTripTest {
  static CmoStore store;

  @BeforeAll
  static void load() {
    store = CmoStore.inMemory();
    List<Extraction> bundled = StoreIT.bundledOrValidate();
    StoreIT.load(store, bundled);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @ParameterizedTest
  @EnumSource(value = Exporter.Format.class, names = "CSV", mode = EnumSource.Mode.EXCLUDE)
  void rdf4jReadsTheExportAsTheSameRdf(Exporter.Format format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Exporter(store).write(format, out);
    RDFFormat rioFormat =
        switch (format) {
          case TRIG -> RDFFormat.TRIG;
          case NQ -> RDFFormat.NQUADS;
          case TTL -> RDFFormat.TURTLE;
          case JSONLD -> RDFFormat.JSONLD;
          case CSV -> throw new AssertionError("CSV is not RDF; CmocTableRoundTripIT covers it");
        };
    Model model = Rio.parse(new ByteArrayInputStream(out.toByteArray()), "", rioFormat);
    DatasetGraph fromRdf4j = toJena(model, format == Exporter.Format.TTL);
    DatasetGraph expected =
        Txn.calculateRead(
            store.dataset(),
            () -> format == Exporter.Format.TTL ? merged(store.dataset()) : copy(store.dataset()));
    assertTrue(model.size() > 1000, "export holds the data: " + model.size());
    assertEquals(expected.stream().count(), fromRdf4j.stream().count(), "quad count");
    assertTrue(IsoMatcher.isomorphic(expected, fromRdf4j), format + " export differs");
  }

  private static DatasetGraph copy(DatasetGraph source) {
    DatasetGraph copy = DatasetGraphFactory.createGeneral();
    source.find().forEachRemaining(copy::add);
    return copy;
  }

  private static DatasetGraph merged(DatasetGraph source) {
    Graph g = GraphFactory.createGraphMem();
    source.find().forEachRemaining(q -> g.add(q.asTriple()));
    DatasetGraph d = DatasetGraphFactory.createGeneral();
    g.find().forEachRemaining(t -> d.getDefaultGraph().add(t));
    return d;
  }

  private static DatasetGraph toJena(Model model, boolean defaultGraphOnly) {
    DatasetGraph d = DatasetGraphFactory.createGeneral();
    for (Statement st : model) {
      Node s = node(st.getSubject());
      Node p = node(st.getPredicate());
      Node o = node(st.getObject());
      if (defaultGraphOnly || st.getContext() == null) {
        d.getDefaultGraph().add(s, p, o);
      } else {
        d.add(node(st.getContext()), s, p, o);
      }
    }
    return d;
  }

  private static Node node(Value v) {
    if (v instanceof IRI iri) {
      return NodeFactory.createURI(iri.stringValue());
    }
    if (v instanceof BNode b) {
      return NodeFactory.createBlankNode(b.getID());
    }
    Literal l = (Literal) v;
    if (l.getLanguage().isPresent()) {
      return NodeFactory.createLiteralLang(l.getLabel(), l.getLanguage().get());
    }
    return NodeFactory.createLiteralDT(
        l.getLabel(), TypeMapper.getInstance().getSafeTypeByName(l.getDatatype().stringValue()));
  }
}
