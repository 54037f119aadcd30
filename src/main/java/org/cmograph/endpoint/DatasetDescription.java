package org.cmograph.endpoint;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.cmograph.rdf.Vocab;

/**
 * What the dataset and its endpoint are, for machines: the VoID description at {@code
 * /.well-known/void} (the dataset, its SPARQL endpoint, triple and entity counts, vocabularies, URI
 * space, one subset per named graph, one class partition per cmograph class) and the SPARQL 1.1
 * Service Description, answered by {@code /cmo/sparql} to a GET without a query. Both in Turtle,
 * RDF/XML, JSON-LD or N-Triples by content negotiation; a browser gets the Turtle on a page.
 */
final class DatasetDescription {
  static final String VOID = ResourceDescription.VOID;
  static final String SD = ResourceDescription.SD;
  static final String FORMATS = "http://www.w3.org/ns/formats/";

  /** The dataset's IRI in the VoID description. */
  static final String DATASET = Links.BASE + ".well-known/void#cmograph";

  private static final List<Conneg.Format> OFFERED =
      List.of(
          Conneg.Format.TURTLE,
          Conneg.Format.HTML,
          Conneg.Format.RDFXML,
          Conneg.Format.JSONLD,
          Conneg.Format.NTRIPLES);

  /** How long the VoID counts are reused before they are read again: ten minutes. */
  static final long STATS_TTL_NANOS = 10L * 60 * 1_000_000_000L;

  private final DatasetGraph dataset;
  private final long timeLimitMillis;
  private Graph stats;
  private long statsAt;

  DatasetDescription(DatasetGraph dataset, Duration timeLimit) {
    this.dataset = dataset;
    this.timeLimitMillis = timeLimit.toMillis();
  }

  /** The endpoint's address as the client reached it. */
  static String endpoint(HttpServletRequest req) {
    String base = req.getRequestURL().toString();
    return base.substring(0, base.length() - req.getRequestURI().length())
        + EndpointServer.DATASET
        + "/sparql";
  }

  Graph voidGraph(String endpoint) {
    Graph g = graph();
    Node ds = LdView.uri(DATASET);
    add(g, ds, Vocab.type, LdView.uri(VOID + "Dataset"));
    add(g, ds, Vocab.title, NodeFactory.createLiteralString("cmograph evidence base"));
    add(
        g,
        ds,
        Vocab.description,
        NodeFactory.createLiteralString(
            "Context-mechanism-outcome configurations from realist evaluation studies, each traced to a verbatim quote; the programme theory; the ontology and the concept catalogues."));
    add(g, ds, LdView.uri(VOID + "sparqlEndpoint"), LdView.uri(endpoint));
    add(g, ds, LdView.uri(VOID + "uriSpace"), NodeFactory.createLiteralString(Links.BASE));
    add(g, ds, LdView.uri(VOID + "rootResource"), LdView.uri(Vocab.ONTOLOGY));
    for (String vocab :
        List.of(Vocab.NS, Vocab.PROV, Vocab.DCT, Vocab.BIBO, Vocab.SKOS, Vocab.RDFS)) {
      add(g, ds, LdView.uri(VOID + "vocabulary"), LdView.uri(vocab));
    }
    stats().find().forEachRemaining(g::add);
    return g;
  }

