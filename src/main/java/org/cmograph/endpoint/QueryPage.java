package org.cmograph.endpoint;

import static org.cmograph.endpoint.SitePage.esc;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.cmograph.query.ParamValues;
import org.cmograph.query.QueryParam;
import org.cmograph.query.QueryUsageException;

/**
 * The query page at {@code /query}: a SPARQL editor (YASQE) and a results table (YASR), both from
 * YASGUI served by this server ({@link WebJarFiles}); the page's script is {@code
 * /assets/query.js}. Everything the reader chose lives in the address, so a result can be shared
 * and survives a reload:
 *
 * <ul>
 *   <li>{@code /query?name=NAME&PARAM=VALUE&format=table} runs a catalogue query with its
 *       parameters, after checking each value against the store (an unknown id is answered with the
 *       nearest valid ones, not with a query that finds nothing);
 *   <li>{@code /query?query=TEXT&format=table} runs a query as written (the script keeps the
 *       address up to date as the query is edited and run);
 *   <li>{@code /query} alone opens the editor with an example query.
 * </ul>
 */
final class QueryPage extends HttpServlet {
  /**
   * The home page's policy, relaxed only as YASGUI needs on this page: its bundle and its libraries
   * (CodeMirror, DataTables, jQuery) set element styles while drawing ({@code 'unsafe-inline'} for
   * styles only; scripts stay {@code 'self'}), and its style sheet draws icons from {@code data:}
   * images. Nothing may come from another server.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  static final String EXAMPLE =
      """
      # The studies, newest first. Edit the query and press Run (or Ctrl+Enter);
      # Ctrl+Space completes prefixes and the ontology's classes and properties.
      PREFIX cmo:     <https://w3id.org/cmograph/ontology#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>

      SELECT ?study ?year ?title WHERE {
        ?s a cmo:Study ; dcterms:identifier ?study ; rdfs:label ?title .
        OPTIONAL { ?s cmo:reportedIn/dcterms:issued ?year }
      }
      ORDER BY DESC(?year) ?study
      """;

  private final DatasetGraph dataset;
  private final Context context;
  private final Supplier<List<CatalogueEntry>> catalogue;

  QueryPage(DatasetGraph dataset, Context context, Supplier<List<CatalogueEntry>> catalogue) {
    this.dataset = dataset;
    this.context = context;
    this.catalogue = catalogue;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String format = "response".equals(req.getParameter("format")) ? "response" : "table";
    String name = req.getParameter("name");
    String query = req.getParameter("query");
    StringBuilder h = new StringBuilder(16_000);
    h.append("<h1>Query</h1>\n");
    String text;
    boolean run;
    int status = 200;
    if (name != null && !name.isBlank()) {
      Optional<CatalogueEntry> entry =
          catalogue.get().stream().filter(e -> e.name().equals(name)).findFirst();
      if (entry.isEmpty()) {
        status = 404;
        h.append(
                "<div class=\"problems\" role=\"alert\" id=\"problems\"><p>There is no catalogue query named \"")
            .append(esc(name))
            .append("\". The <a href=\"/#catalogue\">home page</a> lists them all.</p></div>\n");
        text = EXAMPLE;
        run = false;
      } else {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = values(req, entry.get(), problems);
        text = catalogueText(entry.get(), values, problems, h);
        run = problems.isEmpty();
      }
    } else if (query != null && !query.isBlank()) {
      text = query;
      run = true;
    } else {
      text = EXAMPLE;
      run = false;
    }
    editor(h, text, format, run, name);
    String page =
        SitePage.page(
            "Query",
            SitePage.Section.QUERY,
            "<link rel=\"stylesheet\" href=\"/webjars/yasgui/yasgui.min.css\">\n"
                + "<link rel=\"stylesheet\" href=\"/assets/style.css\">\n"
                + "<script src=\"/webjars/yasgui/yasgui.min.js\" defer></script>\n"
                + "<script src=\"/assets/query.js\" defer></script>\n",
            h.toString());
    LandingPage.send(res, status, page, CONTENT_SECURITY_POLICY);
  }

  /** The declared parameters' values from the request; a blank field counts as not set. */
  private Map<String, String> values(
      HttpServletRequest req, CatalogueEntry entry, List<String> problems) {
    Map<String, String> values = new LinkedHashMap<>();
    ParamValues valid = ParamValues.read(q -> LandingPage.select(dataset, context, q));
    for (QueryParam p : entry.params()) {
      String v = req.getParameter(p.name());
      if (v == null || v.isBlank()) {
        if (!p.optional()) {
          problems.add(
              "Choose a value for the parameter \"" + p.name() + "\" (" + p.description() + ").");
        }
        continue;
      }
      v = v.strip();
      values.put(p.name(), v);
      valid.problem(p, v).map(m -> m + " Pick one from the form's list.").ifPresent(problems::add);
    }
    return values;
  }

