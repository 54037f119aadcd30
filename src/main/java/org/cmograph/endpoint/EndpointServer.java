package org.cmograph.endpoint;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.TDB2;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The reviewers' SPARQL endpoint: embedded Fuseki serving one dataset at {@code /cmo}, read-only
 * unless started with an update user, with the guards a public endpoint needs (query time limit,
 * row cap, no SERVICE or script functions, request size limit, CORS for queries only) and a landing
 * page at {@code /}. One instance per call; nothing static is shared between servers.
 *
 * <pre>
 * try (EndpointServer server = EndpointServer.start(store.dataset(), ServerSettings.defaults().withPort(0), catalogue)) {
 *   System.out.println(server.queryUrl());   // http://localhost:PORT/cmo/sparql
 * }
 * </pre>
 */
public final class EndpointServer implements AutoCloseable {
  /** The dataset's path. */
  public static final String DATASET = "/cmo";

  /** Where a server that writes summaries answers with one document ({@link SummaryDocument}). */
  public static final String SUMMARY_PATH = "/summary";

  /** The header in which {@code /summary} says the store holds no programme theory. */
  public static final String NO_THEORY_HEADER = "X-Cmograph-No-Theory";

  /** The header with which {@code /summary} marks a document as this server's. */
  public static final String SUMMARY_HEADER = "X-Cmograph-Summary";

  /** The request header that carries {@link #summaryToken()}. */
  public static final String TOKEN_HEADER = SummaryDocument.TOKEN_HEADER;

  /** Header naming the row cap on every query response. */
  public static final String MAX_ROWS_HEADER = "X-Cmograph-Max-Rows";

  /** Header present (value {@code true}) when the row cap cut a result. */
  public static final String TRUNCATED_HEADER = "X-Cmograph-Truncated";

  private final FusekiServer server;
  private final ServerSettings settings;
  private final String host;
  private final QueryGate gate;
  private final String summaryToken;

  private EndpointServer(
      FusekiServer server,
      ServerSettings settings,
      String host,
      QueryGate gate,
      String summaryToken) {
    this.server = server;
    this.settings = settings;
    this.host = host;
    this.gate = gate;
    this.summaryToken = summaryToken;
  }

  /** Open client connections. */
  int openConnections() {
    int open = 0;
    for (Connector c : server.getJettyServer().getConnectors()) {
      open += c.getConnectedEndPoints().size();
    }
    return open;
  }

  /** Queries running now (those waiting their turn not counted). */
  int runningQueries() {
    return gate.running();
  }

  /**
   * Builds and starts the endpoint over {@code dataset}.
   *
   * @param catalogue the queries the landing page lists (read on each page view)
   * @throws IllegalStateException if the JVM was started with ARQ scripting switched on
   */
  public static EndpointServer start(
      DatasetGraph dataset, ServerSettings settings, Supplier<List<CatalogueEntry>> catalogue) {
    return start(dataset, settings, catalogue, null);
  }

  /**
   * As {@link #start(DatasetGraph, ServerSettings, Supplier)}, also serving the HTML evidence
   * summaries under {@code /summaries/}.
   *
   * @param summaries writes the summaries into a folder and returns it, on the first request for
   *     one; null for no summaries
   */
  public static EndpointServer start(
      DatasetGraph dataset,
      ServerSettings settings,
      Supplier<List<CatalogueEntry>> catalogue,
      Supplier<java.nio.file.Path> summaries) {
    return start(dataset, settings, catalogue, summaries, null);
  }

  /**
   * As {@link #start(DatasetGraph, ServerSettings, Supplier, Supplier)}, also serving the
   * registered source texts of {@code sources} (data/sources) under {@code /sources/}, quotes
   * highlighted.
   *
   * @param sources the sources folder, or null (the list then says the server has none)
   */
  public static EndpointServer start(
      DatasetGraph dataset,
      ServerSettings settings,
      Supplier<List<CatalogueEntry>> catalogue,
      Supplier<java.nio.file.Path> summaries,
      java.nio.file.Path sources) {
    return start(dataset, settings, catalogue, summaries, sources, null);
  }

