package org.cmograph.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetReader;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.store.HttpAuth;
import org.cmograph.store.RemoteGraphStore;

/**
 * One query sent to a SPARQL 1.1 Protocol endpoint, written for what engines do differently rather
 * than for one of them: the query goes as a GET, or as a form-encoded POST when long (the two forms
 * every engine takes; Virtuoso 7 never answers a POST of {@code application/sparql-query});
 * credentials go as the server asks (Basic or Digest); an answer the server marks as partial (its
 * own time limit: {@code X-SQL-State}) or cut at its row limit ({@code X-SPARQL-MaxRows}) is
 * refused with a message, never shown as if whole; booleans come back in their canonical form
 * ({@code true}, not {@code 1}).
 *
 * <pre>
 * QueryResult r = new EndpointQuery("http://host:8890/sparql", null, Duration.ofSeconds(60))
 *     .run(catalogue.require("studies").bind(Map.of()));
 * </pre>
 */
final class EndpointQuery {
  /** Longest URL sent as a GET; longer queries are POSTed as a form (as Jena's client does). */
  static final int GET_LIMIT = 2048;

  private static final String RESULTS =
      "application/sparql-results+json, application/sparql-results+xml;q=0.9,"
          + " text/tab-separated-values;q=0.5";
  private static final String RDF =
      "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5,"
          + " application/ld+json;q=0.3";

  private final String endpoint;
  private final Duration timeout;
  private final RemoteGraphStore.Credentials credentials;
  private final HttpClient http;