  /**
   * The catalogue query's heading, problems and form; returns the editor's text (the query unbound
   * when a value was refused, so nothing runs with it).
   */
  private String catalogueText(
      CatalogueEntry entry, Map<String, String> values, List<String> problems, StringBuilder h) {
    String text = "";
    if (problems.isEmpty()) {
      try {
        text = entry.editorText(values);
      } catch (QueryUsageException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      text = entry.editorText(Map.of());
    }
    h.append("<section class=\"catalogue-query\" aria-labelledby=\"cq-h\">\n<h2 id=\"cq-h\">")
        .append(esc(entry.title()))
        .append("</h2>\n<p>")
        .append(esc(entry.question()))
        .append("</p>\n");
    if (!problems.isEmpty()) {
      h.append("<div class=\"problems\" role=\"alert\" id=\"problems\">\n<ul>\n");
      for (String p : problems) {
        h.append("<li>").append(esc(p)).append("</li>\n");
      }
      h.append("</ul>\n</div>\n");
    }
    if (!entry.params().isEmpty()) {
      QueryForms.form(
          h, entry, ParamValues.read(q -> LandingPage.select(dataset, context, q)), values);
    }
    h.append("</section>\n");
    return text;
  }

  private static void editor(
      StringBuilder h, String text, String format, boolean run, String name) {
    h.append("<form id=\"editor-form\" method=\"get\" action=\"/query\" data-autorun=\"")
        .append(run)
        .append('"');
    if (name != null) {
      h.append(" data-name=\"").append(esc(name)).append('"');
    }
    h.append(
            ">\n<label for=\"query\" id=\"query-label\">SPARQL query</label>\n"
                + "<p class=\"help\" id=\"query-help\">Ctrl+Space completes prefixes and the"
                + " ontology's terms; Ctrl+Enter runs; Esc, then Tab, leaves the editor. Updates are refused:"
                + " the endpoint is read-only.</p>\n"
                + "<textarea id=\"query\" name=\"query\" rows=\"16\" spellcheck=\"false\""
                + " aria-describedby=\"query-help\">")
        .append(esc(text))
        .append("</textarea>\n<div id=\"editor\"></div>\n<div class=\"controls\">\n")
        .append("<label for=\"format\">Show as</label>\n<select id=\"format\" name=\"format\">\n")
        .append(option("table", "table", format))
        .append(option("response", "response text", format))
        .append(
            "</select>\n<button type=\"submit\" id=\"run\">Run query</button>\n</div>\n</form>\n")
        .append("<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n")
        .append("<section id=\"results-section\" aria-labelledby=\"results-h\" tabindex=\"-1\">\n")
        .append("<h2 id=\"results-h\">Results</h2>\n<p id=\"downloads\" hidden></p>\n")
        .append("<div id=\"results\"></div>\n</section>\n")
        .append("<p class=\"credits\">The editor and results table are YASGUI ")
        .append(WebJarFiles.VERSION)
        .append(
            ", served by this endpoint: <a href=\"/assets/yasgui-LICENSE.txt\">licence</a>.</p>\n");
  }

  private static String option(String value, String label, String selected) {
    return "<option value=\""
        + value
        + "\""
        + (value.equals(selected) ? " selected" : "")
        + ">"
        + label
        + "</option>\n";
  }
}
