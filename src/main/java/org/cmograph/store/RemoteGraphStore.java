package org.cmograph.store;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.exec.http.GSP;
import org.cmograph.rdf.Entailment;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.StudyGraphBuilder;

/**
 * Any SPARQL 1.1 Graph Store Protocol server (a shared Fuseki, Oxigraph, GraphDB, Virtuoso...) as
 * the place a load goes: each graph is sent with one {@code PUT ?graph=IRI}, which replaces it
 * whole, so pushing the same files twice gives the same remote graphs. Graphs go one by one; the
 * caller validates everything first, so a failure can only be the server's, and a rerun repairs
 * it.
 *
 * <pre>
 * RemoteGraphStore remote = new RemoteGraphStore("http://host:3030/cmo/data", null);
 * remote.push(ref.ontology(), ref.catalogue(), Map.of(), studies, pipeline::convert);
 * </pre>
 */
public final class RemoteGraphStore {
  /** HTTP Basic credentials, sent with every request. */
  public record Credentials(String user, String password) {
    public Credentials {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=****]";
    }
  }

  /** What a push sent. */
  public record PushStats(int studies, int graphs, long triples) {}

  private final String url;
  private final Credentials credentials;
  private final HttpClient http;

  /**
   * @param url the Graph Store Protocol service, e.g. {@code http://host:3030/cmo/data}
   * @param credentials null to send none
   */
  public RemoteGraphStore(String url, Credentials credentials) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new StoreException("not a URL: " + EndpointUrl.redacted(url), e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new StoreException(
          "the endpoint must be an http:// or https:// URL, not " + EndpointUrl.redacted(url), null);
    }
    this.url = url;
    this.credentials = credentials;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Sends the ontology, the catalogue, the extra graphs, and each study's graph with its inferred
   * graph ({@link Entailment}), so the remote store answers the same queries as a local one.
   */
  public <T> PushStats push(
      Graph ontology,
      Graph catalogue,
      Map<Node, Graph> graphs,
      List<T> studies,
      Function<T, StudyGraphBuilder.StudyGraph> convert) {
    int sent = 0;
    long triples = 0;
    put(Iris.ONTOLOGY_GRAPH, ontology);
    put(Iris.CATALOGUE_GRAPH, catalogue);
    sent += 2;
    triples += ontology.size() + catalogue.size();
    for (Map.Entry<Node, Graph> g : graphs.entrySet()) {
      put(g.getKey(), g.getValue());
      sent++;
      triples += g.getValue().size();
    }
    Entailment entailment = new Entailment(ontology, catalogue);
    for (T study : studies) {
      StudyGraphBuilder.StudyGraph sg = convert.apply(study);
      Graph inferred = entailment.infer(sg.graph());
      put(sg.graphName(), sg.graph());
      put(Entailment.graphOf(sg.studyId()), inferred);
      sent += 2;
      triples += sg.graph().size() + inferred.size();
    }
    return new PushStats(studies.size(), sent, triples);
  }

  /** Replaces one graph on the server. */
  public void put(Node graphName, Graph graph) {
    GSP request =
        GSP.service(url).httpClient(http).graphName(graphName).contentType(RDFFormat.NTRIPLES);
    if (credentials != null) {
      String token = credentials.user() + ":" + credentials.password();
      request.httpHeader(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      request.PUT(graph);
    } catch (HttpException e) {
      // Credentials in the URL (user:password@host) must not reach the message.
      throw new StoreException(EndpointUrl.redacted(explain(graphName, e)), e);
    }
  }

  private String explain(Node graphName, HttpException e) {
    int status = e.getStatusCode();
    String what = "PUT <" + graphName.getURI() + "> to " + url + " failed: ";
    if (status == 401 || status == 403) {
      return what
          + "HTTP "
          + status
          + " (not allowed; "
          + (credentials == null
              ? "the server wants credentials: give --user and --password-file)"
              : "check --user and --password-file)");
    }
    if (status == 404 || status == 405) {
      return what
          + "HTTP "
          + status
          + " (is this the server's Graph Store Protocol URL, with writes enabled?"
          + " For cmograph serve it is http://HOST:PORT/cmo/data)";
    }
    if (status <= 0) {
      return what + "no connection (" + e.getMessage() + ")";
    }
    return what + "HTTP " + status + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
