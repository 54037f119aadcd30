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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page at {@code /}: what the dataset holds, the query catalogue with a link that runs each
 * query, and a query editor. Everything it needs is served by this server (see {@link Assets});
 * its Content-Security-Policy forbids loading anything from elsewhere.
 */
final class LandingPage extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(LandingPage.class);

  /** Strict: this server only, no inline script or style. */
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
  private final EndpointServer.Settings settings;

  LandingPage(
      DatasetGraph dataset,
      Context context,
      Supplier<List<CatalogueEntry>> catalogue,
      EndpointServer.Settings settings) {
    this.dataset = dataset;
    this.context = context;
    this.catalogue = catalogue;
    this.settings = settings;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String page = render();
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    res.setStatus(200);
    res.setContentType("text/html;charset=utf-8");
    res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    res.setHeader("Cache-Control", "no-store");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  private String render() {
    StringBuilder h = new StringBuilder(32_000);
    h.append(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>cmograph: realist evaluation evidence</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/assets/style.css">
        <script src="/assets/app.js" defer></script>
        </head>
        <body>
        <header>
        <h1>cmograph</h1>
        <p class="tagline">What works, for whom, in what circumstances, and how: context–mechanism–outcome
        configurations from realist evaluations, each traced to a verbatim quote.</p>
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
        .append(" rows per result</dd>\n</dl>\n</header>\n<main>\n");
    holdings(h);
    catalogueSection(h);
    editor(h);
    h.append(
        """
        </main>
        <footer><p>The default graph is the union of all named graphs (each study's graph, its
        inferred graph, the ontology and the mechanism catalogue), so queries need no
        <code>GRAPH</code> clauses. <code>SERVICE</code>, <code>LOAD</code> and script functions are
        refused.</p></footer>
        </body>
        </html>
        """);
    return h.toString();
  }

  private void holdings(StringBuilder h) {
    h.append("<section id=\"holdings\">\n<h2>What the dataset holds</h2>\n");
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
      h.append("<details id=\"studies\"><summary>Studies</summary>\n<table class=\"studies\">\n")
          .append("<thead><tr><th>id</th><th>year</th><th>title</th><th>CMOCs</th>")
          .append("<th>findings</th></tr></thead>\n<tbody>\n");
      for (Binding b : studies) {
        h.append("<tr><td><code>")
            .append(esc(value(b, "id")))
            .append("</code></td><td>")
            .append(esc(value(b, "year")))
            .append("</td><td>")
            .append(esc(value(b, "title")))
            .append("</td><td class=\"n\">")
            .append(esc(value(b, "cmocs")))
            .append("</td><td class=\"n\">")
            .append(esc(value(b, "evidence")))
            .append("</td></tr>\n");
      }
      h.append("</tbody></table>\n");
      if (studies.size() == STUDIES_LISTED) {
        h.append("<p>The first ").append(STUDIES_LISTED)
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

  private static String seconds(long millis) {
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
    h.append("<section id=\"catalogue\">\n<h2>Query catalogue</h2>\n");
    List<CatalogueEntry> entries;
    try {
      entries = catalogue.get();
    } catch (RuntimeException e) {
      LOG.warn("landing page: cannot read the query catalogue", e);
      h.append("<p class=\"error\">The query catalogue could not be read; see the server log.</p>\n")
          .append("</section>\n");
      return;
    }
    if (entries.isEmpty()) {
      h.append("<p>No queries in the catalogue.</p>\n</section>\n");
      return;
    }
    h.append(
        "<p>Ready-made questions of the evidence. <em>Run</em> puts a query in the editor below"
            + " and runs it (with its example values); the file link gives the query itself.</p>\n");
    h.append("<ul class=\"queries\">\n");
    for (CatalogueEntry e : entries) {
      String name = esc(e.name());
      h.append("<li class=\"query\" id=\"query-").append(name).append("\">\n")
          .append("<h3>").append(esc(e.title())).append("</h3>\n")
          .append("<p>").append(esc(e.question())).append("</p>\n");
      if (!e.parameters().isEmpty()) {
        h.append("<ul class=\"params\">\n");
        for (String p : e.parameters()) {
          h.append("<li>").append(esc(p)).append("</li>\n");
        }
        h.append("</ul>\n");
      }
      h.append("<p class=\"actions\"><a class=\"run\" data-query=\"")
          .append(name)
          .append("\" href=\"/?run=")
          .append(name)
          .append("#editor\">Run")
          .append(e.boundWith().isEmpty() ? "" : " with " + esc(e.boundWith()))
          .append("</a> <a class=\"file\" href=\"/queries/")
          .append(name)
          .append(".rq\">")
          .append(name)
          .append(".rq</a></p>\n<pre class=\"runnable\" hidden id=\"text-")
          .append(name)
          .append("\">")
          .append(esc(e.runnable()))
          .append("</pre>\n</li>\n");
    }
    h.append("</ul>\n</section>\n");
  }

  private static void editor(StringBuilder h) {
    h.append(
        """
        <section id="editor">
        <h2>Query editor</h2>
        <form id="query-form" method="post" action="/cmo/sparql">
        <label for="query">SPARQL query</label>
        <textarea id="query" name="query" rows="14" spellcheck="false">PREFIX cmo:     &lt;https://w3id.org/cmograph/ontology#&gt;
        PREFIX dcterms: &lt;http://purl.org/dc/terms/&gt;
        PREFIX rdfs:    &lt;http://www.w3.org/2000/01/rdf-schema#&gt;

        SELECT ?study ?title WHERE {
          ?s a cmo:Study ; dcterms:identifier ?study ; rdfs:label ?title .
        }
        ORDER BY ?study</textarea>
        <div class="controls">
        <label for="format">Show as</label>
        <select id="format" name="format">
        <option value="table" selected>table</option>
        <option value="json">JSON</option>
        <option value="xml">XML</option>
        <option value="csv">CSV</option>
        <option value="tsv">TSV</option>
        <option value="turtle">Turtle (CONSTRUCT/DESCRIBE)</option>
        <option value="jsonld">JSON-LD (CONSTRUCT/DESCRIBE)</option>
        <option value="ntriples">N-Triples (CONSTRUCT/DESCRIBE)</option>
        </select>
        <button type="submit" id="run">Run query</button>
        <span class="hint">Ctrl+Enter runs</span>
        </div>
        </form>
        <p id="status" role="status" aria-live="polite"></p>
        <div id="results"></div>
        </section>
        """);
  }

  private List<Binding> select(String query) {
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

  /** Escapes text for HTML element content and double-quoted attributes. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