  /**
   * The counts of the VoID description, read at most every {@link #STATS_TTL_NANOS} (one pass over
   * every quad: seconds on a large store). When the pass outlasts the time limit the description
   * goes without counts, and says so.
   */
  private synchronized Graph stats() {
    if (stats != null && System.nanoTime() - statsAt < STATS_TTL_NANOS) {
      return stats;
    }
    Graph g = GraphFactory.createDefaultGraph();
    Node ds = LdView.uri(DATASET);
    try {
      Txn.executeRead(
          dataset,
          () -> {
            LdView v = new LdView(dataset.getUnionGraph(), timeLimitMillis);
            // One pass over the quads (not the union graph, whose distinct view costs far more):
            // the
            // statements in each named graph, and the IRIs under the URI space that are subjects.
            long quads = 0;
            java.util.Map<Node, Long> perGraph = new java.util.HashMap<>();
            java.util.Set<Node> entities = new java.util.HashSet<>();
            Iterator<org.apache.jena.sparql.core.Quad> it = dataset.find();
            try {
              while (it.hasNext()) {
                org.apache.jena.sparql.core.Quad q = it.next();
                perGraph.merge(q.getGraph(), 1L, Long::sum);
                if (q.getSubject().isURI() && q.getSubject().getURI().startsWith(Links.BASE)) {
                  entities.add(q.getSubject());
                }
                if ((++quads & 4095) == 0) {
                  v.check();
                }
              }
            } finally {
              org.apache.jena.atlas.iterator.Iter.close(it);
            }
            add(g, ds, LdView.uri(VOID + "triples"), LdView.integer(quads));
            add(g, ds, LdView.uri(VOID + "entities"), LdView.integer(entities.size()));
            List<Node> studies = v.subjects(Vocab.type, Vocab.Study);
            if (!studies.isEmpty()) {
              add(g, ds, LdView.uri(VOID + "exampleResource"), v.byLabel(studies).get(0));
            }
            for (Node c :
                List.of(
                    Vocab.Study,
                    Vocab.CMOConfiguration,
                    Vocab.EvidenceItem,
                    Vocab.TheoryCMOC,
                    Vocab.MechanismConcept,
                    Vocab.ContextConcept,
                    Vocab.OutcomeConcept)) {
              Node part = NodeFactory.createBlankNode();
              add(g, ds, LdView.uri(VOID + "classPartition"), part);
              add(g, part, LdView.uri(VOID + "class"), c);
              add(
                  g,
                  part,
                  LdView.uri(VOID + "entities"),
                  LdView.integer(v.subjects(Vocab.type, c).size()));
            }
            List<Node> names = new java.util.ArrayList<>(perGraph.keySet());
            names.sort(java.util.Comparator.comparing(Node::getURI));
            names.forEach(
                name -> {
                  long n = perGraph.get(name);
                  add(g, ds, LdView.uri(VOID + "subset"), name);
                  add(g, name, Vocab.type, LdView.uri(VOID + "Dataset"));
                  add(g, name, LdView.uri(VOID + "triples"), LdView.integer(n));
                });
          });
    } catch (LdView.TooSlow e) {
      Graph note = GraphFactory.createDefaultGraph();
      add(
          note,
          ds,
          LdView.uri(Vocab.SKOS + "note"),
          NodeFactory.createLiteralString(
              "Counts left out: counting took longer than the endpoint's time limit."));
      return note;
    }
    stats = g;
    statsAt = System.nanoTime();
    return g;
  }

  Graph serviceDescription(String endpoint) {
    Graph g = graph();
    Node service = LdView.uri(endpoint);
    add(g, service, Vocab.type, LdView.uri(SD + "Service"));
    add(g, service, LdView.uri(SD + "endpoint"), service);
    add(g, service, LdView.uri(SD + "supportedLanguage"), LdView.uri(SD + "SPARQL11Query"));
    add(g, service, LdView.uri(SD + "feature"), LdView.uri(SD + "UnionDefaultGraph"));
    for (String f :
        List.of(
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "JSON-LD",
            "N-Triples",
            "RDF_XML")) {
      add(g, service, LdView.uri(SD + "resultFormat"), LdView.uri(FORMATS + f));
    }
    add(
        g,
        service,
        Vocab.description,
        NodeFactory.createLiteralString(
            "SPARQL 1.1 query endpoint (read-only; updates, when the server allows them, go to /cmo/update); every query has a time limit and a row cap; SERVICE and script functions are off. The default graph is the union of all named graphs."));
    Node dsNode = NodeFactory.createBlankNode();
    add(g, service, LdView.uri(SD + "defaultDataset"), dsNode);
    add(g, dsNode, Vocab.type, LdView.uri(SD + "Dataset"));
    add(
        g,
        dsNode,
        LdView.uri(VOID + "inDataset"),
        LdView.uri(DATASET)); // ties it to the VoID description
    Node dg = NodeFactory.createBlankNode();
    add(g, dsNode, LdView.uri(SD + "defaultGraph"), dg);
    add(g, dg, Vocab.type, LdView.uri(SD + "Graph"));
    Txn.executeRead(
        dataset,
        () -> {
          Iterator<Node> names = dataset.listGraphNodes();
          while (names.hasNext()) {
            Node name = names.next();
            Node ng = NodeFactory.createBlankNode();
            Node gr = NodeFactory.createBlankNode();
            add(g, dsNode, LdView.uri(SD + "namedGraph"), ng);
            add(g, ng, Vocab.type, LdView.uri(SD + "NamedGraph"));
            add(g, ng, LdView.uri(SD + "name"), name);
            add(g, ng, LdView.uri(SD + "graph"), gr);
            add(g, gr, Vocab.type, LdView.uri(SD + "Graph"));
          }
        });
    return g;
  }

