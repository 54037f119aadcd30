package org.cmograph.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.cmograph.query.ParamValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home page at {@code /}: what the dataset holds, the query catalogue with a form per query
 * that runs it on the query page ({@link QueryPage}), and the endpoint's addresses. Everything it
 * needs is served by this server (see {@link Assets}); its Content-Security-Policy forbids loading
 * anything from elsewhere.
 */
final class LandingPage extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(LandingPage.class);

  /** Strict: this server only, no inline script or style, no script at all on the home page. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static final int STUDIES_LISTED = 50;

  private static final String PREFIXES =
      """
      PREFIX cmo:     <https://w3id.org/cmograph/ontology#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
      """;

  private static final String COUNTS =
      PREFIXES
          + """
          SELECT ?studies ?cmocs ?evidence ?concepts WHERE {
            { SELECT (COUNT(DISTINCT ?s) AS ?studies) { ?s a cmo:Study } }
            { SELECT (COUNT(DISTINCT ?c) AS ?cmocs) { ?st cmo:reportsCMOC ?c } }
            { SELECT (COUNT(DISTINCT ?e) AS ?evidence) { ?e cmo:evidenceKind cmo:evidence-kind-finding } }
            { SELECT (COUNT(DISTINCT ?m) AS ?concepts) { ?m a cmo:MechanismConcept } }
          }
          """;

  private static final String STUDIES =
      PREFIXES
          + """
          SELECT ?id ?title ?year (COUNT(DISTINCT ?c) AS ?cmocs) (COUNT(DISTINCT ?e) AS ?evidence)
          WHERE {
            ?s a cmo:Study ; dcterms:identifier ?id ; rdfs:label ?title .
            OPTIONAL { ?s cmo:reportedIn/dcterms:issued ?year }
            OPTIONAL { ?s cmo:reportsCMOC ?c }
            OPTIONAL { ?e cmo:fromStudy ?s ; cmo:evidenceKind cmo:evidence-kind-finding }
          }
          GROUP BY ?id ?title ?year
          ORDER BY ?id
          LIMIT %d
          """
              .formatted(STUDIES_LISTED);

  private final DatasetGraph dataset;
  private final Context context;
  private final Supplier<List<CatalogueEntry>> catalogue;
  private final ServerSettings settings;

  LandingPage(
      DatasetGraph dataset,
      Context context,
      Supplier<List<CatalogueEntry>> catalogue,
      ServerSettings settings) {
    this.dataset = dataset;
    this.context = context;
    this.catalogue = catalogue;
    this.settings = settings;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    send(res, 200, render(), CONTENT_SECURITY_POLICY);
  }

  /** Writes an HTML page, never cached (the store may be reloaded under a running server). */
  static void send(HttpServletResponse res, int status, String page, String csp)
      throws IOException {
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    res.setStatus(status);
    res.setContentType("text/html;charset=utf-8");
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("Cache-Control", "no-store");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  private String render() {
    StringBuilder h = new StringBuilder(64_000);
    h.append(
        """
        <div class="home">
        <h1>cmograph</h1>
        <p class="tagline">What works, for whom, in what circumstances, and how: context–mechanism–outcome
        configurations from realist evaluations, each traced to a verbatim quote.</p>
        """);
    holdings(h);
    catalogueSection(h);
    service(h);
    h.append("</div>\n");
    return SitePage.page(
        "Home",
        SitePage.Section.HOME,
        "<link rel=\"stylesheet\" href=\"/assets/style.css\">\n",
        h.toString());
  }

  /** The endpoint's addresses and limits, for people who query it from their own tools. */
  private void service(StringBuilder h) {
    h.append(
        """
        <section id="service" aria-labelledby="service-h">
        <h2 id="service-h">Querying from your own tools</h2>
        <dl class="urls">
        <dt>SPARQL endpoint</dt><dd><code id="endpoint-url">/cmo/sparql</code>
        (SPARQL 1.1 Protocol, GET and POST; JSON, XML, CSV, TSV; Turtle, JSON-LD, N-Triples for graphs)</dd>
        <dt>Graph Store (read)</dt><dd><code>/cmo/get?graph=IRI</code></dd>
        """);
    if (settings.writable()) {
      // The account is not named: a public page need not tell a guesser half of the login.
      h.append(
          "<dt>Updates</dt><dd><code>/cmo/update</code> and <code>/cmo/data</code>"
              + " (HTTP Basic, the update user only)</dd>\n");
    } else {
      h.append("<dt>Updates</dt><dd>off: this endpoint is read-only</dd>\n");
    }
    h.append("<dt>Limits</dt><dd>")
        .append(seconds(settings.timeout().toMillis()))
        .append(" s per query, at most ")
        .append(settings.maxRows())
        .append(" rows per result</dd>\n</dl>\n")
        .append(
            """
            <p>The default graph is the union of all named graphs (each study's graph, its
            inferred graph, the ontology and the mechanism catalogue), so queries need no
            <code>GRAPH</code> clauses. <code>SERVICE</code>, <code>LOAD</code> and script functions are
            refused.</p>
            </section>
            """);
  }

  private void holdings(StringBuilder h) {
    h.append("<section id=\"holdings\" aria-labelledby=\"holdings-h\">\n")
        .append("<h2 id=\"holdings-h\">What the dataset holds</h2>\n");
    try {
      List<Binding> counts = select(COUNTS);
      List<Binding> studies = select(STUDIES);
      Binding c = counts.isEmpty() ? null : counts.get(0);
      h.append("<ul class=\"counts\">\n");
      count(h, c, "studies", "studies");
      count(h, c, "cmocs", "CMO configurations and outcome patterns");
      count(h, c, "evidence", "findings (the evidence that counts)");
      count(h, c, "concepts", "mechanism concepts");
      h.append("</ul>\n");
      h.append("<details id=\"studies\"><summary>Studies</summary>\n<div class=\"table-box\">")
          .append("<table class=\"studies\">\n")
          .append("<thead><tr><th scope=\"col\">id</th><th scope=\"col\">year</th>")
          .append("<th scope=\"col\">title</th><th scope=\"col\">CMOCs</th>")
          .append("<th scope=\"col\">findings</th></tr></thead>\n<tbody>\n");
      for (Binding b : studies) {
        String id = value(b, "id");
        h.append("<tr><td><a href=\"/id/")
            .append(esc(QueryForms.enc(id)))
            .append("\"><code>")
            .append(esc(id))
            .append("</code></a></td><td>")
            .append(esc(value(b, "year")))
            .append("</td><td>")
            .append(esc(value(b, "title")))
            .append("</td><td class=\"n\">")
            .append(esc(value(b, "cmocs")))
            .append("</td><td class=\"n\">")
            .append(esc(value(b, "evidence")))
            .append("</td></tr>\n");
      }
      h.append("</tbody></table></div>\n");
      if (studies.size() == STUDIES_LISTED) {
        h.append("<p>The first ")
            .append(STUDIES_LISTED)
            .append(" by id; the <em>Studies overview</em> query lists them all.</p>\n");
      }
      h.append("</details>\n");
    } catch (QueryCancelledException e) {
      h.append("<p class=\"error\">Counting took longer than the query time limit.</p>\n");
    } catch (RuntimeException e) {
      LOG.warn("landing page: cannot count the dataset", e);
      h.append("<p class=\"error\">The dataset could not be counted; see the server log.</p>\n");
    }
    h.append("</section>\n");
  }

  static String seconds(long millis) {
    return millis % 1000 == 0
        ? Long.toString(millis / 1000)
        : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  private static void count(StringBuilder h, Binding b, String var, String label) {
    h.append("<li><span class=\"n\" id=\"count-")
        .append(var)
        .append("\">")
        .append(esc(b == null ? "0" : value(b, var)))
        .append("</span> ")
        .append(esc(label))
        .append("</li>\n");
  }

  private void catalogueSection(StringBuilder h) {
    h.append("<section id=\"catalogue\" aria-labelledby=\"catalogue-h\">\n")
        .append("<h2 id=\"catalogue-h\">Questions to ask the evidence</h2>\n");
    List<CatalogueEntry> entries;
    ParamValues valid;
    try {
      entries = catalogue.get();
      valid = ParamValues.read(q -> LandingPage.select(dataset, context, q));
    } catch (RuntimeException e) {
      LOG.warn("landing page: cannot read the query catalogue", e);
      h.append(
              "<p class=\"error\">The query catalogue could not be read; see the server log.</p>\n")
          .append("</section>\n");
      return;
    }
    if (entries.isEmpty()) {
      h.append("<p>No queries in the catalogue.</p>\n</section>\n");
      return;
    }
    h.append(
        "<p>Ready-made queries of the catalogue. Choose a value for each parameter and press"
            + " <em>Run</em>: the query page shows the results and the query itself, which you can"
            + " edit. Its address keeps the query and its values, so you can bookmark or share it."
            + " Or write your own in the <a href=\"/query\">query editor</a>.</p>\n");
    h.append("<ul class=\"queries\">\n");
    for (CatalogueEntry e : entries) {
      String name = esc(e.name());
      h.append("<li class=\"query\" id=\"query-")
          .append(name)
          .append("\">\n")
          .append("<h3>")
          .append(esc(e.title()))
          .append("</h3>\n")
          .append("<p>")
          .append(esc(e.question()))
          .append("</p>\n");
      QueryForms.form(h, e, valid, e.example());
      h.append("<p class=\"file\">The query file: <a href=\"/queries/")
          .append(name)
          .append(".rq\">")
          .append(name)
          .append(".rq</a></p>\n</li>\n");
    }
    h.append("</ul>\n</section>\n");
  }

  private List<Binding> select(String query) {
    return select(dataset, context, query);
  }

  /** The rows of a SELECT the pages run themselves, read in one read transaction. */
  static List<Binding> select(DatasetGraph dataset, Context context, String query) {
    return Txn.calculateRead(
        dataset,
        () -> {
          try (QueryExec exec =
              QueryExec.newBuilder()
                  .dataset(dataset)
                  .query(QueryFactory.create(query))
                  .context(context)
                  .build()) {
            RowSet rows = exec.select();
            List<Binding> out = new ArrayList<>();
            rows.forEachRemaining(out::add);
            return out;
          }
        });
  }

  private static String value(Binding b, String var) {
    var node = b.get(var);
    if (node == null) {
      return "";
    }
    return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
  }

  /** Escapes text for HTML; kept for pages written against it, see {@link SitePage#esc}. */
  static String esc(String s) {
    return SitePage.esc(s);
  }
}