  EndpointQuery(String endpoint, RemoteGraphStore.Credentials credentials, Duration timeout) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.credentials = credentials;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(
                timeout.compareTo(Duration.ofSeconds(20)) < 0 ? timeout : Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  QueryResult run(Query query) {
    URI base;
    try {
      base = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new QueryFailure("cannot query the endpoint " + endpoint + ": not a URL", e);
    }
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new QueryFailure(
          "cannot query the endpoint " + endpoint + ": it must be an http:// or https:// URL",
          null);
    }
    HttpAuth auth = new HttpAuth(credentials != null ? credentials : HttpAuth.fromUserInfo(base));
    String service = HttpAuth.withoutUserInfo(endpoint);
    String form = "query=" + URLEncoder.encode(query.serialize(), StandardCharsets.UTF_8);
    boolean get = service.length() + 1 + form.length() <= GET_LIMIT;
    URI uri = URI.create(get ? service + (service.contains("?") ? "&" : "?") + form : service);
    String accept = query.isSelectType() || query.isAskType() ? RESULTS : RDF;
    Supplier<HttpRequest.Builder> request =
        () -> {
          HttpRequest.Builder b =
              HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept);
          return get
              ? b.GET()
              : b.header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form));
        };
    HttpResponse<byte[]> response;
    try {
      response = auth.sendQuery(http, request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryFailure("the query to " + endpoint + " was interrupted", e);
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (response.statusCode() != 200) {
      throw new QueryFailure(
          "the endpoint "
              + endpoint
              + " answered "
              + response.statusCode()
              + ": "
              + firstLine(body.isBlank() ? "(no message)" : body.strip()),
          null);
    }
    Optional<String> state = response.headers().firstValue("X-SQL-State");
    if (state.isPresent()) {
      String why = response.headers().firstValue("X-SQL-Message").orElse("");
      throw new QueryFailure(
          "the endpoint "
              + endpoint
              + " sent only part of the answer ("
              + firstLine(state.get() + (why.isBlank() ? "" : ": " + why))
              + "), so none is shown: it stopped the query at a limit of its own. Narrow the"
              + " query, or raise the server's limit (Virtuoso: MaxQueryExecutionTime in [SPARQL])",
          null);
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    QueryResult result;
    try {
      result = read(query, type, response.body());
    } catch (RiotException | org.apache.jena.query.QueryException e) {
      throw new QueryFailure(
          "the endpoint "
              + endpoint
              + " sent an answer that does not parse: "
              + firstLine(e.getMessage()),
          e);
    }
    checkRowLimit(response, result);
    return result;
  }

  private QueryResult read(Query query, String contentType, byte[] body) {
    String media = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (query.isSelectType() || query.isAskType()) {
      Lang lang =
          switch (media) {
            case "application/sparql-results+json", "application/json" -> ResultSetLang.RS_JSON;
            case "application/sparql-results+xml", "application/xml" -> ResultSetLang.RS_XML;
            case "text/tab-separated-values" -> ResultSetLang.RS_TSV;
            default -> throw unreadable(contentType);
          };
      QueryExecResult answer =
          RowSetReader.createReader(lang).readAny(new ByteArrayInputStream(body), null);
      if (query.isAskType()) {
        if (!answer.isBoolean()) {
          throw new QueryFailure("the endpoint " + endpoint + " answered an ASK with rows", null);
        }
        return new QueryResult.Answer(answer.booleanResult());
      }
      if (!answer.isRowSet()) {
        throw new QueryFailure(
            "the endpoint " + endpoint + " answered a SELECT with no rows", null);
      }
      RowSet rows = answer.rowSet();
      List<Binding> all = new ArrayList<>();
      rows.forEachRemaining(row -> all.add(canonical(row)));
      PrefixMapping prefixes = PrefixMapping.Factory.create();
      prefixes.setNsPrefixes(query.getPrefixMapping());
      return new QueryResult.Rows(rows.getResultVars(), all, prefixes);
    }
    Lang lang = media.equals("text/plain") ? Lang.NTRIPLES : RDFLanguages.contentTypeToLang(media);
    if (lang == null || !RDFLanguages.isTriples(lang)) {
      throw unreadable(contentType);
    }
    Graph graph = GraphFactory.createGraphMem();
    RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(graph);
    graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
    return new QueryResult.Triples(graph);
  }

  /** A server that cuts answers at N rows says so; a cut answer is refused like a partial one. */
  private void checkRowLimit(HttpResponse<?> response, QueryResult result) {
    Optional<String> header = response.headers().firstValue("X-SPARQL-MaxRows");
    if (header.isEmpty()) {
      return;
    }
    long limit;
    try {
      limit = Long.parseLong(header.get().strip());
    } catch (NumberFormatException e) {
      return;
    }
    long size =
        result instanceof QueryResult.Rows r
            ? r.rows().size()
            : result instanceof QueryResult.Triples t ? t.graph().size() : 0;
    if (size >= limit) {
      throw new QueryFailure(
          "the endpoint "
              + endpoint
              + " cut the answer at its limit of "
              + limit
              + " rows (X-SPARQL-MaxRows), so it may be incomplete and is not shown: page"
              + " through it with LIMIT and OFFSET, or raise the server's limit (Virtuoso:"
              + " ResultSetMaxRows in [SPARQL])",
          null);
    }
  }

  /** {@code "1"^^xsd:boolean} as {@code "true"^^xsd:boolean}: the same value, one spelling. */
  static Binding canonical(Binding row) {
    BindingBuilder b = Binding.builder();
    row.vars().forEachRemaining(v -> b.add(v, canonical(row.get(v))));
    return b.build();
  }

  static Node canonical(Node n) {
    if (n.isLiteral() && XSDDatatype.XSDboolean.equals(n.getLiteralDatatype())) {
      String lex = n.getLiteralLexicalForm().strip();
      if (lex.equals("1") || lex.equals("0")) {
        return NodeFactory.createLiteralDT(
            lex.equals("1") ? "true" : "false", XSDDatatype.XSDboolean);
      }
    }
    return n;
  }

  private QueryFailure unreadable(String contentType) {
    return new QueryFailure(
        "the endpoint "
            + endpoint
            + " answered in "
            + (contentType.isBlank() ? "no declared format" : contentType)
            + ", which cmograph cannot read (is this the SPARQL query URL?)",
        null);
  }

  /** No answer at all: say why in a user's words, from the cause the HTTP client gives. */
  private QueryFailure unreachable(IOException e) {
    String why = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        why = "the connection was refused (is the server running, and is the URL right?)";
        break;
      }
      if (t instanceof java.net.UnknownHostException) {
        why = "unknown host " + t.getMessage();
        break;
      }
      if (t instanceof HttpTimeoutException) {
        why = "no answer within the time limit of " + timeout.toSeconds() + " s";
        break;
      }
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        why = t.getMessage();
      }
    }
    return new QueryFailure(
        "cannot query the endpoint " + endpoint + ": " + firstLine(why == null ? "no answer" : why),
        e);
  }

  static String firstLine(String s) {
    String line = s == null ? "" : s.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