  /**
   * As {@link #start(DatasetGraph, ServerSettings, Supplier, Supplier, java.nio.file.Path)}, also
   * answering {@code GET /summary} to commands on this machine with one summary document ({@link
   * SummaryDocument}).
   *
   * @param documents writes one summary document; null for no {@code /summary}
   */
  public static EndpointServer start(
      DatasetGraph dataset,
      ServerSettings settings,
      Supplier<List<CatalogueEntry>> catalogue,
      Supplier<java.nio.file.Path> summaries,
      java.nio.file.Path sources,
      SummaryRenderer documents) {
    if ("true".equals(System.getProperty(ARQ.systemPropertyScripting))) {
      // Script functions run code chosen by whoever sends the query; a public endpoint refuses to.
      throw new IllegalStateException(
          "refusing to serve: the JVM runs with -D" + ARQ.systemPropertyScripting + "=true");
    }
    NoRemoteDocuments.install();
    InetAddress address = resolve(settings.bind());
    LandingPage landing = new LandingPage(dataset, queryContext(settings), catalogue, settings);
    QueryGate gate = new QueryGate(settings.concurrentQueries(), settings.queueWait());
    FusekiServer.Builder builder =
        FusekiServer.create()
            .port(settings.port())
            .loopback(false) // the connector is bound to settings.bind() below
            .fusekiModules(FusekiModules.empty())
            .enablePing(false)
            .enableStats(false)
            .enableMetrics(false)
            .enableCompact(false)
            .enableTasks(false)
            .add(DATASET, dataService(dataset, settings, gate))
            .addFilter("/*", new RequestGuard(settings.maxRequestBytes(), DATASET))
            .addServlet("", landing)
            .addServlet("/index.html", landing)
            .addServlet("/query", new QueryPage(dataset, queryContext(settings), catalogue))
            .addServlet("/query/vocabulary.json", new Vocabulary(dataset, queryContext(settings)))
            .addServlet("/webjars/yasgui/*", new WebJarFiles())
            .addServlet("/assets/*", new Assets())
            .addServlet("/queries/*", new CatalogueFiles(catalogue));
    if (summaries != null) {
      builder.addServlet("/summaries/*", new SummaryPages(summaries));
    }
    String summaryToken = documents == null ? null : newToken();
    if (documents != null) {
      builder.addServlet(
          SUMMARY_PATH, new SummaryDocument(documents, summaryToken, settings.queueWait()));
    }
    // Linked data: every https://w3id.org/cmograph/PATH at /PATH, the studies, VoID, service
    // description.
    LinkedData linkedData = new LinkedData(dataset, settings.timeout(), summaries != null);
    for (String path :
        List.of(
            "/id/*",
            "/mechanism/*",
            "/context/*",
            "/outcome/*",
            "/graph/*",
            "/ontology",
            "/studies")) {
      builder.addServlet(path, linkedData);
    }
    DatasetDescription description = new DatasetDescription(dataset, settings.timeout());
    builder.addServlet("/.well-known/void", description.voidServlet());
    builder.addFilter(DATASET + "/sparql", description.serviceDescriptionFilter());
    builder.addServlet(
        "/sources/*", new SourcePages(sources, new SourceQuotes(dataset, queryContext(settings))));
    if (settings.writable()) {
      ConstraintSecurityHandler security =
          JettySecurityLib.makeSecurityHandler(
              "cmograph",
              JettySecurityLib.makeUserStore(
                  settings.updateUser().user(), settings.updateUser().password()),
              AuthScheme.BASIC);
      security.setAuthenticator(new ThrottledBasicAuthenticator(new LoginThrottle()));
      builder.auth(AuthScheme.BASIC).securityHandler(security);
    }
    FusekiServer server = builder.build();
    for (Connector c : server.getJettyServer().getConnectors()) {
      if (c instanceof ServerConnector connector) {
        connector.setHost(address.getHostAddress());
        // A response whose client stops reading fails once no byte has moved for this long: its
        // thread, its result in memory and its read transaction are freed, its connection closed.
        connector.setIdleTimeout(settings.writeTimeout().toMillis());
      }
    }
    if (server.getJettyServer().getErrorHandler() instanceof ErrorHandler handler) {
      handler.setShowStacks(false);
    }
    // Jetty reads HTML-form bodies itself (not through RequestGuard's stream): same limit.
    for (ServletContextHandler context :
        server.getJettyServer().getDescendants(ServletContextHandler.class)) {
      context.setMaxFormContentSize((int) Math.min(settings.maxRequestBytes(), Integer.MAX_VALUE));
    }
    server.start();
    return new EndpointServer(server, settings, address.getHostAddress(), gate, summaryToken);
  }