  private static Graph graph() {
    Graph g = GraphFactory.createDefaultGraph();
    g.getPrefixMapping()
        .setNsPrefixes(ResourceDescription.prefixes())
        .setNsPrefix("formats", FORMATS);
    return g;
  }

  private static void add(Graph g, Node s, Node p, Node o) {
    g.add(Triple.create(s, p, o));
  }

  /** Writes {@code g} in the negotiated format (a page showing the Turtle for a browser). */
  static void write(
      HttpServletRequest req,
      HttpServletResponse res,
      String title,
      java.util.function.Supplier<Graph> g)
      throws IOException {
    res.setHeader("Vary", "Accept");
    Conneg.Format f = Conneg.choose(req.getHeader("Accept"), req.getParameter("format"), OFFERED);
    if (f == null) {
      res.setStatus(406);
      res.setContentType("text/plain; charset=utf-8");
      res.getWriter()
          .println(
              "Not acceptable. Available: text/turtle, text/html, application/rdf+xml, application/ld+json, application/n-triples");
      return;
    }
    Graph graph;
    try {
      graph = g.get();
    } catch (LdView.TooSlow e) {
      res.sendError(503, e.getMessage());
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, graph, f == Conneg.Format.HTML ? Lang.TURTLE : f.lang);
    byte[] body = out.toByteArray();
    if (f == Conneg.Format.HTML) {
      String html =
          SitePage.page(
              title,
              SitePage.Section.NONE,
              "<link rel=\"stylesheet\" href=\"/assets/linked-data.css\">\n",
              "<h1>"
                  + LdHtml.esc(title)
                  + "</h1>\n<p>As <a href=\"?format=ttl\">Turtle</a>, <a href=\"?format=rdf\">RDF/XML</a>, "
                  + "<a href=\"?format=jsonld\">JSON-LD</a> or <a href=\"?format=nt\">N-Triples</a>. To query the data, use the "
                  + "<a href=\"/query\">query page</a>.</p>\n<pre class=\"ld-pre\" tabindex=\"0\">"
                  + LdHtml.esc(new String(body, StandardCharsets.UTF_8))
                  + "</pre>");
      body = html.getBytes(StandardCharsets.UTF_8);
      res.setHeader("Content-Security-Policy", LandingPage.CONTENT_SECURITY_POLICY);
    } else {
      res.setHeader("Access-Control-Allow-Origin", "*");
    }
    res.setContentType(f.contentType());
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  /** {@code /.well-known/void}. */
  HttpServlet voidServlet() {
    return new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        write(req, res, "VoID description of the dataset", () -> voidGraph(endpoint(req)));
      }
    };
  }

  /** In front of the query endpoint: a GET without a query gets the service description. */
  HttpFilter serviceDescriptionFilter() {
    return new HttpFilter() {
      @Override
      protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
          throws IOException, ServletException {
        if (("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))
            && req.getParameter("query") == null) {
          write(req, res, "SPARQL service description", () -> serviceDescription(endpoint(req)));
          return;
        }
        chain.doFilter(req, res);
      }
    };
  }
}
