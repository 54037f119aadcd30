package org.cmograph.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;

/**
 * The dataset of a server, read with the Graph Store Protocol as N-Quads into memory: what {@code
 * backup}, {@code summary}, {@code export} and {@code diff} read when they work through a server.
 * One GET of the whole dataset (one snapshot); when the server cuts that answer (a {@code cmograph
 * serve} returns at most {@code --max-rows} quads, and says so in {@value #TRUNCATED_HEADER}),
 * graph by graph instead (each graph whole, not one snapshot of all), listing the graphs with its
 * SPARQL URL (given, or {@code /sparql} beside {@code /get}). Blank node labels are kept as the
 * server wrote them, which are its store's own, so an export of the copy is the export of the
 * store.
 *
 * <pre>
 * try (CmoStore copy = RemoteDataset.read(getUrl, null, null)) { ... }
 * </pre>
 */
public final class RemoteDataset {
  /** The header in which {@code cmograph serve} says it cut an answer. */
  static final String TRUNCATED_HEADER = "X-Cmograph-Truncated";

  private static final int PAGE = 1000;

  /** What a SPARQL endpoint answers a plain GET with: its service description. */
  private static final Node SD_SERVICE =
      NodeFactory.createURI("http://www.w3.org/ns/sparql-service-description#Service");

  private final String getUrl;
  private final String queryUrl;
  private final HttpAuth auth;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private RemoteDataset(String getUrl, String queryUrl, RemoteGraphStore.Credentials credentials) {
    this.getUrl = getUrl;
    this.queryUrl = queryUrl;
    this.auth = new HttpAuth(credentials);
  }

