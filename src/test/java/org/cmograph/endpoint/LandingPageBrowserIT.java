package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cmograph.browser.Axe;
import org.cmograph.browser.BrowserPage;
import org.cmograph.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a reviewer sees on the home and query pages, in headless Chromium against the endpoint as
 * {@code cmograph serve} runs it: a catalogue form runs its query on the query page, the results
 * sort, download and link to what they name; an edited query survives a reload through its address;
 * an unknown id and a parse error are explained where they are; and the pages load nothing from
 * elsewhere, break no Content-Security-Policy and pass the axe-core checks at 1280 and 390 pixels.
 * Screenshots go to the build folder.
 */
class LandingPageBrowserIT {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String RESULT_ROW =
      "document.querySelector('#results table.dataTable tbody tr td div') !== null";
  static final String EDITOR = "document.querySelector('#editor .CodeMirror').CodeMirror";

  private static EndpointServer server;
  private static HeadlessChromium chromium;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeAvailable();
    server =
        EndpointServer.start(
            BundledStore.get().dataset(), BundledStore.testSettings(), BundledStore.catalogue());
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static Path screenshot(String name) {
    return HeadlessChromium.screenshotFolder().resolve(name);
  }

  /** The column {@code name} of the results table, top to bottom, as shown. */
  static List<String> column(BrowserPage page, String name) throws Exception {
    String js =
        "(() => { const t = document.querySelector('#results table.dataTable');"
            + " const i = Array.from(t.querySelectorAll('thead th')).findIndex(th => th.textContent.trim() === '"
            + name
            + "'); return JSON.stringify(Array.from(t.querySelectorAll('tbody tr'))"
            + ".map(tr => tr.children[i].textContent.trim())); })()";
    List<String> out = new ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(page.text(js))
        .forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void aCatalogueFormRunsItsQueryAndTheResultsSortDownloadAndLink() throws Exception {
    try (BrowserPage page = chromium.newPage()) {
      page.navigate(server.baseUrl());
      assertEquals("20", page.text("document.getElementById('count-studies').textContent"));
      // The form's GET request, as pressing Run sends it.
      String search =
          page.text(
              "new URLSearchParams(new FormData(document.querySelector('#query-evidence-for-mechanism form'))).toString()");
      assertEquals(
          "name=evidence-for-mechanism&mechanism=trusting-relationship&format=table", search);
      assertEquals(
          "/query",
          page.text(
              "document.querySelector('#query-evidence-for-mechanism form').getAttribute('action')"));
      page.navigate(server.baseUrl() + "query?" + search);
      page.waitFor(RESULT_ROW, WAIT);
      assertTrue(
          page.text("document.getElementById('status').textContent")
              .matches("\\d+ rows? in \\d+ ms"));
      assertEquals(
          "results-section", page.text("document.activeElement.id"), "focus moves to the results");
      assertTrue(
          page.text(EDITOR + ".getValue()")
              .contains("<https://w3id.org/cmograph/mechanism/trusting-relationship>"));

      // Sort by a column: the header toggles the order.
      List<String> before = column(page, "evidence");
      page.click("#results table.dataTable thead th[data-dt-column='3']");
      page.click("#results table.dataTable thead th[data-dt-column='3']");
      List<String> after = column(page, "evidence");
      List<String> descending = new ArrayList<>(before);
      descending.sort(java.util.Comparator.reverseOrder());
      assertEquals(descending, after, "sorted by evidence, descending");

      // Download as a file: the link names a file and fetches the CSV of the same query.
      assertEquals(
          "cmograph-results.csv",
          page.text("document.querySelector('a.download[data-format=csv]').download"));
      String csv =
          page.text(
              "fetch(document.querySelector('a.download[data-format=csv]').href).then(r => r.text())");
      assertTrue(csv.startsWith("study,cmoc,evidence,concept,stance"), csv);
      assertTrue(csv.contains("gillard-2014,trusting-relationships,mechanism-i"), csv);
      assertEquals(
          "cmograph-results.tsv",
          page.text("document.querySelector('a.download[data-format=tsv]').download"));

      // A row links to its study's page and its evidence item, whose page leads to the quote.
      assertTrue(
          page.evaluate(
                  "Array.from(document.querySelectorAll('#results a.id-link')).some(a => a.getAttribute('href') === '/id/gillard-2014')")
              .asBoolean(),
          "study link");
      assertTrue(
          page.evaluate(
                  "Array.from(document.querySelectorAll('#results a.id-link')).some(a => a.getAttribute('href') === '/id/gillard-2014/evidence/mechanism-i')")
              .asBoolean(),
          "evidence link");
      page.screenshot(screenshot("query-page-evidence-1280.png"));
      assertEquals(List.of(), page.problems(), "the browser reported problems");
      assertEquals(
          "[]",
          page.text(
              "JSON.stringify(performance.getEntriesByType('resource').map(e => e.name)"
                  + ".filter(n => !n.startsWith(location.origin + '/')))"),
          "everything the page loaded came from this server");
    }
  }

  @Test
  void anEditedQueryLivesInTheAddressAndSurvivesAReload() throws Exception {
    try (BrowserPage page = chromium.newPage()) {
      page.navigate(server.baseUrl() + "query");
      String query =
          "PREFIX cmo: <https://w3id.org/cmograph/ontology#>\nSELECT ?s WHERE { ?s a cmo:Study }\nORDER BY ?s";
      page.evaluate(
          EDITOR
              + ".setValue("
              + com.fasterxml.jackson.databind.node.TextNode.valueOf(query)
              + ")");
      page.click("#run");
      page.waitFor(RESULT_ROW, WAIT);
      String shared = page.text("location.href");
      assertTrue(shared.contains("/query?query="), shared);
      assertEquals(20, column(page, "s").size());
      assertTrue(column(page, "s").contains("cmoid:gillard-2014"), column(page, "s").toString());
      assertEquals(
          "/id/gillard-2014",
          page.text(
              "Array.from(document.querySelectorAll('#results a.iri')).find(a => a.textContent === 'cmoid:gillard-2014').getAttribute('href')"),
          "an IRI links to its page on this server");

      page.navigate(shared);
      page.waitFor(RESULT_ROW, WAIT);
      assertEquals(query, page.text(EDITOR + ".getValue()"));
      assertEquals(20, column(page, "s").size());

      // Completion offers the ontology's terms, from this server.
      page.evaluate(
          "(() => { const cm = "
              + EDITOR
              + "; cm.setValue('PREFIX cmo: <https://w3id.org/cmograph/ontology#>\\n"
              + "SELECT * { ?s cmo:reportsC'); cm.focus(); cm.setCursor(cm.lineCount() - 1, 100); cm.autocomplete(); })()");
      page.waitFor("document.querySelector('.CodeMirror-hints') !== null", WAIT);
      assertTrue(
          page.text("document.querySelector('.CodeMirror-hints').textContent")
              .contains("cmo:reportsCMOC"),
          page.text("document.querySelector('.CodeMirror-hints').textContent"));

      // A large result is paged: every row arrives, one page is drawn.
      page.evaluate(EDITOR + ".setValue('SELECT * { ?s ?p ?o }')");
      page.click("#run");
      page.waitFor(
          "document.getElementById('status').textContent.startsWith('Running') === false"
              + " && /^[0-9]{4,} rows/.test(document.getElementById('status').textContent)",
          WAIT);
      assertEquals(50, column(page, "s").size(), "one page of 50 rows drawn");

      // A graph downloads as RDF, not as a table.
      page.evaluate(EDITOR + ".setValue('CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 5')");
      page.click("#run");
      page.waitFor("document.querySelector('a.download[data-format=ttl]') !== null", WAIT);
      assertEquals(
          "ttl jsonld nt",
          page.text(
              "Array.from(document.querySelectorAll('a.download')).map(a => a.dataset.format).join(' ')"));
      assertEquals(
          "text/turtle",
          page.text(
              "fetch(document.querySelector('a.download[data-format=ttl]').href).then(r => r.headers.get('Content-Type'))"));
      assertEquals(List.of(), page.problems(), "the browser reported problems");
    }
  }

  @Test
  void anUnknownIdIsNamedWithTheNearestValidOnes() throws Exception {
    try (BrowserPage page = chromium.newPage()) {
      page.navigate(
          server.baseUrl()
              + "query?name=evidence-for-mechanism&mechanism=trusting-relationshp&format=table");
      String problem = page.text("document.getElementById('problems').textContent");
      assertTrue(
          problem.contains("\"trusting-relationshp\" is not a mechanism in the catalogue"),
          problem);
      assertTrue(problem.contains("Nearest valid ids: trusting-relationship"), problem);
      assertEquals("", page.text("document.getElementById('status').textContent"), "nothing ran");
      assertEquals("alert", page.text("document.getElementById('problems').getAttribute('role')"));
      page.screenshot(screenshot("query-page-unknown-id.png"));
      assertEquals(List.of(), page.problems(), "the browser reported problems");
    }
  }

  @Test
  void aParseErrorIsMarkedAtItsLineAndKeepsThePreviousResults() throws Exception {
    try (BrowserPage page = chromium.newPage()) {
      page.navigate(server.baseUrl() + "query?name=studies&format=table");
      page.waitFor(RESULT_ROW, WAIT);
      int rows = column(page, "study").size();
      page.evaluate(EDITOR + ".setValue('SELECT * WHERE {\\n  ?s ?p ?o .\\n  FILTER(?o = )\\n}')");
      page.click("#run");
      page.waitFor("document.getElementById('status').className === 'error'", WAIT);
      String status = page.text("document.getElementById('status').textContent");
      assertTrue(status.startsWith("Error 400 at line 3, column"), status);
      assertTrue(
          page.text(EDITOR + ".lineInfo(2).bgClass").contains("server-error-line"),
          "line 3 is marked");
      assertEquals("", page.text(EDITOR + ".lineInfo(1).bgClass"), "line 2 is not");
      assertEquals(rows, column(page, "study").size(), "the previous results stay");
      page.screenshot(screenshot("query-page-parse-error.png"));

      page.evaluate(EDITOR + ".setValue('PREFIX ex: <urn:x:>\\nINSERT DATA { ex:a ex:b ex:c }')");
      page.click("#run");
      page.waitFor("document.getElementById('status').textContent.includes('read-only')", WAIT);
      assertTrue(
          page.text("document.getElementById('status').textContent")
              .startsWith("Error 400: This endpoint is read-only"));
      // The two 400s are the only things the browser logs: failed loads, nothing thrown.
      assertTrue(
          page.problems().stream().allMatch(p -> p.contains("400")),
          "unexpected: " + page.problems());
    }
  }

  @Test
  void theHomeAndQueryPagesPassTheAccessibilityChecksAtBothWidths() throws Exception {
    try (BrowserPage page = chromium.newPage()) {
      for (int width : new int[] {1280, 390}) {
        page.viewport(width, 900);
        page.navigate(server.baseUrl());
        assertEquals(List.of(), Axe.seriousViolations(page), "home at " + width);
        assertTrue(
            page.evaluate("document.documentElement.scrollWidth").asInt() <= width,
            "home scrolls sideways at " + width);
        page.screenshot(screenshot("home-" + width + ".png"));

        page.navigate(
            server.baseUrl()
                + "query?name=evidence-for-mechanism&mechanism=trusting-relationship&format=table");
        page.waitFor(RESULT_ROW, WAIT);
        assertEquals(List.of(), Axe.seriousViolations(page), "query page at " + width);
        assertTrue(
            page.evaluate("document.documentElement.scrollWidth").asInt() <= width,
            "query page scrolls sideways at " + width);
        page.screenshot(screenshot("query-page-" + width + ".png"));
      }
      assertEquals(List.of(), page.problems(), "the browser reported problems");
    }
  }
}