  private static InetAddress resolve(String bind) {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot bind to '" + bind + "': unknown host", e);
    }
  }

  /**
   * The settings every query runs under: the time limit, the union default graph, no SERVICE.
   * Package-visible so tests can check the context itself, not only its effect over HTTP.
   */
  static Context queryContext(ServerSettings settings) {
    Context context = new Context();
    context.set(ARQ.queryTimeout, Long.toString(settings.timeout().toMillis()));
    context.set(ARQ.httpServiceAllowed, false);
    context.set(TDB2.symUnionDefaultGraph, true);
    QueryPolicy.restrict(context);
    BoundedEvaluation.install(context);
    BoundedWork.install(context);
    return context;
  }

  private static DataService dataService(
      DatasetGraph dataset, ServerSettings settings, QueryGate gate) {
    Context context = queryContext(settings);
    DataService.Builder service = DataService.newBuilder(dataset);
    ParsedQueries parsed = new ParsedQueries();
    for (String name : List.of("", "sparql", "query")) {
      service.addEndpoint(
          Endpoint.create()
              .operation(Operation.Query)
              .endpointName(name)
              .processor(
                  new GuardedQuery(settings.maxRows(), settings.maxWorkBytes(), gate, parsed))
              .context(context)
              .build());
    }
    service.addEndpoint(
        Endpoint.create()
            .operation(Operation.GSP_R)
            .endpointName("get")
            .processor(new GuardedGraphRead(settings.maxRows(), gate))
            .context(context)
            .build());
    if (settings.writable()) {
      AuthPolicy writer = Auth.policyAllowSpecific(settings.updateUser().user());
      service.addEndpoint(
          Endpoint.create()
              .operation(Operation.Update)
              .endpointName("update")
              .processor(new GuardedUpdate(settings.timeout()))
              .authPolicy(writer)
              .build());
      service.addEndpoint(
          Endpoint.create()
              .operation(Operation.GSP_RW)
              .endpointName("data")
              .authPolicy(writer)
              .build());
    }
    return service.build();
  }

  public ServerSettings settings() {
    return settings;
  }

  /** The port actually listened on (the chosen one when the settings said 0). */
  public int port() {
    return server.getHttpPort();
  }

  /** The root URL, e.g. {@code http://localhost:3030/}; "localhost" when bound to loopback. */
  public String baseUrl() {
    String shown;
    try {
      shown = InetAddress.getByName(host).isLoopbackAddress() ? "localhost" : hostForUrl(host);
    } catch (UnknownHostException e) {
      shown = hostForUrl(host);
    }
    return "http://" + shown + ":" + port() + "/";
  }

  private static String hostForUrl(String address) {
    return address.contains(":") ? "[" + address + "]" : address;
  }

  public String queryUrl() {
    return baseUrl() + "cmo/sparql";
  }

  public String graphStoreReadUrl() {
    return baseUrl() + "cmo/get";
  }

  /**
   * The URL of one summary document ({@code GET}, from this machine; see {@link #SUMMARY_PATH}).
   */
  public String summaryUrl() {
    return baseUrl() + SUMMARY_PATH.substring(1);
  }

  /**
   * What a request for {@link #summaryUrl()} must carry in {@link #TOKEN_HEADER}: a random secret
   * of this run, which {@code serve} writes only into the store folder; null without {@code
   * /summary}.
   */
  public String summaryToken() {
    return summaryToken;
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SPARQL Update URL, or null when the endpoint is read-only. */
  public String updateUrl() {
    return settings.writable() ? baseUrl() + "cmo/update" : null;
  }

  /** The read-write Graph Store Protocol URL, or null when the endpoint is read-only. */
  public String graphStoreWriteUrl() {
    return settings.writable() ? baseUrl() + "cmo/data" : null;
  }

  /** Blocks until the server stops. */
  public void join() {
    server.join();
  }

  @Override
  public void close() {
    server.stop();
  }
}
