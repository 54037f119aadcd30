package org.cmograph.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.cmograph.rdf.Entailment;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.StudyGraphBuilder;

/**
 * Any SPARQL 1.1 Graph Store Protocol server (a shared Fuseki, Oxigraph, GraphDB, Virtuoso...) as
 * the place a load goes: each graph is sent with one {@code PUT ?graph=IRI}, which replaces it
 * whole, so pushing the same files twice gives the same remote graphs. Graphs go one by one; the
 * caller validates everything first, so a failure can only be the server's, and a rerun repairs it.
 * Credentials go as the server asks for them (HTTP Basic or Digest, see {@link HttpAuth}).
 *
 * <pre>
 * RemoteGraphStore remote = new RemoteGraphStore("http://host:3030/cmo/data", null);
 * remote.push(ref.ontology(), ref.catalogue(), Map.of(), studies, pipeline::convert);
 * </pre>
 */
public final class RemoteGraphStore {
  /** A user and password, sent as the server asks: HTTP Basic or Digest ({@link HttpAuth}). */
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

  /** {@link #url} without user-info, which goes as credentials instead. */
  private final String target;

  private final Credentials credentials;
  private final HttpClient http;
  private final HttpAuth auth;

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
          "the endpoint must be an http:// or https:// URL, not " + EndpointUrl.redacted(url),
          null);
    }
    this.url = url;
    this.target = HttpAuth.withoutUserInfo(url);
    this.credentials = credentials != null ? credentials : HttpAuth.fromUserInfo(uri);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.auth = new HttpAuth(this.credentials);
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
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    RDFDataMgr.write(body, graph, RDFFormat.NTRIPLES);
    byte[] bytes = body.toByteArray();
    URI put =
        URI.create(
            target
                + (target.contains("?") ? "&" : "?")
                + "graph="
                + URLEncoder.encode(graphName.getURI(), StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      response =
          auth.send(
              http,
              () ->
                  HttpRequest.newBuilder(put)
                      .timeout(Duration.ofMinutes(5))
                      .header("Content-Type", "application/n-triples")
                      .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new StoreException(EndpointUrl.redacted(explain(graphName, -1, why)), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("PUT <" + graphName.getURI() + "> interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      // Credentials in the URL (user:password@host) must not reach the message.
      throw new StoreException(
          EndpointUrl.redacted(explain(graphName, response.statusCode(), response.body())), null);
    }
  }

  private String explain(Node graphName, int status, String detail) {
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
          + " For cmograph serve it is http://HOST:PORT/cmo/data, for Virtuoso"
          + " http://HOST:8890/sparql-graph-crud-auth)";
    }
    if (status <= 0) {
      return what + "no connection (" + detail + ")";
    }
    String text = plainText(detail);
    return what + "HTTP " + status + (text.isEmpty() ? "" : " " + text);
  }

  /** A server's error page as one short line: tags dropped (Virtuoso answers in HTML). */
  static String plainText(String body) {
    if (body == null) {
      return "";
    }
    String text = body.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("<[^>]*>", " ");
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
