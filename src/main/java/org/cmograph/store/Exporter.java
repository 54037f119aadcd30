package org.cmograph.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.cmograph.rdf.Vocab;

/**
 * Writes the store as RDF. N-Quads output is canonical (default graph first, then the named graphs
 * in name order, lines sorted within each graph, blank nodes labelled by RDFC-1.0: see {@link
 * CanonicalNQuads}), so the same content gives the same bytes from any store, whatever the load
 * history; the other formats are written from a snapshot copied in the same order.
 */
public final class Exporter {
  /** The export formats and their usual file extensions. */
  public enum Format {
    TRIG("trig"),
    NQ("nq"),
    TTL("ttl"),
    JSONLD("jsonld"),
    /** Not RDF: the studies' CMOCs as the spreadsheet {@code cmograph import} reads. */
    CSV("csv");

    public final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public static Format parse(String name) {
      return Format.valueOf(name.toUpperCase(Locale.ROOT).replace("-", ""));
    }
  }

  private final DatasetGraph dataset;

  public Exporter(CmoStore store) {
    this.dataset = store.dataset();
  }

  public void write(Format format, OutputStream out) {
    Txn.executeRead(
        dataset,
        () -> {
          try {
            switch (format) {
              case NQ -> writeCanonicalNQuads(out);
              case TRIG -> RDFDataMgr.write(out, snapshot(), RDFFormat.TRIG_BLOCKS);
              case TTL -> RDFDataMgr.write(out, union(), RDFFormat.TURTLE_BLOCKS);
              case JSONLD -> RDFDataMgr.write(out, snapshot(), RDFFormat.JSONLD11);
              case CSV -> new CmocTableWriter(dataset).write(out);
            }
            out.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private List<Node> graphNames() {
    List<Node> names = new ArrayList<>();
    dataset.listGraphNodes().forEachRemaining(names::add);
    names.sort((a, b) -> a.getURI().compareTo(b.getURI()));
    return names;
  }

  private void writeCanonicalNQuads(OutputStream out) throws IOException {
    CanonicalNQuads.of(dataset).write(out);
  }

  private DatasetGraph snapshot() {
    DatasetGraph copy = DatasetGraphFactory.createGeneral();
    copy.prefixes().putAll(prefixes().getNsPrefixMap());
    for (Node g : graphNames()) {
      Graph target = GraphFactory.createGraphMem();
      dataset.getGraph(g).find().forEachRemaining(target::add);
      copy.addGraph(g, target);
    }
    return copy;
  }

  private Graph union() {
    Graph g = GraphFactory.createGraphMem();
    g.getPrefixMapping().setNsPrefixes(prefixes());
    for (Node name : graphNames()) {
      dataset.getGraph(name).find().forEachRemaining(g::add);
    }
    return g;
  }

  /** The prefixes used in every written file. */
  public static PrefixMapping prefixes() {
    PrefixMapping p = PrefixMapping.Factory.create();
    p.setNsPrefix("cmo", Vocab.NS);
    p.setNsPrefix("cmoid", Vocab.ID);
    p.setNsPrefix("mech", Vocab.MECHANISM);
    p.setNsPrefix("prov", Vocab.PROV);
    p.setNsPrefix("dcterms", Vocab.DCT);
    p.setNsPrefix("bibo", Vocab.BIBO);
    p.setNsPrefix("skos", Vocab.SKOS);
    p.setNsPrefix("oa", Vocab.OA);
    p.setNsPrefix("rdfs", Vocab.RDFS);
    p.setNsPrefix("rdf", Vocab.RDF);
    p.setNsPrefix("xsd", Vocab.XSD);
    p.setNsPrefix("owl", "http://www.w3.org/2002/07/owl#");
    return p;
  }
}