  /**
   * The dataset of the server as an in-memory store, to read as a store folder is read.
   *
   * @param getUrl its Graph Store Protocol read URL, e.g. http://localhost:3030/cmo/get
   * @param queryUrl its SPARQL query URL, to list the graphs when the whole answer is cut; or null
   * @param credentials sent as the server asks (HTTP Basic or Digest, {@link HttpAuth}), or null
   */
  public static CmoStore read(
      String getUrl, String queryUrl, RemoteGraphStore.Credentials credentials) {
    CmoStore copy = CmoStore.inMemory();
    try {
      new RemoteDataset(getUrl, queryUrl, credentials).readInto(copy.dataset());
      return copy;
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
  }

  /**
   * One graph of the server, read with the Graph Store Protocol ({@code GET getUrl?graph=IRI}):
   * what {@code diff} reads of a store it reaches through a server, one study at a time, instead of
   * the whole dataset. Empty when the server holds no such graph (404).
   *
   * @param getUrl its Graph Store Protocol read URL, e.g. http://localhost:3030/cmo/get
   * @param credentials sent as the server asks ({@link HttpAuth}), or null
   */
  public static Graph readGraph(
      String getUrl, Node graphName, RemoteGraphStore.Credentials credentials) {
    RemoteDataset server = new RemoteDataset(getUrl, null, credentials);
    String url =
        getUrl
            + (getUrl.contains("?") ? "&" : "?")
            + "graph="
            + URLEncoder.encode(graphName.getURI(), StandardCharsets.UTF_8);
    Graph graph = GraphFactory.createDefaultGraph();
    Boolean complete = server.getGraph(url, StreamRDFLib.graph(graph));
    if (complete == null) {
      return graph; // 404: no such graph, so nothing was read
    }
    if (!complete) {
      throw new StoreException(
          "the server cut graph " + graphName.getURI() + " short; raise its --max-rows", null);
    }
    if (graph.contains(Node.ANY, RDF.Nodes.type, SD_SERVICE)) {
      throw server.serviceDescription();
    }
    return graph;
  }

  private void readInto(DatasetGraph into) {
    try {
      boolean whole = Txn.calculateWrite(into, () -> get(getUrl, StreamRDFLib.dataset(into)));
      if (whole) {
        refuseServiceDescription(into);
        return;
      }
      // Only cmograph serve says it cut an answer, and its query URL lies beside /cmo/get.
      String sparql = queryUrl != null ? queryUrl : getUrl.replaceFirst("/get$", "/sparql");
      if (sparql.equals(getUrl)) {
        throw new StoreException(
            "the server cut its answer short (it returns a limited number of quads per request):"
                + " cannot read the whole dataset from "
                + EndpointUrl.redacted(getUrl),
            null);
      }
      Txn.executeWrite(into, () -> into.clear());
      for (Node graph : graphNames(sparql)) {
        String url =
            getUrl
                + (getUrl.contains("?") ? "&" : "?")
                + "graph="
                + URLEncoder.encode(graph.getURI(), StandardCharsets.UTF_8);
        boolean complete =
            Txn.calculateWrite(into, () -> get(url, StreamRDFLib.graph(into.getGraph(graph))));
        if (!complete) {
          throw new StoreException(
              "the server cut graph " + graph.getURI() + " short; raise its --max-rows", null);
        }
      }
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot read the dataset from " + EndpointUrl.redacted(getUrl) + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Refuses a SPARQL query URL given for the read URL: it answers a GET with its service
   * description, which would otherwise be read as a dataset without studies (an empty summary, an
   * export of the description, every study new to {@code diff}).
   */
  private void refuseServiceDescription(DatasetGraph got) {
    boolean description =
        Txn.calculateRead(
            got,
            () ->
                !got.listGraphNodes().hasNext()
                    && got.getDefaultGraph().contains(Node.ANY, RDF.Nodes.type, SD_SERVICE));
    if (description) {
      throw serviceDescription();
    }
  }

  private StoreException serviceDescription() {
    return new StoreException(
        EndpointUrl.redacted(getUrl)
            + " answered with a SPARQL service description, not a dataset: give the server's"
            + " Graph Store Protocol read URL (cmograph serve: http://HOST:PORT/cmo/get;"
            + " Fuseki: http://HOST:3030/DATASET/get)",
        null);
  }

  /** GETs {@code url} as N-Quads (or a graph's triples) into {@code sink}; false if it was cut. */
  private boolean get(String url, StreamRDF sink) {
    Boolean complete = getGraph(url, sink);
    if (complete == null) {
      throw new StoreException("HTTP 404 from " + EndpointUrl.redacted(url), null);
    }
    return complete;
  }

  /** As {@link #get}; null when the server answers 404 (no such graph). */
  private Boolean getGraph(String url, StreamRDF sink) {
    try {
      HttpResponse<InputStream> response =
          auth.send(
              http,
              () ->
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Accept", "application/n-quads, application/n-triples;q=0.9")
                      .GET(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() == 404) {
          return null;
        }
        if (response.statusCode() != 200) {
          throw new StoreException(
              "HTTP " + response.statusCode() + " from " + EndpointUrl.redacted(url), null);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        Lang lang = RDFLanguages.contentTypeToLang(type.replaceFirst(";.*", "").strip());
        RDFParser.source(body)
            .lang(lang != null ? lang : Lang.NQUADS)
            .labelToNode(LabelToNode.createUseLabelEncoded())
            .parse(sink);
      }
      return response.headers().firstValue(TRUNCATED_HEADER).isEmpty();
    } catch (IOException e) {
      throw new StoreException(
          "no connection to " + EndpointUrl.redacted(url) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted reading " + EndpointUrl.redacted(url), e);
    }
  }

  /** The names of the server's graphs, a page at a time (a page fits any row limit). */
  private static List<Node> graphNames(String queryUrl) {
    List<Node> names = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      String query =
          "SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g LIMIT "
              + PAGE
              + " OFFSET "
              + offset;
      int before = names.size();
      try (QueryExecution q = QueryExecutionHTTP.service(queryUrl).query(query).build()) {
        ResultSet rows = q.execSelect();
        while (rows.hasNext()) {
          QuerySolution row = rows.next();
          names.add(row.get("g").asNode());
        }
      }
      if (names.size() - before < PAGE) {
        return names;
      }
    }
  }
}
